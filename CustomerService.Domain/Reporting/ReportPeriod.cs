using CustomerService.Domain.Common;

namespace CustomerService.Domain.Reporting;

/// <summary>The period picker's presets (SPEC I2, I0).</summary>
public enum ReportPreset
{
    /// <summary>今天.</summary>
    Today,

    /// <summary>昨天.</summary>
    Yesterday,

    /// <summary>近7天: today and the 6 days before.</summary>
    Last7Days,

    /// <summary>近30天: today and the 29 days before.</summary>
    Last30Days,

    /// <summary>本月: the first of this month to today.</summary>
    ThisMonth,

    /// <summary>上月: the whole previous month.</summary>
    LastMonth,
}

/// <summary>
/// Date buckets of a multi-day period (SPEC I2). A single day's hourly split comes from the rollup rows' hours, not from
/// here.
/// </summary>
public enum ReportGranularity
{
    Day,

    /// <summary>Weeks start on Monday (SPEC I0); the first and last week are clipped to the period.</summary>
    Week,

    /// <summary>Calendar months, clipped to the period.</summary>
    Month,
}

/// <summary>
/// A report period: local calendar dates <see cref="From"/>..<see cref="To"/>, both inclusive, in the enterprise's
/// time zone (SPEC I0). Build one with <see cref="Create"/> (which refuses bad input) or <see cref="Preset"/>.
/// </summary>
public readonly record struct ReportPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The longest period a report covers (SPEC I2: custom up to a year, leap years included).</summary>
    public const int MaxDays = 366;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>A period, or <c>ReportPeriodReversed</c> (to before from) / <c>ReportPeriodTooLong(366)</c>.</summary>
    public static Outcome<ReportPeriod> Create(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return new RuleViolation("ReportPeriodReversed");
        }

        var period = new ReportPeriod(from, to);
        return period.Days > MaxDays ? new RuleViolation("ReportPeriodTooLong", MaxDays) : period;
    }

    /// <summary>SPEC I0 presets, relative to the local <paramref name="today"/>.</summary>
    public static ReportPeriod Preset(ReportPreset preset, DateOnly today)
    {
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        return preset switch
        {
            ReportPreset.Today => new(today, today),
            ReportPreset.Yesterday => new(today.AddDays(-1), today.AddDays(-1)),
            ReportPreset.Last7Days => new(today.AddDays(-6), today),
            ReportPreset.Last30Days => new(today.AddDays(-29), today),
            ReportPreset.ThisMonth => new(firstOfMonth, today),
            ReportPreset.LastMonth => new(firstOfMonth.AddMonths(-1), firstOfMonth.AddDays(-1)),
            _ => throw new ArgumentOutOfRangeException(nameof(preset)),
        };
    }

    /// <summary>The period of the same length just before this one (环比, SPEC I0).</summary>
    public ReportPeriod Previous() => new(From.AddDays(-Days), From.AddDays(-1));

    /// <summary>
    /// [local midnight of <see cref="From"/>, local midnight after <see cref="To"/>) in UTC, right across daylight
    /// saving. A local midnight that does not exist (the zone skips 00:00) is the first instant after it; a midnight
    /// that occurs twice (the zone falls back to 00:00) is its first occurrence, so every instant whose local date is in
    /// the period — and only those — lies in the range, in agreement with <see cref="LocalDate"/>.
    /// </summary>
    public (DateTime FromUtc, DateTime ToUtc) UtcRange(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return (StartOfDayUtc(From, zone), StartOfDayUtc(To.AddDays(1), zone));
    }

    /// <summary>The local calendar date of a UTC instant (the loader's times may come back with an unspecified kind).</summary>
    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
    }

    /// <summary>The buckets of a trend (SPEC I2), in order, covering the period exactly.</summary>
    public IEnumerable<(DateOnly Start, DateOnly End)> Buckets(ReportGranularity granularity)
    {
        var start = From;
        while (start <= To)
        {
            var end = granularity switch
            {
                ReportGranularity.Day => start,
                ReportGranularity.Week => start.AddDays((7 - (int)start.DayOfWeek) % 7),
                ReportGranularity.Month => new DateOnly(start.Year, start.Month, 1).AddMonths(1).AddDays(-1),
                _ => throw new ArgumentOutOfRangeException(nameof(granularity)),
            };
            end = DateOnly.FromDayNumber(Math.Min(end.DayNumber, To.DayNumber));
            yield return (start, end);
            start = end.AddDays(1);
        }
    }

    internal static DateTime StartOfDayUtc(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            // Falls back to midnight: the first occurrence is the one with the larger offset.
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        // Skips midnight: the day begins where the gap ends. Real gaps end on a whole minute.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
