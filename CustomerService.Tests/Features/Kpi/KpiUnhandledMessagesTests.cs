using Bunit;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Kpi;

namespace CustomerService.Tests.Features.Kpi;

/// <summary>
/// SPEC I0: 留言未处理量 (留言总量 − 留言处理量, the N5 field leaveMessagesUnhandled) stands beside 留言总量 wherever the
/// handled messages are shown — 概况 咨询质量 and 咨询绩效 留言 — with its definition as the tooltip.
/// </summary>
public sealed class KpiUnhandledMessagesTests : BunitTestBase
{
    public static TheoryData<string> Parts => new("overview", "consultation");

    [Theory]
    [MemberData(nameof(Parts))]
    public void The_part_shows_the_unhandled_messages_right_after_the_total(string view)
    {
        var part = view == "overview"
            ? KpiMetrics.OverviewParts.Single(p => p.Name == "Quality")
            : KpiViews.Consultation.Sections.Single(p => p.Name == "LeaveMessages");
        // 20 messages in the period, 15 of them handled: 5 unhandled.
        var figures = ReportFigures.From(new RollupTotals { LeaveMessages = 20, LeaveMessagesHandled = 15 }, DistinctFigures.None);

        var strip = Render<KpiTotalsStrip>(p => p.Add(s => s.Metrics, part.Metrics).Add(s => s.Total, figures));

        var shown = strip.FindAll("[data-testid=kpi-figure]").Select(f => (f.GetAttribute("data-metric"), f.TextContent.Trim())).ToList();
        var total = shown.IndexOf(("leaveMessages", "20"));
        Assert.True(total >= 0);
        Assert.Equal(("leaveMessagesUnhandled", "5"), shown[total + 1]);
        Assert.Contains("留言未处理量", strip.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unhandled_messages_have_their_definition()
    {
        var figure = Render<KpiFigure>(p => p.Add(f => f.Metric, KpiMetrics.Get("leaveMessagesUnhandled")).Add(f => f.Value, 5));

        Assert.Equal("期间内创建的留言中尚未处理的数量：留言总量 − 留言处理量。", figure.FindComponent<MudBlazor.MudTooltip>().Instance.Text);
    }
}
