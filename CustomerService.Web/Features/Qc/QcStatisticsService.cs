using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Qc;
using CustomerService.Domain.Reporting;
using CustomerService.Domain.Security;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Qc;

/// <summary>One line of the QC statistics: an agent, an account group or an inspector.</summary>
public sealed record QcStatisticsLine(int Id, string Name, QcTally Tally);

/// <summary>
/// 质检统计 (SPEC H3) for a local period: per agent and per account group, graded conversations counted by their request
/// time and credited to the conversation's final agent, each conversation's score the average of its grades' (revised)
/// scores (SPEC I0) — the numbers of the N5 qc* figures; per inspector, the grades he made. Disputes and outcomes are
/// counted per grade in each line.
/// </summary>
public sealed record QcStatistics(
    ReportPeriod Period,
    QcTally Total,
    IReadOnlyList<QcStatisticsLine> Agents,
    IReadOnlyList<QcStatisticsLine> Groups,
    IReadOnlyList<QcStatisticsLine> Inspectors);

public sealed class QcStatisticsService(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    /// <summary>The statistics, or <c>QcMayNotViewStatistics</c> for roles SPEC B keeps out (Admin and QC only).</summary>
    public async Task<Outcome<QcStatistics>> ComputeAsync(int accountId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await QcReader.LoadAsync(db, accountId, cancellationToken);
        if (reader is null || !PermissionMatrix.Allows(reader.Role, Permission.ViewQcStatistics))
        {
            return new RuleViolation("QcMayNotViewStatistics");
        }

        var period = ReportPeriod.Create(from, to);
        if (!period.Succeeded)
        {
            return period.Violation!;
        }

        var zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
        var (fromUtc, toUtc) = period.Value.UtcRange(zone);
        var grades = await db.QcGrades.AsNoTracking()
            .Where(g => g.ConversationRequestedAt >= fromUtc && g.ConversationRequestedAt < toUtc)
            .Select(g => new { g.ConversationId, g.AgentId, g.InspectorId, g.Points, g.Possible, g.RevisedPoints, g.RevisedPossible, g.DisputeState })
            .ToListAsync(cancellationToken);
        var accounts = await db.Accounts.AsNoTracking().Select(a => new { a.Id, a.InternalName, a.AccountGroupId }).ToDictionaryAsync(a => a.Id, cancellationToken);
        var groupNames = await db.AccountGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);

        var total = new QcTally();
        var agents = new Dictionary<int, QcTally>();
        var groups = new Dictionary<int, QcTally>();
        var inspectors = new Dictionary<int, QcTally>();
        foreach (var conversation in grades.GroupBy(g => (g.ConversationId, g.AgentId)))
        {
            var score = QcScore.Average(conversation.Select(g => QcScore.Of(g.RevisedPoints ?? g.Points, g.RevisedPossible ?? g.Possible)))!.Value;
            var group = accounts.TryGetValue(conversation.Key.AgentId, out var agent) ? agent.AccountGroupId : 0;
            foreach (var tally in new[] { total, TallyOf(agents, conversation.Key.AgentId), TallyOf(groups, group) })
            {
                tally.AddScore(score);
                foreach (var grade in conversation)
                {
                    tally.AddDispute(grade.DisputeState);
                }
            }
        }

        foreach (var grade in grades)
        {
            var tally = TallyOf(inspectors, grade.InspectorId);
            tally.AddScore(QcScore.Of(grade.RevisedPoints ?? grade.Points, grade.RevisedPossible ?? grade.Possible));
            tally.AddDispute(grade.DisputeState);
        }

        string AccountName(int id) => accounts.TryGetValue(id, out var a) ? a.InternalName : $"#{id}";
        return new QcStatistics(
            period.Value,
            total,
            [.. agents.Select(kv => new QcStatisticsLine(kv.Key, AccountName(kv.Key), kv.Value)).OrderBy(l => l.Name, StringComparer.Ordinal)],
            [.. groups.Select(kv => new QcStatisticsLine(kv.Key, groupNames.GetValueOrDefault(kv.Key, string.Empty), kv.Value)).OrderBy(l => l.Name, StringComparer.Ordinal)],
            [.. inspectors.Select(kv => new QcStatisticsLine(kv.Key, AccountName(kv.Key), kv.Value)).OrderBy(l => l.Name, StringComparer.Ordinal)]);
    }

    private static QcTally TallyOf(Dictionary<int, QcTally> tallies, int key)
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tally = new QcTally();
            tallies[key] = tally;
        }

        return tally;
    }
}
