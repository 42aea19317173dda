using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Reporting;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Security;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Records;

/// <summary>One stay in a queue that ended in 放弃: nobody took the request, so there is no agent; times are UTC.</summary>
public sealed record AbandonedRequestRow(
    long EntryId,
    long ConversationId,
    DateTime EnteredAt,
    DateTime? LeftAt,
    long VisitorId,
    string? VisitorName,
    string? UserId,
    string? ReceptionGroup,
    string? StartPageTitle,
    string? StartPageUrl)
{
    /// <summary>From entering the queue to leaving it (放弃平均时间 averages these, SPEC I0 Queue).</summary>
    public TimeSpan? Wait => LeftAt - EnteredAt;

    public AbandonedRequestCursor Cursor => new(EnteredAt, EntryId);
}

/// <summary>Where the previous page ended: the last row's queue entry time and id (keyset paging).</summary>
public readonly record struct AbandonedRequestCursor(DateTime EnteredAt, long EntryId);

public sealed record AbandonedRequestPage(IReadOnlyList<AbandonedRequestRow> Rows, AbandonedRequestCursor? Next);

/// <summary>
/// 放弃排队 (issue 11): the requests 排队分析's 放弃 figure counts, one row per stay in a queue — as the figure counts
/// them (SPEC I0 Queue; <c>ReportFactLoader</c> and <c>DailyRollup.CreditQueue</c>): a queue entry that entered in the
/// period (the enterprise's days, <see cref="ReportPeriod.UtcRange"/>) and whose outcome is <see cref="QueueOutcome.Abandoned"/>,
/// in the reception group of the queue it entered. So for the enterprise and for one reception group the list holds
/// exactly the figure's count, when the viewer sees every request; a team lead sees those of his reception groups only
/// (<see cref="VisibleData.QueueEntries"/>, the one scope rule), Sales none.
/// Reads the (EnteredAt, ReceptionGroupId) index of the queue entries; the outcome is read from the row.
/// </summary>
public sealed class AbandonedRequestList(IDbContextFactory<CustomerServiceDbContext> dbFactory, DataScopeFilter dataScope)
{
    public const int PageSize = 50;

    /// <summary>The refusal of a reception group that does not exist (a typed or stale link).</summary>
    public const string ReceptionGroupUnknown = "Records.ReceptionGroupUnknown";

    /// <summary>Whether the account may see the list at all (the navigation shows it, the page opens).</summary>
    public async Task<bool> MaySeeAsync(int accountId, CancellationToken cancellationToken = default) =>
        (await dataScope.ForAsync(accountId, ScopedModule.Records, cancellationToken)).SeesUnassignedRequests;

    public async Task<Outcome<AbandonedRequestPage>> PageAsync(
        int accountId, ReportPeriod period, int? receptionGroupId, AbandonedRequestCursor? after, int size = PageSize,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (query, violation) = await QueryAsync(db, accountId, period, receptionGroupId, cancellationToken);
        if (violation is not null)
        {
            return violation;
        }

        if (after is { } cursor)
        {
            var (at, id) = (cursor.EnteredAt, cursor.EntryId);
            query = query!.Where(e => e.EnteredAt < at || (e.EnteredAt == at && e.Id < id));
        }

        size = Math.Clamp(size, 1, RecordListService.MaxPageSize);
        var rows = await (
                from e in query!.OrderByDescending(e => e.EnteredAt).ThenByDescending(e => e.Id).Take(size + 1)
                join c in db.Conversations on e.ConversationId equals c.Id
                select new AbandonedRequestRow(
                    e.Id, e.ConversationId, e.EnteredAt, e.LeftAt, c.VisitorId,
                    db.Visitors.Where(v => v.Id == c.VisitorId).Select(v => v.Name).FirstOrDefault(),
                    db.Visitors.Where(v => v.Id == c.VisitorId).Select(v => v.ExternalUserId).FirstOrDefault(),
                    db.ReceptionGroups.Where(g => g.Id == e.ReceptionGroupId).Select(g => g.Name).FirstOrDefault(),
                    c.StartPageTitle, c.StartPageUrl))
            .ToListAsync(cancellationToken);
        // The join may not keep the order of the page cut in SQL: restored here.
        var page = rows.OrderByDescending(r => r.EnteredAt).ThenByDescending(r => r.EntryId).Take(size).ToList();
        return new AbandonedRequestPage(page, rows.Count > size ? page[^1].Cursor : null);
    }

    /// <summary>How many rows the list holds for the period and reception group (the navigation's count).</summary>
    public async Task<Outcome<int>> CountAsync(int accountId, ReportPeriod period, int? receptionGroupId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (query, violation) = await QueryAsync(db, accountId, period, receptionGroupId, cancellationToken);
        if (violation is not null)
        {
            return violation;
        }

        return await query!.CountAsync(cancellationToken);
    }

    /// <summary>The reception groups to pick from.</summary>
    public async Task<IReadOnlyList<RecordOption>> ReceptionGroupsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReceptionGroups.AsNoTracking().OrderBy(g => g.Name).Select(g => new RecordOption(g.Id, g.Name)).ToListAsync(cancellationToken);
    }

    private async Task<(IQueryable<ConversationQueueEntry>? Query, RuleViolation? Violation)> QueryAsync(
        CustomerServiceDbContext db, int accountId, ReportPeriod period, int? receptionGroupId, CancellationToken cancellationToken)
    {
        if (ReportPeriod.Create(period.From, period.To).Violation is { } badPeriod)
        {
            return (null, badPeriod);
        }

        if (receptionGroupId is { } group && !await db.ReceptionGroups.AnyAsync(g => g.Id == group, cancellationToken))
        {
            return (null, new RuleViolation(ReceptionGroupUnknown));
        }

        var visible = await dataScope.ForAsync(accountId, ScopedModule.Records, cancellationToken);
        var zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
        var (fromUtc, toUtc) = period.UtcRange(zone);
        var query = visible.QueueEntries(db).AsNoTracking()
            .Where(e => e.EnteredAt >= fromUtc && e.EnteredAt < toUtc && e.Outcome == QueueOutcome.Abandoned);
        if (receptionGroupId is { } groupId)
        {
            query = query.Where(e => e.ReceptionGroupId == groupId);
        }

        return (query, null);
    }
}
