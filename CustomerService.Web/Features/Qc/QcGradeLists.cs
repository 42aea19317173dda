using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Qc;
using CustomerService.Domain.Reporting;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Security;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Qc;

/// <summary>
/// The QC lists (SPEC H3, issue 13): the inspector's workspace of ended conversations and its sampler, grade lists for
/// inspectors and agents, and disputes — each in the caller's scope (SPEC B), decided on the server.
/// </summary>
public sealed class QcGradeLists(IDbContextFactory<CustomerServiceDbContext> dbFactory, DataScopeFilter dataScope, TimeProvider clock)
{
    public const int MaxRows = 200;
    public const int MaxSamplePerAgentPerWeek = 50;

    /// <summary>Grades of one kind the caller may see, newest first.</summary>
    public async Task<IReadOnlyList<QcGradeView>> GradesAsync(int accountId, QcGradeList list, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await QcReader.LoadAsync(db, accountId, cancellationToken);
        if (reader is null)
        {
            return [];
        }

        var visible = await dataScope.ForAsync(accountId, ScopedModule.Records, cancellationToken);
        var grades = QcGradingService.VisibleGrades(db, visible, db.QcGrades);
        grades = list switch
        {
            QcGradeList.AboutMe => grades.Where(g => g.AgentId == accountId),
            QcGradeList.ByMe => grades.Where(g => g.InspectorId == accountId),
            QcGradeList.DisputesToAnswer => grades.Where(g => g.DisputeState == QcDisputeState.Open && g.InspectorId == accountId),
            QcGradeList.Disputes => grades.Where(g => g.DisputeState != QcDisputeState.None),
            _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
        };
        var page = grades.OrderByDescending(g => list == QcGradeList.AboutMe || list == QcGradeList.ByMe ? g.GradedAt : g.DisputedAt)
            .ThenByDescending(g => g.Id).Take(MaxRows);
        var settings = await QcGradingService.SettingsAsync(db, cancellationToken);
        var views = await QcGradeReader.ViewsAsync(db, page, reader, settings.DisputeDeadline, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return list is QcGradeList.AboutMe or QcGradeList.ByMe
            ? [.. views.OrderByDescending(v => v.GradedAt).ThenByDescending(v => v.Id)]
            : [.. views.OrderByDescending(v => v.DisputedAt).ThenByDescending(v => v.Id)];
    }

    /// <summary>
    /// The workspace (inspectors and admins): ended conversations that reached an agent, newest first, by default only
    /// those nobody graded yet.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<QcCandidate>>> CandidatesAsync(int accountId, QcCandidateFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = await CandidateQueryAsync(db, accountId, filter, cancellationToken);
        if (!query.Succeeded)
        {
            return query.Violation!;
        }

        var ids = await query.Value!.OrderByDescending(c => c.RequestedAt).ThenByDescending(c => c.Id).Take(MaxRows)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        return new Outcome<IReadOnlyList<QcCandidate>>(await RowsAsync(db, ids, cancellationToken), null);
    }

    /// <summary>
    /// The sampler (issue 13): up to <paramref name="perAgentPerWeek"/> random valid conversations per agent per week
    /// (weeks start on Monday, SPEC I0) among the filter's candidates. <paramref name="random"/> is for tests.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<QcCandidate>>> SampleAsync(
        int accountId, QcCandidateFilter filter, int perAgentPerWeek, Random? random = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (perAgentPerWeek < 1 || perAgentPerWeek > MaxSamplePerAgentPerWeek)
        {
            return new RuleViolation("QcSampleSizeOutOfRange", 1, MaxSamplePerAgentPerWeek);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = await CandidateQueryAsync(db, accountId, filter, cancellationToken);
        if (!query.Succeeded)
        {
            return query.Violation!;
        }

        var zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
        var pool = await query.Value!.Where(c => c.VisitorMessageCount > 0 && c.AgentMessageCount > 0)
            .Select(c => new { c.Id, AgentId = c.AgentId!.Value, c.RequestedAt }).ToListAsync(cancellationToken);
        random ??= Random.Shared;
        var picked = pool
            .GroupBy(c => (c.AgentId, Week: WeekStart(ReportPeriod.LocalDate(c.RequestedAt, zone))))
            .SelectMany(week => week.OrderBy(c => c.Id).ToArray() is var items ? Shuffle(items, random).Take(perAgentPerWeek) : [])
            .Select(c => c.Id)
            .ToList();
        var rows = await RowsAsync(db, picked, cancellationToken);
        return new Outcome<IReadOnlyList<QcCandidate>>([.. rows.OrderBy(r => r.AgentName).ThenBy(r => r.RequestedAt)], null);
    }

    /// <summary>Agents (accounts that can be graded) and account groups for the workspace filters.</summary>
    public async Task<(IReadOnlyList<QcPickItem> Agents, IReadOnlyList<QcPickItem> AccountGroups, IReadOnlyList<QcPickItem> ReceptionGroups)> PickersAsync(
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agents = await db.Accounts.AsNoTracking().OrderBy(a => a.InternalName).Select(a => new QcPickItem(a.Id, a.InternalName)).ToListAsync(cancellationToken);
        var groups = await db.AccountGroups.AsNoTracking().OrderBy(g => g.Name).Select(g => new QcPickItem(g.Id, g.Name)).ToListAsync(cancellationToken);
        var reception = await db.ReceptionGroups.AsNoTracking().OrderBy(g => g.Name).Select(g => new QcPickItem(g.Id, g.Name)).ToListAsync(cancellationToken);
        return (agents, groups, reception);
    }

    internal static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private async Task<Outcome<IQueryable<Conversation>>> CandidateQueryAsync(
        CustomerServiceDbContext db, int accountId, QcCandidateFilter filter, CancellationToken cancellationToken)
    {
        var reader = await QcReader.LoadAsync(db, accountId, cancellationToken);
        if (reader is null || !reader.MayGrade)
        {
            return new RuleViolation("QcMayNotGrade");
        }

        var period = ReportPeriod.Create(filter.From, filter.To);
        if (!period.Succeeded)
        {
            return period.Violation!;
        }

        var zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
        var (fromUtc, toUtc) = period.Value.UtcRange(zone);
        var visible = await dataScope.ForAsync(accountId, ScopedModule.Records, cancellationToken);
        var query = visible.Conversations(db).AsNoTracking()
            .Where(c => c.RequestedAt >= fromUtc && c.RequestedAt < toUtc && c.EndedAt != null && c.AgentId != null);
        if (filter.AgentId is { } agentId)
        {
            query = query.Where(c => c.AgentId == agentId);
        }

        if (filter.AccountGroupId is { } accountGroupId)
        {
            query = query.Where(c => db.Accounts.Any(a => a.Id == c.AgentId && a.AccountGroupId == accountGroupId));
        }

        if (filter.ReceptionGroupId is { } receptionGroupId)
        {
            query = query.Where(c => c.ReceptionGroupId == receptionGroupId);
        }

        if (filter.Unrated)
        {
            query = query.Where(c => c.EvaluationLevel == null);
        }
        else if (filter.Evaluation is { } level)
        {
            query = query.Where(c => c.EvaluationLevel == level);
        }

        if (!filter.IncludeGraded)
        {
            query = query.Where(c => !db.QcGrades.Any(g => g.ConversationId == c.Id));
        }

        return new Outcome<IQueryable<Conversation>>(query, null);
    }

    private static async Task<IReadOnlyList<QcCandidate>> RowsAsync(CustomerServiceDbContext db, List<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
        var rows = await (
                from c in db.Conversations.AsNoTracking()
                where ids.Contains(c.Id)
                join a in db.Accounts on c.AgentId equals a.Id
                join g in db.ReceptionGroups on c.ReceptionGroupId equals g.Id
                select new
                {
                    c.Id, c.RequestedAt, AgentId = a.Id, AgentName = a.InternalName, Group = g.Name, c.VisitorMessageCount, c.AgentMessageCount,
                    c.EvaluationLevel, Grades = db.QcGrades.Count(q => q.ConversationId == c.Id),
                })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).Select(r => new QcCandidate(
            r.Id, EnterpriseClock.ToLocal(r.RequestedAt, zone), r.AgentId, r.AgentName, r.Group,
            ConsultationClassifier.Classify(r.VisitorMessageCount, r.AgentMessageCount) == ConsultationValidity.Valid,
            r.EvaluationLevel, r.Grades))];
    }

    private static IEnumerable<T> Shuffle<T>(T[] items, Random random)
    {
        random.Shuffle(items);
        return items;
    }
}
