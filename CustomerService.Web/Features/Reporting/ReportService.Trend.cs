using System.Linq.Expressions;
using CustomerService.Data;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting.Facts;
using CustomerService.Web.Features.Reporting.Rollups;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting;

public sealed partial class ReportService
{
    /// <summary>
    /// The audience's total figures per bucket of the period (趋势): each bucket is a period of its own, so every point
    /// equals the total a report over that bucket shows. The period is read once, per day (sums and distinct inputs),
    /// and each bucket adds and unites its days: a year by day is one read, not 365 reports.
    /// </summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(
        ReportPeriod period, ReportGranularity granularity, ReportAudience audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await ReportContext.LoadAsync(db, clock, cancellationToken);
        var split = await DaySplit.LoadAsync(db, context, period, cancellationToken);
        var sums = await DailyTotalsAsync(db, context, split, audience, cancellationToken);
        var inputs = await distinct.ReadDailyAsync(db, context, split, audience, cancellationToken);
        var points = new List<TrendPoint>();
        foreach (var (start, end) in period.Buckets(granularity))
        {
            var days = Days(start, end).ToList();
            var totals = RollupTotals.Sum(days.Where(sums.ContainsKey).Select(d => sums[d]));
            var distinctTotal = DistinctUnion.OfMerged(days.Where(inputs.ContainsKey).Select(d => inputs[d]));
            points.Add(new TrendPoint(start, end, ReportFigures.From(totals, distinctTotal, ReportSubject.Total)));
        }

        return points;
    }

    /// <summary>
    /// 排队分析 per bucket of the period (趋势), for one reception group's queue or all: each point equals
    /// <see cref="QueueAsync"/> over its bucket. Queue entries are credited to no agent, in the group whose queue they
    /// entered; the period is read once, per day.
    /// </summary>
    public async Task<IReadOnlyList<QueueTrendPoint>> QueueTrendAsync(
        ReportPeriod period, ReportGranularity granularity, int? receptionGroupId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await ReportContext.LoadAsync(db, clock, cancellationToken);
        var split = await DaySplit.LoadAsync(db, context, period, cancellationToken);
        var sums = await DailySumsAsync(
            db, context, split, RollupRow.WholeDay,
            r => r.AgentId == null && r.ReceptionGroupId != null && (receptionGroupId == null || r.ReceptionGroupId == receptionGroupId),
            cancellationToken);
        return [.. period.Buckets(granularity).Select(bucket => new QueueTrendPoint(
            bucket.Start, bucket.End, QueueFigures.From(RollupTotals.Sum(Days(bucket.Start, bucket.End).Where(sums.ContainsKey).Select(d => sums[d])))))];
    }

    /// <summary>When closed days were last rolled up (数据更新于), for pages whose figures carry no report.</summary>
    public async Task<DateTime?> RolledAtAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await ReportContext.LoadAsync(db, clock, cancellationToken)).LastRolledAt;
    }

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to) => Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays);

    /// <summary>
    /// The audience's sums per day of the split: for the whole enterprise, clean closed days' enterprise-day rows; for a
    /// set of agents, their whole-day rows summed per day in SQL; today and stale days rolled from facts.
    /// </summary>
    private Task<Dictionary<DateOnly, RollupTotals>> DailyTotalsAsync(
        CustomerServiceDbContext db, ReportContext context, DaySplit split, ReportAudience audience, CancellationToken cancellationToken)
    {
        if (audience.WholeEnterprise)
        {
            return DailySumsAsync(db, context, split, RollupRow.EnterpriseDay, r => true, cancellationToken);
        }

        var ids = audience.AgentIds.ToList();
        return DailySumsAsync(db, context, split, RollupRow.WholeDay, r => r.AgentId != null && ids.Contains(r.AgentId.Value), cancellationToken);
    }

    /// <summary>
    /// Sums per day of the split of the rows <paramref name="filter"/> accepts: clean closed days' rows under
    /// <paramref name="hour"/> (whole-day or enterprise-day) summed per day in SQL, today and stale days rolled from facts.
    /// </summary>
    private async Task<Dictionary<DateOnly, RollupTotals>> DailySumsAsync(
        CustomerServiceDbContext db,
        ReportContext context,
        DaySplit split,
        int hour,
        Expression<Func<RollupRow, bool>> filter,
        CancellationToken cancellationToken)
    {
        var sums = new Dictionary<DateOnly, RollupTotals>();
        if (split.HasClosedDays)
        {
            var stale = split.Stale;
            var rows = db.RollupRows.AsNoTracking()
                .Where(r => r.Hour == hour && r.LocalDate >= split.From && r.LocalDate <= split.ClosedTo && !stale.Contains(r.LocalDate))
                .Where(filter);
            foreach (var day in await rows.GroupBy(r => r.LocalDate).Select(RollupSums.ByDay).ToListAsync(cancellationToken))
            {
                sums[day.Key] = day;
            }
        }

        var compiled = filter.Compile();
        foreach (var span in split.LiveSpans())
        {
            var (fromUtc, toUtc) = new ReportPeriod(span.From, span.To).UtcRange(context.Zone);
            var facts = await loader.LoadAsync(db, fromUtc, toUtc, context.AttributionWindow, cancellationToken);
            for (var day = span.From; day <= span.To; day = day.AddDays(1))
            {
                sums[day] = RollupTotals.Sum(DailyRollup.Roll(day, context.Zone, facts, context.Now).Where(compiled));
            }
        }

        return sums;
    }
}
