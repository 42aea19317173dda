using CustomerService.Data;
using CustomerService.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting.Rollups;

/// <summary>
/// How a period's days are read (SPEC I4): closed days up to <see cref="ClosedTo"/> from rollups except the
/// <see cref="Stale"/> ones (never rolled, or marked by a late fact), which with today are rolled from facts
/// (<see cref="LiveDays"/>). Every report figure, summed or distinct, splits the same way. Sums read a calendar month
/// whose every day is in the period, rolled and clean from its <see cref="RollupRow.WholeMonth"/> rows
/// (<see cref="WholeMonths"/>), and the other clean closed days from their whole-day rows (<see cref="RolledDays"/>).
/// </summary>
internal sealed record DaySplit(DateOnly From, DateOnly ClosedTo, List<DateOnly> Stale, IReadOnlyList<DateOnly> LiveDays)
{
    public bool HasClosedDays => From <= ClosedTo;

    /// <summary>First days of the months whose sums are read from whole-month rows.</summary>
    public List<DateOnly> WholeMonths { get; private init; } = [];

    /// <summary>Clean closed days outside <see cref="WholeMonths"/>: their sums are read from whole-day rows.</summary>
    public List<DateOnly> RolledDays { get; private init; } = [];

    public static async Task<DaySplit> LoadAsync(CustomerServiceDbContext db, ReportContext context, ReportPeriod period, CancellationToken cancellationToken)
    {
        var lastClosed = context.Today.AddDays(-1);
        var closedTo = period.To < lastClosed ? period.To : lastClosed;
        var stale = new List<DateOnly>();
        if (period.From <= closedTo)
        {
            var rolled = (await db.RollupDays.AsNoTracking()
                    .Where(d => d.LocalDate >= period.From && d.LocalDate <= closedTo)
                    .Select(d => d.LocalDate).ToListAsync(cancellationToken))
                .ToHashSet();
            var marked = (await db.RollupDirtyMarks.AsNoTracking()
                    .Where(m => m.LocalDate >= period.From && m.LocalDate <= closedTo)
                    .Select(m => m.LocalDate).Distinct().ToListAsync(cancellationToken))
                .ToHashSet();
            for (var day = period.From; day <= closedTo; day = day.AddDays(1))
            {
                if (!rolled.Contains(day) || marked.Contains(day))
                {
                    stale.Add(day);
                }
            }
        }

        var liveFrom = period.From > context.Today ? period.From : context.Today;
        var liveDays = stale.Concat(liveFrom <= period.To && liveFrom <= context.Today ? [context.Today] : []).ToList();
        var (months, days) = Months(period.From, closedTo, stale);
        return new DaySplit(period.From, closedTo, stale, liveDays) { WholeMonths = months, RolledDays = days };
    }

    private static (List<DateOnly> Months, List<DateOnly> Days) Months(DateOnly from, DateOnly closedTo, List<DateOnly> stale)
    {
        var staleDays = stale.ToHashSet();
        var months = new List<DateOnly>();
        var days = new List<DateOnly>();
        var day = from;
        while (day <= closedTo)
        {
            var next = new DateOnly(day.Year, day.Month, 1).AddMonths(1);
            var end = next.AddDays(-1) < closedTo ? next.AddDays(-1) : closedTo;
            var clean = Enumerable.Range(0, end.DayNumber - day.DayNumber + 1).Select(day.AddDays).Where(d => !staleDays.Contains(d)).ToList();
            if (day.Day == 1 && end == next.AddDays(-1) && clean.Count == end.Day)
            {
                months.Add(day);
            }
            else
            {
                days.AddRange(clean);
            }

            day = next;
        }

        return (months, days);
    }

    /// <summary>Consecutive live days as ranges, so facts are read once per range rather than once per day.</summary>
    public IEnumerable<ReportPeriod> LiveSpans()
    {
        var ordered = LiveDays.Distinct().Order().ToList();
        var start = 0;
        for (var i = 1; i <= ordered.Count; i++)
        {
            if (i == ordered.Count || ordered[i] != ordered[i - 1].AddDays(1))
            {
                yield return new ReportPeriod(ordered[start], ordered[i - 1]);
                start = i;
            }
        }
    }
}
