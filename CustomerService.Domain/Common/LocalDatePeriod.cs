namespace CustomerService.Domain.Common;

/// <summary>
/// A period of whole local days, both ends included, in the enterprise's time zone (SPEC I0, N4: <c>from</c>/<c>to</c>
/// are local dates <c>YYYY-MM-DD</c>). Longest one year, leap year included.
/// </summary>
public readonly record struct LocalDatePeriod(DateOnly From, DateOnly To)
{
    public const int MaxDays = 366;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>Null when the period is allowed; otherwise why not (the fault is the end's: it names <c>to</c>).</summary>
    public static RuleViolation? Check(DateOnly from, DateOnly to) =>
        to < from ? new RuleViolation("PeriodEndsBeforeStart")
        : to.DayNumber - from.DayNumber + 1 > MaxDays ? new RuleViolation("PeriodTooLong", MaxDays)
        : null;

    /// <summary>
    /// The UTC instants the period covers: from the start of <see cref="From"/> (inclusive) to the start of the day
    /// after <see cref="To"/> (exclusive), each “start of day” being the first local instant of that date.
    /// </summary>
    public (DateTime StartUtc, DateTime EndUtc) ToUtc(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return (StartOfDayUtc(From, zone), StartOfDayUtc(To.AddDays(1), zone));
    }

    /// <summary>
    /// Local midnight as UTC. Where a daylight-saving change skips midnight the day starts at the first valid minute
    /// after it; where midnight happens twice the day starts at the first of them.
    /// </summary>
    public static DateTime StartOfDayUtc(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
