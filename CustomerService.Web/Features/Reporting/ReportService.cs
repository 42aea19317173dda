using System.Linq.Expressions;
using CustomerService.Data;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting.Facts;
using CustomerService.Web.Features.Reporting.Rollups;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting;

/// <summary>One agent's figures in a report.</summary>
public sealed record AgentFigures(int AgentId, string Login, string Name, string? AccountGroup, ReportFigures Figures);

/// <summary>One order of 订单详情 with its attribution (logins, not ids: what the merchant's systems know).</summary>
public sealed record OrderDetail(
    string OrderId, DateTime PlacedAt, DateTime? PaidAt, decimal Amount, string UserId, string? OrderAgent,
    IReadOnlyList<string> AssistingAgents, OrderType Type, long? ConversationId);

/// <summary>One point of a trend: the total figures of the bucket [<paramref name="From"/>, <paramref name="To"/>].</summary>
public sealed record TrendPoint(DateOnly From, DateOnly To, ReportFigures Figures);

/// <summary>One point of the queue's trend: 排队分析 of the bucket [<paramref name="From"/>, <paramref name="To"/>].</summary>
public sealed record QueueTrendPoint(DateOnly From, DateOnly To, QueueFigures Figures);

/// <summary>The figures of a period for an audience: the total and each agent's (SPEC N5 <c>/reports/agents</c>).</summary>
public sealed record AgentReport(ReportPeriod Period, string TimeZone, ReportFigures Total, IReadOnlyList<AgentFigures> Agents, DateTime? RolledAt);

/// <summary>
/// The one source of every report number (SPEC I4, N5): the report API, the KPI pages and their .xlsx call it, so they
/// cannot disagree. Closed days come from rollup rows (whole-day rows summed in SQL); today, and a closed day not
/// rolled yet or marked by a late fact, are rolled in memory from facts by the same <see cref="DailyRollup"/>, so a
/// figure is exact whether or not the nightly job has run. Figures that do not add up across days are computed from
/// rolled per day as sets and united over the period (<see cref="DistinctFigureReader"/>).
/// </summary>
public sealed partial class ReportService(
    IDbContextFactory<CustomerServiceDbContext> dbFactory,
    ReportFactLoader loader,
    DistinctFigureReader distinct,
    OriginInputReader origins,
    TimeProvider clock)
{
    public async Task<AgentReport> AgentsAsync(ReportPeriod period, ReportAudience audience, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await ReportContext.LoadAsync(db, clock, cancellationToken);
        var (byAgent, distinctFigures, total) = await AudienceFiguresAsync(db, context, period, audience, cancellationToken);

        var agents = await db.Accounts.AsNoTracking()
            .Where(a => audience.AgentIds.Contains(a.Id))
            .Select(a => new { a.Id, a.LoginName, a.InternalName, Group = db.AccountGroups.Where(g => g.Id == a.AccountGroupId).Select(g => g.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var rows = agents
            .OrderBy(a => a.LoginName, StringComparer.Ordinal)
            .Select(a => new AgentFigures(
                a.Id, a.LoginName, a.InternalName, a.Group,
                ReportFigures.From(byAgent.GetValueOrDefault(new RowKey(a.Id)) ?? new RollupTotals(), distinctFigures.ForAgent(a.Id), ReportSubject.Agent)))
            .ToList();
        return new AgentReport(period, context.Zone.Id, total, rows, context.LastRolledAt);
    }

    /// <summary>排队分析 of a period (SPEC I0 Queue), for one reception group or all.</summary>
    public async Task<QueueFigures> QueueAsync(ReportPeriod period, int? receptionGroupId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await ReportContext.LoadAsync(db, clock, cancellationToken);
        // Queue entries are credited to no agent, in the group whose queue they entered.
        var byGroup = await TotalsAsync(db, context, period, r => r.AgentId == null && r.ReceptionGroupId != null, r => r.ReceptionGroupId, cancellationToken);
        var queueRows = byGroup.Where(kv => receptionGroupId is null || kv.Key.Id == receptionGroupId);
        return QueueFigures.From(RollupTotals.Sum(queueRows.Select(kv => kv.Value)));
    }

    /// <summary>
    /// A period's sums per agent, its distinct figures for the audience, and the audience's total figures: what a report
    /// and each point of a trend are made of.
    /// </summary>
    private async Task<(Dictionary<RowKey, RollupTotals> ByAgent, DistinctFigureSet Distinct, ReportFigures Total)> AudienceFiguresAsync(
        CustomerServiceDbContext db, ReportContext context, ReportPeriod period, ReportAudience audience, CancellationToken cancellationToken)
    {
        var split = await DaySplit.LoadAsync(db, context, period, cancellationToken);
        var byAgent = await TotalsAsync(db, context, split, r => true, r => r.AgentId, cancellationToken);
        var distinctFigures = await distinct.ReadAsync(db, context, split, audience, cancellationToken);
        var total = RollupTotals.Sum(byAgent.Where(kv => audience.Includes(kv.Key.Id)).Select(kv => kv.Value));
        return (byAgent, distinctFigures, ReportFigures.From(total, distinctFigures.Total, ReportSubject.Total));
    }

    /// <summary>
    /// Sums of the period's rows grouped by <paramref name="key"/>: whole-month and whole-day rollup rows of clean
    /// closed days in SQL (<see cref="DaySplit"/>), plus today and stale days rolled from facts.
    /// </summary>
    private async Task<Dictionary<RowKey, RollupTotals>> TotalsAsync(
        CustomerServiceDbContext db,
        ReportContext context,
        ReportPeriod period,
        Expression<Func<RollupRow, bool>> filter,
        Expression<Func<RollupRow, int?>> key,
        CancellationToken cancellationToken) =>
        await TotalsAsync(db, context, await DaySplit.LoadAsync(db, context, period, cancellationToken), filter, key, cancellationToken);

    /// <summary>The same, for a split already loaded (a report's sums and distinct figures read the same days).</summary>
    private async Task<Dictionary<RowKey, RollupTotals>> TotalsAsync(
        CustomerServiceDbContext db,
        ReportContext context,
        DaySplit split,
        Expression<Func<RollupRow, bool>> filter,
        Expression<Func<RollupRow, int?>> key,
        CancellationToken cancellationToken)
    {
        var sums = new Dictionary<RowKey, RollupTotals>();
        if (split.HasClosedDays)
        {
            var (days, months) = (split.RolledDays, split.WholeMonths);
            var fromRollups = await db.RollupRows.AsNoTracking()
                .Where(r => (r.Hour == RollupRow.WholeDay && days.Contains(r.LocalDate)) || (r.Hour == RollupRow.WholeMonth && months.Contains(r.LocalDate)))
                .Where(filter)
                .GroupBy(key)
                .Select(RollupSums.ByKey)
                .ToListAsync(cancellationToken);
            foreach (var row in fromRollups)
            {
                sums[new RowKey(row.Key)] = row;
            }
        }

        var compiledKey = key.Compile();
        var compiledFilter = filter.Compile();
        foreach (var span in split.LiveSpans())
        {
            var (fromUtc, toUtc) = new ReportPeriod(span.From, span.To).UtcRange(context.Zone);
            var facts = await loader.LoadAsync(db, fromUtc, toUtc, context.AttributionWindow, cancellationToken);
            for (var day = span.From; day <= span.To; day = day.AddDays(1))
            {
                foreach (var (k, totals) in RollupSums.InMemory(DailyRollup.Roll(day, context.Zone, facts, context.Now).Where(compiledFilter), compiledKey))
                {
                    sums[k] = sums.TryGetValue(k, out var existing) ? RollupTotals.Sum([existing, totals]) : totals;
                }
            }
        }

        return sums;
    }
}
