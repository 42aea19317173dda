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
            var days = Enumerable.Range(0, end.DayNumber - start.DayNumber + 1).Select(start.AddDays).ToList();
            var totals = RollupTotals.Sum(days.Where(sums.ContainsKey).Select(d => sums[d]));
            var distinctTotal = DistinctUnion.OfMerged(days.Where(inputs.ContainsKey).Select(d => inputs[d]));
            points.Add(new TrendPoint(start, end, ReportFigures.From(totals, distinctTotal, ReportSubject.Total)));
        }

        return points;
    }

    /// <summary>
    /// The audience's sums per day of the split: for the whole enterprise, clean closed days' enterprise-day rows; for a
    /// set of agents, their whole-day rows summed per day in SQL; today and stale days rolled from facts.
    /// </summary>
    private async Task<Dictionary<DateOnly, RollupTotals>> DailyTotalsAsync(
        CustomerServiceDbContext db, ReportContext context, DaySplit split, ReportAudience audience, CancellationToken cancellationToken)
    {
        var sums = new Dictionary<DateOnly, RollupTotals>();
        if (split.HasClosedDays)
        {
            var stale = split.Stale;
            var ids = audience.AgentIds.ToList();
            var hour = audience.WholeEnterprise ? RollupRow.EnterpriseDay : RollupRow.WholeDay;
            var rows = db.RollupRows.AsNoTracking()
                .Where(r => r.Hour == hour && r.LocalDate >= split.From && r.LocalDate <= split.ClosedTo && !stale.Contains(r.LocalDate));
            if (!audience.WholeEnterprise)
            {
                rows = rows.Where(r => r.AgentId != null && ids.Contains(r.AgentId.Value));
            }

            foreach (var day in await rows.GroupBy(r => r.LocalDate).Select(RollupSums.ByDay).ToListAsync(cancellationToken))
            {
                sums[day.Key] = day;
            }
        }

        foreach (var span in split.LiveSpans())
        {
            var (fromUtc, toUtc) = new ReportPeriod(span.From, span.To).UtcRange(context.Zone);
            var facts = await loader.LoadAsync(db, fromUtc, toUtc, context.AttributionWindow, cancellationToken);
            for (var day = span.From; day <= span.To; day = day.AddDays(1))
            {
                sums[day] = RollupTotals.Sum(DailyRollup.Roll(day, context.Zone, facts, context.Now).Where(r => audience.Includes(r.AgentId)));
            }
        }

        return sums;
    }
}
