using Bunit;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Kpi;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Reporting.Rollups;
using CustomerService.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CustomerService.Tests.Features.Kpi;

/// <summary>
/// 排队分析 (SPEC I2, I3, issue 11): a reception-group selector narrows the totals, the rows and the trend, whose points
/// are each day's queue; 数据更新于 is shown.
/// </summary>
public sealed class KpiQueuePageTests : BunitTestBase
{
    // Asia/Shanghai (UTC+8): 1–7 November 2026, today is 1 December.
    private static DateTimeOffset Local(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Picking_a_reception_group_narrows_totals_rows_and_trend_to_its_queue()
    {
        await using var scenario = await ArrangeAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/kpi/queue?from=2026-11-01&to=2026-11-07");
        var page = Render<KpiQueuePage>();
        page.WaitForElement("[data-testid=kpi-trend-chart]");

        // All groups: presale queued on the 3rd and the 5th, aftersale on the 5th.
        Assert.Equal("3", Queued(page));
        Assert.Equal(["组-aftersale", "组-presale"], Rows(page));
        Assert.Equal([0d, 0, 1, 0, 2, 0, 0], page.FindComponent<KpiTrendChart>().Instance.Series[0].Data);
        Assert.NotNull(page.Find("[data-testid=kpi-rolled-at]"));

        var presale = await scenario.GroupIdOfEntryAsync("presale");
        var select = page.FindComponent<MudSelect<int?>>();
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(presale));

        page.WaitForAssertion(() => Assert.Equal("2", Queued(page)));
        Assert.Equal(["组-presale"], Rows(page));
        Assert.Equal([0d, 0, 1, 0, 1, 0, 0], page.FindComponent<KpiTrendChart>().Instance.Series[0].Data);
    }

    [Fact]
    public async Task The_download_carries_the_picked_reception_group_and_a_link_naming_it_opens_on_it()
    {
        await using var scenario = await ArrangeAsync();
        var presale = await scenario.GroupIdOfEntryAsync("presale");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/kpi/queue?from=2026-11-01&to=2026-11-07&receptionGroup={presale}");
        var page = Render<KpiQueuePage>();
        page.WaitForElement("[data-testid=kpi-trend-chart]");

        Assert.Equal("2", Queued(page));
        Assert.Equal(["组-presale"], Rows(page));
        Assert.Equal($"/kpi/queue.xlsx?from=2026-11-01&to=2026-11-07&scope=&receptionGroup={presale}", page.Find("[data-testid=kpi-download]").GetAttribute("href"));

        var select = page.FindComponent<MudSelect<int?>>();
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(null));

        page.WaitForAssertion(() => Assert.Equal("3", Queued(page)));
        Assert.Equal("/kpi/queue.xlsx?from=2026-11-01&to=2026-11-07&scope=", page.Find("[data-testid=kpi-download]").GetAttribute("href"));
    }

    [Fact]
    public async Task A_link_naming_a_reception_group_that_does_not_exist_says_so_and_shows_no_figures()
    {
        await using var scenario = await ArrangeAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/kpi/queue?from=2026-11-01&to=2026-11-07&receptionGroup=999999");
        var page = Render<KpiQueuePage>();

        page.WaitForElement("[data-testid=kpi-queue-unknown-group]");
        Assert.Empty(page.FindAll("[data-testid=kpi-queue-total]"));
    }

    private static string? Queued(IRenderedComponent<KpiQueuePage> page) =>
        page.Find("[data-testid=kpi-queue-total] [data-testid=kpi-figure][data-metric=queued]").GetAttribute("data-value");

    private static List<string> Rows(IRenderedComponent<KpiQueuePage> page) =>
        [.. page.FindAll("[data-testid=kpi-queue-table] tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).Order(StringComparer.Ordinal)];

    /// <summary>Two reception groups, each with one busy agent; visitors queue and give up after a minute; 1–7 November rolled.</summary>
    private async Task<EngineScenario> ArrangeAsync()
    {
        var scenario = await EngineScenario.StartAsync();
        scenario.Clock.Set(Local(11, 1, 8));
        var admin = await scenario.AddAgentAsync("boss", role: AccountRole.Admin);
        var a = await scenario.AddAgentAsync("a", maxLoad: 1);
        var b = await scenario.AddAgentAsync("b", maxLoad: 1);
        var presale = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        var aftersale = await scenario.AddGroupWithEntryAsync("aftersale", new MemberAssignment(b, 0));
        await scenario.OnlineAsync(a, b);
        await scenario.StartActiveAsync(presale);
        await scenario.StartActiveAsync(aftersale);
        await QueueAndLeaveAsync(scenario, presale, Local(11, 3, 9));
        await QueueAndLeaveAsync(scenario, presale, Local(11, 5, 9));
        await QueueAndLeaveAsync(scenario, aftersale, Local(11, 5, 10));
        scenario.Clock.Set(Local(12, 1, 0));
        var roller = scenario.Database.Services.GetRequiredService<DayRoller>();
        for (var day = new DateOnly(2026, 11, 1); day <= new DateOnly(2026, 11, 7); day = day.AddDays(1))
        {
            await roller.RollAsync(day);
        }

        scenario.Clock.Set(Local(12, 1, 9));
        Services.AddSingleton(scenario.Database.GetRequiredService<ReportService>());
        Services.AddSingleton(scenario.Database.GetRequiredService<ReportAudienceResolver>());
        Services.AddSingleton(scenario.Database.GetRequiredService<EnterpriseTimeZone>());
        SignInAs(AccountRole.Admin, admin);
        RenderPopoverProvider();
        return scenario;
    }

    private static async Task QueueAndLeaveAsync(EngineScenario scenario, string entry, DateTimeOffset at)
    {
        scenario.Clock.Set(at);
        var visitor = await scenario.AddVisitorAsync();
        var result = await scenario.Engine.StartAsync(new StartRequest(visitor, entry));
        Assert.Equal(StartOutcome.Queued, result.Outcome);
        scenario.Clock.Set(at.AddMinutes(1));
        await scenario.Engine.CloseByVisitorAsync(visitor, result.Conversation!.Id);
    }
}
