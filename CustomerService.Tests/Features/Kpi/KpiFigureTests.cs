using Bunit;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Kpi;

namespace CustomerService.Tests.Features.Kpi;

/// <summary>
/// One KPI figure (SPEC I0, I4, N6): the shown text follows the display rules — p50/p90 response time, estimated from
/// histogram buckets, with “≈”, an empty denominator as “–” — while <c>data-value</c> keeps the unrounded number.
/// </summary>
public sealed class KpiFigureTests : BunitTestBase
{
    [Theory]
    [InlineData("responseP50Seconds", 12.34, "≈0:00:12")]
    [InlineData("responseP90Seconds", 95.5, "≈0:01:36")]
    [InlineData("avgResponseSeconds", 12.34, "0:00:12")]
    [InlineData("connectRate", 0.12345, "12.3%")]
    public void A_figure_shows_its_value_by_the_display_rules_and_keeps_the_raw_value(string metric, double value, string shown)
    {
        var figure = Render<KpiFigure>(p => p.Add(f => f.Metric, KpiMetrics.Get(metric)).Add(f => f.Value, value));

        var hook = figure.Find("[data-testid=kpi-figure]");
        Assert.Equal(shown, hook.TextContent.Trim());
        Assert.Equal(metric, hook.GetAttribute("data-metric"));
        Assert.Equal(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), hook.GetAttribute("data-value"));
    }

    [Fact]
    public void An_estimate_without_responses_is_a_dash_without_the_approximation_sign()
    {
        var figure = Render<KpiFigure>(p => p.Add(f => f.Metric, KpiMetrics.Get("responseP50Seconds")).Add(f => f.Value, null));

        Assert.Equal(KpiFormat.Empty, figure.Find("[data-testid=kpi-figure]").TextContent.Trim());
        Assert.Equal(string.Empty, figure.Find("[data-testid=kpi-figure]").GetAttribute("data-value"));
    }
}
