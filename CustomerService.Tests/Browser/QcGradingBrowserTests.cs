using System.Text.Json;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>
/// Issue 13 end to end: the qc account grades a conversation on /qc/conversations/{id} through the N6 hooks (qc-score
/// per dimension, qc-comment, qc-save), sees the band (qc-band), and the grade reaches today's N5 qc* figures, the records list (its band) and the KPI figures.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QcGradingBrowserTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public Task The_qc_account_grades_a_conversation_and_sees_its_band() =>
        browser.RunAsync(app.BaseAddress, async page =>
        {
            var sales1 = await app.AccountIdAsync("sales1");
            var conversation = await new PastConversationBuilder().RequestedAt(EarlierToday.Utc(TimeSpan.FromMinutes(2))).ServedBy(sales1).Answered().SaveAsync(app.Services);
            await page.SignInAsync("qc", AppFactory.DemoPassword);
            await page.GotoInteractiveAsync($"/qc/conversations/{conversation.Id}");

            // 27 + 24 + 18 + 16 = 85 of 100: 优.
            foreach (var (dimension, score) in new[] { ("服务态度", "27"), ("专业能力", "24"), ("响应速度", "18"), ("解决问题", "16") })
            {
                await page.Locator($"[data-testid=qc-score][data-dimension='{dimension}']").FillAsync(score);
            }

            await page.GetByTestId("qc-comment").FillAsync("回复及时，态度很好");
            await Expect(page.GetByTestId("qc-band")).ToHaveAttributeAsync("data-band", "Excellent");
            await page.GetByTestId("qc-save").ClickAsync();

            await Expect(page.GetByTestId("qc-conversation-band")).ToHaveTextAsync(UiTexts.Chinese("Qc.Band.Excellent"));
            await Expect(page.GetByTestId("qc-band")).ToHaveTextAsync(UiTexts.Chinese("Qc.Band.Excellent"));
            await Expect(page.GetByTestId("qc-grade-comment")).ToHaveTextAsync("回复及时，态度很好");

            // Today is computed live from facts (SPEC I4): the grade is in sales1's qc* figures at once.
            using var api = new HttpClient { BaseAddress = app.BaseAddress };
            api.DefaultRequestHeaders.Add("X-Api-Key", DemoSeeder.ApiKey);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai")).ToString("yyyy-MM-dd");
            using var report = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/reports/agents?from={today}&to={today}"));
            var row = report.RootElement.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("login").GetString() == "sales1");
            Assert.Equal((1, 85.0, 1), (row.GetProperty("qcGraded").GetInt32(), row.GetProperty("qcAverage").GetDouble(), row.GetProperty("qcExcellent").GetInt32()));

            // The band on the records list (today by default) and the grade in the KPI figures of 概况.
            await page.GotoInteractiveAsync("/records");
            await Expect(page.Locator($"[data-testid=records-row][data-conversation-id='{conversation.Id}']"))
                .ToContainTextAsync(UiTexts.Chinese("Qc.Band.Excellent"));
            await page.GotoInteractiveAsync($"/kpi?from={today}&to={today}");
            await Expect(page.Locator("[data-testid=kpi-figure][data-metric=qcGraded]:not([data-login])")).ToHaveAttributeAsync("data-value", "1");
            await Expect(page.Locator("[data-testid=kpi-figure][data-metric=qcAverage]:not([data-login])")).ToHaveAttributeAsync("data-value", "85");
        });
}
