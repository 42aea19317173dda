using CustomerService.Domain.Reporting;

namespace CustomerService.Tests.Domain.Reporting;

/// <summary>SPEC I0 periods: inclusive local dates, presets, the previous period, UTC ranges across daylight saving.</summary>
public sealed class ReportPeriodTests
{
    private static readonly DateOnly Tuesday = new(2026, 3, 10);

    [Fact]
    public void A_period_of_one_day_has_one_day()
    {
        var outcome = ReportPeriod.Create(Tuesday, Tuesday);

        Assert.True(outcome.Succeeded);
        Assert.Equal(new ReportPeriod(Tuesday, Tuesday), outcome.Value);
        Assert.Equal(1, outcome.Value.Days);
    }

    [Fact]
    public void To_before_from_is_refused()
    {
        var outcome = ReportPeriod.Create(Tuesday, Tuesday.AddDays(-1));

        Assert.Equal("ReportPeriodReversed", outcome.Violation?.Code);
    }

    [Fact]
    public void A_period_of_366_days_is_accepted_and_of_367_refused()
    {
        var leapYear = ReportPeriod.Create(new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31));
        var tooLong = ReportPeriod.Create(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 2));

        Assert.True(leapYear.Succeeded);
        Assert.Equal(366, leapYear.Value.Days);
        Assert.Equal("ReportPeriodTooLong", tooLong.Violation?.Code);
        Assert.Equal([366], tooLong.Violation!.Arguments);
    }

    [Fact]
    public void The_previous_period_has_the_same_length_just_before()
    {
        var week = new ReportPeriod(new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 14));

        Assert.Equal(new ReportPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 7)), week.Previous());
        Assert.Equal(new ReportPeriod(Tuesday.AddDays(-1), Tuesday.AddDays(-1)), new ReportPeriod(Tuesday, Tuesday).Previous());
    }

    [Theory]
    [InlineData(ReportPreset.Today, "2026-03-10", "2026-03-10")]
    [InlineData(ReportPreset.Yesterday, "2026-03-09", "2026-03-09")]
    [InlineData(ReportPreset.Last7Days, "2026-03-04", "2026-03-10")]
    [InlineData(ReportPreset.Last30Days, "2026-02-09", "2026-03-10")]
    [InlineData(ReportPreset.ThisMonth, "2026-03-01", "2026-03-10")]
    [InlineData(ReportPreset.LastMonth, "2026-02-01", "2026-02-28")]
    public void Presets_count_from_today(ReportPreset preset, string from, string to)
    {
        Assert.Equal(new ReportPeriod(DateOnly.Parse(from), DateOnly.Parse(to)), ReportPeriod.Preset(preset, Tuesday));
    }

    [Fact]
    public void Presets_cross_the_year_and_know_leap_februaries()
    {
        var newYear = new DateOnly(2027, 1, 1);

        Assert.Equal(new ReportPeriod(new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 31)), ReportPeriod.Preset(ReportPreset.Yesterday, newYear));
        Assert.Equal(new ReportPeriod(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), ReportPeriod.Preset(ReportPreset.LastMonth, newYear));
        Assert.Equal(new ReportPeriod(newYear, newYear), ReportPeriod.Preset(ReportPreset.ThisMonth, newYear));
        Assert.Equal(
            new ReportPeriod(new DateOnly(2028, 2, 1), new DateOnly(2028, 2, 29)),
            ReportPeriod.Preset(ReportPreset.LastMonth, new DateOnly(2028, 3, 31)));
    }

    [Fact]
    public void An_unknown_preset_is_an_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportPeriod.Preset((ReportPreset)99, Tuesday));
    }

    [Fact]
    public void Shanghai_days_run_from_16_00_utc_the_day_before()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

        var range = new ReportPeriod(Tuesday, Tuesday.AddDays(1)).UtcRange(zone);

        Assert.Equal((Utc(2026, 3, 9, 16), Utc(2026, 3, 11, 16)), range);
        Assert.Equal(DateTimeKind.Utc, range.FromUtc.Kind);
        Assert.Equal(DateTimeKind.Utc, range.ToUtc.Kind);
    }

    [Fact]
    public void Berlin_spring_forward_day_is_23_hours_and_fall_back_day_25()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var spring = new DateOnly(2026, 3, 29);
        var fall = new DateOnly(2026, 10, 25);

        Assert.Equal((Utc(2026, 3, 28, 23), Utc(2026, 3, 29, 22)), new ReportPeriod(spring, spring).UtcRange(berlin));
        Assert.Equal((Utc(2026, 10, 24, 22), Utc(2026, 10, 25, 23)), new ReportPeriod(fall, fall).UtcRange(berlin));
    }

    [Fact]
    public void A_skipped_local_midnight_starts_the_day_at_the_first_instant_after_it()
    {
        // America/Santiago, 2026-09-06: 00:00 (-04) jumps to 01:00 (-03), i.e. 04:00Z; America/Havana, 2026-03-08: 00:00
        // (-05) jumps to 01:00 (-04), i.e. 05:00Z.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        var havana = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");

        Assert.Equal((Utc(2026, 9, 5, 4), Utc(2026, 9, 6, 4)), Day(2026, 9, 5).UtcRange(santiago));
        Assert.Equal((Utc(2026, 9, 6, 4), Utc(2026, 9, 7, 3)), Day(2026, 9, 6).UtcRange(santiago));
        Assert.Equal((Utc(2026, 3, 8, 5), Utc(2026, 3, 9, 4)), Day(2026, 3, 8).UtcRange(havana));
        Assert.Equal(new DateOnly(2026, 9, 5), ReportPeriod.LocalDate(Utc(2026, 9, 6, 3, 59, 59), santiago));
        Assert.Equal(new DateOnly(2026, 9, 6), ReportPeriod.LocalDate(Utc(2026, 9, 6, 4), santiago));
    }

    [Fact]
    public void A_local_midnight_that_occurs_twice_starts_the_day_at_its_first_occurrence()
    {
        // America/Havana, 2026-11-01: 01:00 (-04) falls back to 00:00 (-05), so 00:00 happens at 04:00Z and at 05:00Z.
        var havana = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");

        Assert.Equal((Utc(2026, 11, 1, 4), Utc(2026, 11, 2, 5)), Day(2026, 11, 1).UtcRange(havana));
        Assert.Equal(new DateOnly(2026, 10, 31), ReportPeriod.LocalDate(Utc(2026, 11, 1, 3, 59, 59), havana));
        Assert.Equal(new DateOnly(2026, 11, 1), ReportPeriod.LocalDate(Utc(2026, 11, 1, 4), havana));
    }

    [Fact]
    public void The_local_date_of_an_instant_changes_at_local_midnight_whatever_the_kind()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

        Assert.Equal(new DateOnly(2026, 3, 9), ReportPeriod.LocalDate(Utc(2026, 3, 9, 15, 59, 59), zone));
        Assert.Equal(Tuesday, ReportPeriod.LocalDate(Utc(2026, 3, 9, 16), zone));
        Assert.Equal(Tuesday, ReportPeriod.LocalDate(new DateTime(2026, 3, 9, 16, 0, 0, DateTimeKind.Unspecified), zone));
    }

    [Fact]
    public void Day_buckets_are_the_days()
    {
        var buckets = new ReportPeriod(Tuesday, Tuesday.AddDays(2)).Buckets(ReportGranularity.Day);

        Assert.Equal([(Tuesday, Tuesday), (Tuesday.AddDays(1), Tuesday.AddDays(1)), (Tuesday.AddDays(2), Tuesday.AddDays(2))], buckets);
    }

    [Fact]
    public void Week_buckets_start_on_monday_and_are_clipped_to_the_period()
    {
        // 2026-03-04 is a Wednesday, 03-08 a Sunday, 03-09 a Monday, 03-20 a Friday.
        var buckets = new ReportPeriod(new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 20)).Buckets(ReportGranularity.Week);

        Assert.Equal(
            [(D(3, 4), D(3, 8)), (D(3, 9), D(3, 15)), (D(3, 16), D(3, 20))],
            buckets);
        Assert.Equal([(D(3, 8), D(3, 8)), (D(3, 9), D(3, 9))], new ReportPeriod(D(3, 8), D(3, 9)).Buckets(ReportGranularity.Week));
        Assert.Equal([(D(3, 7), D(3, 8))], new ReportPeriod(D(3, 7), D(3, 8)).Buckets(ReportGranularity.Week));
    }

    [Fact]
    public void Month_buckets_are_calendar_months_clipped_to_the_period()
    {
        var buckets = new ReportPeriod(new DateOnly(2026, 1, 15), Tuesday).Buckets(ReportGranularity.Month);

        Assert.Equal([(D(1, 15), D(1, 31)), (D(2, 1), D(2, 28)), (D(3, 1), D(3, 10))], buckets);
    }

    [Fact]
    public void An_unknown_granularity_is_an_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportPeriod(Tuesday, Tuesday).Buckets((ReportGranularity)9).ToList());
    }

    [Fact]
    public void A_null_zone_is_an_error()
    {
        Assert.Throws<ArgumentNullException>(() => new ReportPeriod(Tuesday, Tuesday).UtcRange(null!));
        Assert.Throws<ArgumentNullException>(() => ReportPeriod.LocalDate(Utc(2026, 3, 9, 16), null!));
    }

    private static ReportPeriod Day(int year, int month, int day) => new(new DateOnly(year, month, day), new DateOnly(year, month, day));

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);
}
