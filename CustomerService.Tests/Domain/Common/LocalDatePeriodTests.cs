using CustomerService.Domain.Common;

namespace CustomerService.Tests.Domain.Common;

/// <summary>SPEC I0, N4: <c>from</c>/<c>to</c> are local days of the enterprise, both included, at most 366 of them.</summary>
public sealed class LocalDatePeriodTests
{
    [Fact]
    public void A_single_day_is_a_period_of_one_day()
    {
        Assert.Null(LocalDatePeriod.Check(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1)));
        Assert.Equal(1, new LocalDatePeriod(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1)).Days);
    }

    [Fact]
    public void The_end_may_not_come_before_the_start() =>
        Assert.Equal("PeriodEndsBeforeStart", LocalDatePeriod.Check(new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 1))!.Code);

    [Fact]
    public void A_whole_leap_year_is_allowed_and_one_day_more_is_not()
    {
        Assert.Null(LocalDatePeriod.Check(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)));
        var tooLong = LocalDatePeriod.Check(new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1));

        Assert.Equal("PeriodTooLong", tooLong!.Code);
        Assert.Equal(366, tooLong.Arguments[0]);
    }

    [Fact]
    public void A_shanghai_day_runs_from_16_00_utc_the_day_before()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

        var (start, end) = new LocalDatePeriod(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2)).ToUtc(zone);

        Assert.Equal(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 12, 2, 16, 0, 0, DateTimeKind.Utc), end);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
    }

    [Fact]
    public void The_day_daylight_saving_starts_is_23_hours_long()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var (start, end) = new LocalDatePeriod(new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 8)).ToUtc(zone);

        Assert.Equal(new DateTime(2026, 3, 8, 5, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 3, 9, 4, 0, 0, DateTimeKind.Utc), end);
    }

    [Fact]
    public void Where_midnight_is_skipped_the_day_starts_at_the_first_valid_minute()
    {
        // Chile moves 00:00 to 01:00 on 6 September 2026: the day starts at 01:00 −03 = 04:00 UTC.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

        var (start, end) = new LocalDatePeriod(new DateOnly(2026, 9, 6), new DateOnly(2026, 9, 6)).ToUtc(zone);

        Assert.Equal(new DateTime(2026, 9, 6, 4, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 9, 7, 3, 0, 0, DateTimeKind.Utc), end);
    }

    [Fact]
    public void Where_midnight_happens_twice_the_day_starts_at_the_first()
    {
        // Cuba goes back from 01:00 to 00:00 on 1 November 2026: the first midnight is −04 = 04:00 UTC.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");

        var (start, end) = new LocalDatePeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1)).ToUtc(zone);

        Assert.Equal(new DateTime(2026, 11, 1, 4, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 11, 2, 5, 0, 0, DateTimeKind.Utc), end);
    }
}
