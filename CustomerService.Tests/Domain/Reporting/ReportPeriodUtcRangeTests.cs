using CustomerService.Domain.Reporting;

namespace CustomerService.Tests.Domain.Reporting;

/// <summary>
/// SPEC I0, N4: a period of local days as UTC instants, as the integration API's conversation list filters by it —
/// including the days on which daylight saving moves or repeats midnight.
/// </summary>
public sealed class ReportPeriodUtcRangeTests
{
    [Fact]
    public void A_shanghai_day_runs_from_16_00_utc_the_day_before()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

        var (start, end) = new ReportPeriod(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2)).UtcRange(zone);

        Assert.Equal(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 12, 2, 16, 0, 0, DateTimeKind.Utc), end);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
    }

    [Fact]
    public void The_day_daylight_saving_starts_is_23_hours_long()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var (start, end) = new ReportPeriod(new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 8)).UtcRange(zone);

        Assert.Equal(new DateTime(2026, 3, 8, 5, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 3, 9, 4, 0, 0, DateTimeKind.Utc), end);
    }

    [Fact]
    public void Where_midnight_is_skipped_the_day_starts_at_the_first_valid_minute()
    {
        // Chile moves 00:00 to 01:00 on 6 September 2026: the day starts at 01:00 −03 = 04:00 UTC.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

        var (start, end) = new ReportPeriod(new DateOnly(2026, 9, 6), new DateOnly(2026, 9, 6)).UtcRange(zone);

        Assert.Equal(new DateTime(2026, 9, 6, 4, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 9, 7, 3, 0, 0, DateTimeKind.Utc), end);
    }

    [Fact]
    public void Where_midnight_happens_twice_the_day_starts_at_the_first()
    {
        // Cuba goes back from 01:00 to 00:00 on 1 November 2026: the first midnight is −04 = 04:00 UTC.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");

        var (start, end) = new ReportPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1)).UtcRange(zone);

        Assert.Equal(new DateTime(2026, 11, 1, 4, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 11, 2, 5, 0, 0, DateTimeKind.Utc), end);
    }
}
