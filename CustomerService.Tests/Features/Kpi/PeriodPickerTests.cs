using Bunit;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Kpi;

namespace CustomerService.Tests.Features.Kpi;

/// <summary>SPEC I2 period picker: presets counted from the enterprise's today, a typed custom range, bounds refused in words.</summary>
public sealed class PeriodPickerTests : BunitTestBase
{
    // A Tuesday in the middle of a month.
    private static readonly DateOnly Today = new(2026, 12, 15);

    private readonly List<ReportPeriod> _applied = [];

    [Theory]
    [InlineData(ReportPreset.Today, "2026-12-15", "2026-12-15")]
    [InlineData(ReportPreset.Yesterday, "2026-12-14", "2026-12-14")]
    [InlineData(ReportPreset.Last7Days, "2026-12-09", "2026-12-15")]
    [InlineData(ReportPreset.Last30Days, "2026-11-16", "2026-12-15")]
    [InlineData(ReportPreset.ThisMonth, "2026-12-01", "2026-12-15")]
    [InlineData(ReportPreset.LastMonth, "2026-11-01", "2026-11-30")]
    public void A_preset_applies_its_period_and_shows_it_in_the_date_inputs(ReportPreset preset, string from, string to)
    {
        var picker = Picker();

        picker.Find($"[data-testid=period-preset-{preset}]").Click();

        Assert.Equal(new ReportPeriod(DateOnly.Parse(from), DateOnly.Parse(to)), Assert.Single(_applied));
        Assert.Equal(from, picker.Find("[data-testid=period-from]").GetAttribute("value"));
        Assert.Equal(to, picker.Find("[data-testid=period-to]").GetAttribute("value"));
    }

    [Fact]
    public void A_typed_custom_range_is_applied_with_apply()
    {
        var picker = Picker();

        picker.Find("[data-testid=period-from]").Change("2026-01-01");
        picker.Find("[data-testid=period-to]").Change("2026-03-31");
        picker.Find("[data-testid=period-apply]").Click();

        Assert.Equal(new ReportPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)), Assert.Single(_applied));
        Assert.Empty(picker.FindAll("[data-testid=period-error]"));
    }

    [Fact]
    public void A_range_of_366_days_is_allowed_and_one_of_367_refused_in_words()
    {
        var picker = Picker();

        picker.Find("[data-testid=period-from]").Change("2025-01-01");
        picker.Find("[data-testid=period-to]").Change("2026-01-01");
        picker.Find("[data-testid=period-apply]").Click();
        picker.Find("[data-testid=period-to]").Change("2026-01-02");
        picker.Find("[data-testid=period-apply]").Click();

        Assert.Equal(new ReportPeriod(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1)), Assert.Single(_applied));
        Assert.Contains("366", picker.Find("[data-testid=period-error]").TextContent);
    }

    [Fact]
    public void A_range_ending_before_it_starts_is_refused_and_nothing_is_applied()
    {
        var picker = Picker();

        picker.Find("[data-testid=period-from]").Change("2026-12-10");
        picker.Find("[data-testid=period-to]").Change("2026-12-01");
        picker.Find("[data-testid=period-apply]").Click();

        Assert.Empty(_applied);
        Assert.NotEmpty(picker.Find("[data-testid=period-error]").TextContent.Trim());
    }

    [Fact]
    public void A_date_left_empty_is_refused_with_a_request_to_fill_it()
    {
        var picker = Picker();

        picker.Find("[data-testid=period-from]").Change(string.Empty);
        picker.Find("[data-testid=period-apply]").Click();

        Assert.Empty(_applied);
        Assert.Equal("请填写开始和结束日期。", picker.Find("[data-testid=period-error]").TextContent);
    }

    private IRenderedComponent<PeriodPicker> Picker() => Render<PeriodPicker>(p => p
        .Add(c => c.Today, Today)
        .Add(c => c.Period, ReportPeriod.Preset(ReportPreset.Last7Days, Today))
        .Add(c => c.PeriodChanged, period => _applied.Add(period)));
}
