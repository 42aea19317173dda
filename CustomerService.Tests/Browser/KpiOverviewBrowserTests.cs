using System.Globalization;
using System.Text.Json.Nodes;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Demo.History;
using CustomerService.Web.Features.Kpi;
using CustomerService.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>
/// SPEC I4/N5/N6 end to end: on three days of generated history, every figure an admin sees on 概况 (the totals and the
/// agents' rows, by their kpi-figure hooks) equals the integration API's <c>/api/v1/reports/agents</c> for the same period.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KpiOverviewBrowserTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    private static readonly HashSet<string> RatingFields = ["verySatisfied", "satisfied", "neutral", "dissatisfied", "veryDissatisfied", "unrated"];

    [Fact]
    public async Task Every_figure_on_the_overview_equals_the_report_api()
    {
        await app.Services.GetRequiredService<HistorySeeder>().RunAsync(new HistoryOptions(3, 4, Seed: 5));
        var (_, today) = await app.Services.GetRequiredService<EnterpriseTimeZone>().TodayAsync();
        var period = new ReportPeriod(today.AddDays(-3), today.AddDays(-1));
        var query = string.Create(CultureInfo.InvariantCulture, $"from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}");
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", "demo-api-key-0123456789");
        var report = JsonNode.Parse(await api.GetStringAsync($"/api/v1/reports/agents?{query}"))!.AsObject();

        await browser.RunAsync(app.BaseAddress, async page =>
        {
            await page.SignInAsync("admin", AppFactory.DemoPassword);
            await page.GotoInteractiveAsync($"/kpi?{query}");
            await Expect(page.GetByTestId("period-from")).ToHaveValueAsync(period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await Expect(page.Locator("[data-testid=kpi-figure][data-login]").First).ToBeVisibleAsync();

            var figures = await page.Locator("[data-testid=kpi-figure]").EvaluateAllAsync<FigureHook[]>(
                "els => els.map(e => ({ metric: e.dataset.metric, value: e.dataset.value, login: e.dataset.login || null }))");
            Assert.Contains(figures, f => f.Login is null);
            Assert.Contains(figures, f => f.Login is not null);
            Assert.Contains(figures, f => f.Metric == "consultations" && f.Login is null && f.Value != "0");
            foreach (var figure in figures)
            {
                var owner = figure.Login is null
                    ? report["total"]!.AsObject()
                    : report["agents"]!.AsArray().Single(a => (string?)a!["login"] == figure.Login)!.AsObject();
                var field = RatingFields.Contains(figure.Metric) ? owner["ratings"]![figure.Metric] : owner[figure.Metric];
                var expected = field is null ? string.Empty : field.GetValue<double>().ToString("R", CultureInfo.InvariantCulture);
                Assert.True(expected == figure.Value, $"{figure.Metric} of {figure.Login ?? "total"}: page {figure.Value}, API {expected}");
            }
        });
    }

    private sealed class FigureHook
    {
        public string Metric { get; set; } = string.Empty;

        public string Value { get; set; } = string.Empty;

        public string? Login { get; set; }
    }
}
