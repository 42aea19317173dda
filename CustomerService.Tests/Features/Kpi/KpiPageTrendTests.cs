using Bunit;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Kpi;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Reporting.Rollups;
using CustomerService.Web.Features.Settings.ColumnLayouts;
using CustomerService.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CustomerService.Tests.Features.Kpi;

/// <summary>
/// SPEC I2 (issue 11): 详细数据, 关键绩效排名, 咨询发起, 咨询类型 and 用户分析 have the granularity toggle and a trend chart
/// whose points are the figures of each bucket; 咨询发起 and 用户分析 have a totals strip.
/// </summary>
public sealed class KpiPageTrendTests : BunitTestBase
{
    // Asia/Shanghai (UTC+8): November 2026, today is 1 December.
    private static DateTimeOffset Local(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private EngineScenario _scenario = default!;

    public static TheoryData<Type, string> Pages => new()
    {
        { typeof(KpiDetailsPage), "consultations,valid" },
        { typeof(KpiRankingPage), "consultations" },
        { typeof(KpiStartsPage), "consultations,valid" },
        { typeof(KpiTypesPage), "consultations,summarized" },
        { typeof(KpiUsersPage), "consultations,purchasedConsultations,afterSaleConsultations" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_charts_each_days_consultations_and_by_month_one_point(Type page, string metrics)
    {
        await using var scenario = await ArrangeAsync();
        var rendered = RenderPage(page);
        rendered.WaitForElement("[data-testid=kpi-trend-chart]");
        var chart = rendered.FindComponent<KpiTrendChart>();

        Assert.Equal(metrics, rendered.Find("[data-testid=kpi-trend-chart]").GetAttribute("data-metrics"));
        Assert.Equal(30, chart.Instance.Labels.Count);
        Assert.Equal("11-03", chart.Instance.Labels[2]);
        double[] daily = [.. Enumerable.Range(1, 30).Select(day => day switch { 3 => 2d, 20 => 1d, _ => 0d })];
        Assert.Equal(daily, chart.Instance.Series[0].Data);

        var granularity = rendered.FindComponent<MudToggleGroup<ReportGranularity>>();
        await rendered.InvokeAsync(() => granularity.Instance.ValueChanged.InvokeAsync(ReportGranularity.Month));

        rendered.WaitForAssertion(() => Assert.Equal([3d], rendered.FindComponent<KpiTrendChart>().Instance.Series[0].Data));
    }

    [Theory]
    [InlineData(typeof(KpiStartsPage), "consultations=3 valid=3 purchasedConsultations=0 afterSaleConsultations=0")]
    [InlineData(typeof(KpiUsersPage), "consultations=3 valid=3 validUsers=3 purchasedConsultations=0 afterSaleConsultations=0")]
    public async Task The_totals_strip_shows_the_reports_totals(Type page, string totals)
    {
        await using var scenario = await ArrangeAsync();
        var rendered = RenderPage(page);
        rendered.WaitForElement("[data-testid=kpi-totals]");

        Assert.Equal(totals, string.Join(' ', rendered.FindAll("[data-testid=kpi-totals] [data-testid=kpi-figure]")
            .Select(f => $"{f.GetAttribute("data-metric")}={f.GetAttribute("data-value")}")));
    }

    /// <summary>The page for November, as a link with <c>?from=&amp;to=</c> opens it.</summary>
    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderPage(Type page)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/kpi/page?from=2026-11-01&to=2026-11-30");
        return Render(b =>
        {
            b.OpenComponent(0, page);
            b.CloseComponent();
        });
    }

    /// <summary>
    /// The admin answers entry "one": valid consultations on 3 November (two visitors, 10:00 and 11:00) and on
    /// 20 November (10:00); every day of November rolled on 1 December.
    /// </summary>
    private async Task<EngineScenario> ArrangeAsync()
    {
        _scenario = await EngineScenario.StartAsync();
        _scenario.Clock.Set(Local(11, 1, 8));
        var admin = await _scenario.AddAgentAsync("boss", role: AccountRole.Admin);
        var one = await _scenario.AddGroupWithEntryAsync("one", new MemberAssignment(admin, 0));
        await _scenario.OnlineAsync(admin);
        foreach (var at in new[] { Local(11, 3, 10), Local(11, 3, 11), Local(11, 20, 10) })
        {
            await _scenario.ValidConsultationAsync(one, admin, await _scenario.AddVisitorAsync(), at);
        }

        _scenario.Clock.Set(Local(12, 1, 0));
        var roller = _scenario.Database.Services.GetRequiredService<DayRoller>();
        for (var day = new DateOnly(2026, 11, 1); day <= new DateOnly(2026, 11, 30); day = day.AddDays(1))
        {
            await roller.RollAsync(day);
        }

        _scenario.Clock.Set(Local(12, 1, 9));
        var db = _scenario.Database;
        Services.AddSingleton(db.GetRequiredService<ReportService>());
        Services.AddSingleton(db.GetRequiredService<ReportAudienceResolver>());
        Services.AddSingleton(db.GetRequiredService<EnterpriseTimeZone>());
        Services.AddSingleton(db.GetRequiredService<ColumnLayoutStore>());
        Services.AddScoped<KpiTables>();
        SignInAs(AccountRole.Admin, admin);
        RenderPopoverProvider();
        return _scenario;
    }
}
