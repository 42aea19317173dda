using Bunit;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Kpi;
using CustomerService.Web.Features.Reporting;

namespace CustomerService.Tests.Features.Kpi;

/// <summary>
/// Issue 11: a count figure's drill-down carries the page's period and scope and the filter of the figure's definition
/// (SPEC I0); a row carries its own agent or account group; figures the records list cannot show have no link.
/// </summary>
public sealed class KpiRecordsLinkTests : BunitTestBase
{
    private const string March = "/records?from=2026-03-01&to=2026-03-31";
    private static readonly ReportPeriod Period = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

    [Theory]
    [InlineData("consultations", "&list=All")]
    [InlineData("valid", "&list=Valid")]
    [InlineData("invalid", "&list=Invalid")]
    [InlineData("summarized", "&list=Summarized")]
    [InlineData("unsummarized", "&list=Unsummarized")]
    [InlineData("purchasedConsultations", "&list=Purchased")]
    [InlineData("verySatisfied", "&list=All&rating=VerySatisfied")]
    [InlineData("satisfied", "&list=All&rating=Satisfied")]
    [InlineData("neutral", "&list=All&rating=Neutral")]
    [InlineData("dissatisfied", "&list=All&rating=Dissatisfied")]
    [InlineData("veryDissatisfied", "&list=All&rating=VeryDissatisfied")]
    [InlineData("unrated", "&list=All&rating=Unrated")]
    [InlineData("resolved", "&list=All&solved=true")]
    [InlineData("unresolved", "&list=All&solved=false")]
    public void A_total_of_the_whole_reach_links_to_its_list_and_filter(string metric, string expected)
    {
        var link = new KpiRecordsLink(Period, ReportScope.Reach).For(KpiMetrics.Get(metric), 3);

        Assert.Equal(March + expected, link);
    }

    [Fact]
    public void A_total_carries_the_pages_account_group_or_agent_and_a_row_its_own()
    {
        var unrated = KpiMetrics.Get("unrated");
        var onGroup = new KpiRecordsLink(Period, ReportScope.AccountGroup(4));
        var onAgent = new KpiRecordsLink(Period, ReportScope.Agent(12));

        Assert.Equal($"{March}&list=All&accountGroup=4&rating=Unrated", onGroup.For(unrated, 1));
        Assert.Equal($"{March}&list=All&agent=12&rating=Unrated", onAgent.For(unrated, 1));
        Assert.Equal($"{March}&list=Valid&agent=7", onGroup.For(KpiMetrics.Get("valid"), 1, ReportScope.Agent(7)));
        Assert.Equal($"{March}&list=Invalid&accountGroup=9", new KpiRecordsLink(Period, ReportScope.Reach).For(KpiMetrics.Get("invalid"), 1, ReportScope.AccountGroup(9)));
    }

    [Theory]
    [InlineData("leaveMessagesHandled24h")]
    [InlineData("transfers")]
    [InlineData("consultationOrders")]
    [InlineData("validUsers")]
    [InlineData("qcGraded")]
    [InlineData("connectRate")]
    public void A_figure_the_records_list_cannot_show_has_no_link(string metric)
    {
        Assert.Null(new KpiRecordsLink(Period, ReportScope.Reach).For(KpiMetrics.Get(metric), 5));
    }

    [Fact]
    public void Zero_or_no_value_has_nothing_to_drill_into()
    {
        var link = new KpiRecordsLink(Period, ReportScope.AccountGroup(4));

        Assert.Null(link.For(KpiMetrics.Get("valid"), 0));
        Assert.Null(link.For(KpiMetrics.Get("valid"), null));
    }

    [Fact]
    public void Of_the_queue_figures_only_abandoned_links_to_its_own_list_of_the_period_and_reception_group()
    {
        var link = new KpiRecordsLink(Period, ReportScope.Reach);
        var links = KpiQueueFigures.All.Select(f => link.ForQueue(f.Metric, 4, 2)).ToList();

        Assert.All(KpiQueueFigures.All, f => Assert.Null(f.Metric.DrillDown));
        Assert.Equal("/records/abandoned?from=2026-03-01&to=2026-03-31&receptionGroup=2", Assert.Single(links, l => l is not null));
        Assert.Equal("abandoned", KpiQueueFigures.All[links.FindIndex(l => l is not null)].Metric.Name);
        var abandoned = KpiQueueFigures.All.Single(f => f.Metric.Name == "abandoned").Metric;
        Assert.Equal("/records/abandoned?from=2026-03-01&to=2026-03-31", link.ForQueue(abandoned, 1, null));
        Assert.Null(link.ForQueue(abandoned, 0, 2));
    }

    private const string MarchMessages = "from=2026-03-01&to=2026-03-31";

    [Theory]
    [InlineData("leaveMessages", "All")]
    [InlineData("leaveMessagesHandled", "Handled")]
    [InlineData("leaveMessagesUnhandled", "Unhandled")]
    public void A_leave_message_count_links_to_the_inbox_of_the_period_credited_as_the_figure_credits(string metric, string filter)
    {
        var figure = KpiMetrics.Get(metric);
        var enterprise = new KpiRecordsLink(Period, ReportScope.Reach);

        Assert.Equal($"/leave-messages?filter={filter}&{MarchMessages}", enterprise.For(figure, 3));
        Assert.Equal($"/leave-messages?filter={filter}&{MarchMessages}&agent=7", enterprise.For(figure, 3, ReportScope.Agent(7)));
        Assert.Equal($"/leave-messages?filter={filter}&{MarchMessages}&accountGroup=4", new KpiRecordsLink(Period, ReportScope.AccountGroup(4)).For(figure, 3));
        Assert.Null(enterprise.For(figure, 0));
    }

    [Fact]
    public void A_reach_total_short_of_the_enterprise_names_the_reach_for_the_inbox_or_has_no_link()
    {
        var figure = KpiMetrics.Get("leaveMessages");

        // A team lead's reach is his account group, Sales' himself: the inbox's 留言处理范围 is no KPI scope.
        Assert.Equal($"/leave-messages?filter=All&{MarchMessages}&accountGroup=3", new KpiRecordsLink(Period, ReportScope.Reach, false, ReportScope.AccountGroup(3)).For(figure, 2));
        Assert.Equal($"/leave-messages?filter=All&{MarchMessages}&agent=8", new KpiRecordsLink(Period, ReportScope.Reach, false, ReportScope.Agent(8)).For(figure, 2));
        Assert.Null(new KpiRecordsLink(Period, ReportScope.Reach, false).For(figure, 2));
        // The records lists keep the records scope, which is the same reach.
        Assert.Equal($"{March}&list=Valid", new KpiRecordsLink(Period, ReportScope.Reach, false, ReportScope.Agent(8)).For(KpiMetrics.Get("valid"), 2));
    }

    [Fact]
    public void A_leave_message_figure_in_an_agent_row_renders_the_link_to_the_messages_credited_to_him()
    {
        var figure = Render<KpiFigure>(p => p
            .Add(f => f.Metric, KpiMetrics.Get("leaveMessagesHandled"))
            .Add(f => f.Value, 2)
            .Add(f => f.AgentId, 6)
            .Add(f => f.Records, new KpiRecordsLink(Period, ReportScope.Reach)));

        Assert.Equal($"/leave-messages?filter=Handled&{MarchMessages}&agent=6", figure.Find("a[data-testid=kpi-figure]").GetAttribute("href"));
    }

    [Fact]
    public void A_figure_in_a_group_row_renders_the_link_to_the_groups_list()
    {
        var figure = Render<KpiFigure>(p => p
            .Add(f => f.Metric, KpiMetrics.Get("unresolved"))
            .Add(f => f.Value, 2)
            .Add(f => f.AccountGroupId, 5)
            .Add(f => f.Records, new KpiRecordsLink(Period, ReportScope.Reach)));

        Assert.Equal($"{March}&list=All&accountGroup=5&solved=false", figure.Find("a[data-testid=kpi-figure]").GetAttribute("href"));
    }
}
