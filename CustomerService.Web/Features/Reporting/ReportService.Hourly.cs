using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting.Rollups;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting;

/// <summary>One local hour of a day's trend (SPEC I2: hours for a single day).</summary>
public sealed record HourPoint(int Hour, ReportFigures Figures);

public sealed partial class ReportService
{
    /// <summary>
    /// The audience's total figures per local hour of <paramref name="day"/>: the hourly rollup rows of a rolled, unmarked
    /// closed day, else the day rolled from facts. Distinct-user figures are counted within each hour.
    /// </summary>
    public async Task<IReadOnlyList<HourPoint>> HourlyAsync(DateOnly day, ReportAudience audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await ReportContext.LoadAsync(db, clock, cancellationToken);
        var rows = await HourlyRowsAsync(db, context, day, cancellationToken);
        var (dayStart, dayEnd) = new ReportPeriod(day, day).UtcRange(context.Zone);
        var points = new List<HourPoint>();
        for (var hour = 0; hour < 24; hour++)
        {
            var from = HourStart(day, hour, context.Zone);
            var to = hour == 23 ? dayEnd : HourStart(day, hour + 1, context.Zone);
            from = from < dayStart ? dayStart : from;
            if (to <= from)
            {
                // A local hour that does not exist (spring forward) has no facts.
                points.Add(new HourPoint(hour, ReportFigures.From(new RollupTotals(), DistinctFigures.None)));
                continue;
            }

            var totals = RollupTotals.Sum(rows.Where(r => r.Hour == hour && audience.Includes(r.AgentId)));
            var distinctFigures = await distinct.ReadFromFactsAsync(db, from, to, audience, cancellationToken);
            points.Add(new HourPoint(hour, ReportFigures.From(totals, distinctFigures.Total)));
        }

        return points;
    }

    private async Task<IReadOnlyList<RollupRow>> HourlyRowsAsync(
        CustomerService.Data.CustomerServiceDbContext db, ReportContext context, DateOnly day, CancellationToken cancellationToken)
    {
        var clean = day < context.Today
            && await db.RollupDays.AnyAsync(d => d.LocalDate == day, cancellationToken)
            && !await db.RollupDirtyMarks.AnyAsync(m => m.LocalDate == day, cancellationToken);
        if (clean)
        {
            return await db.RollupRows.AsNoTracking().Where(r => r.LocalDate == day && r.Hour >= 0).ToListAsync(cancellationToken);
        }

        var (fromUtc, toUtc) = new ReportPeriod(day, day).UtcRange(context.Zone);
        var facts = await loader.LoadAsync(db, fromUtc, toUtc, context.AttributionWindow, cancellationToken);
        return DailyRollup.Roll(day, context.Zone, facts, context.Now);
    }

    /// <summary>The UTC instant a local hour starts; an hour skipped by daylight saving starts when the clock resumes.</summary>
    private static DateTime HourStart(DateOnly day, int hour, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
