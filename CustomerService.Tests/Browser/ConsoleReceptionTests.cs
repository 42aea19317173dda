using System.Diagnostics;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>
/// SPEC F end to end in Chromium: two agents at /console, a visitor (driven through the engine, as the visitor API will
/// drive it) is assigned, talks, is answered and handed over. Also measures how fast a visitor's message reaches the
/// agent's page. Set <c>CS_SCREENSHOT_DIR</c> to keep a screenshot of the console with the conversation open.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleReceptionTests(BrowserFixture browser, KestrelAppFactory app, ITestOutputHelper output) : IClassFixture<KestrelAppFactory>
{
    private const int LatencySamples = 50;

    [Fact]
    public Task Agents_receive_a_visitor_answer_him_and_hand_him_over_to_a_colleague_who_accepts() =>
        browser.RunAsync(app.BaseAddress, async first =>
        {
            await using var secondContext = await browser.Browser.NewContextAsync(new()
            {
                BaseURL = app.BaseAddress.ToString(),
                Locale = "zh-CN",
                ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            });
            var second = await secondContext.NewPageAsync();
            var pages = new Dictionary<int, IPage>
            {
                [await app.AccountIdAsync("sales1")] = first,
                [await app.AccountIdAsync("sales2")] = second,
            };
            await Task.WhenAll(OpenConsoleAsync(first, "sales1"), OpenConsoleAsync(second, "sales2"));

            var visitor = await TestVisitor.StartAsync(app.Services, name: "张先生");
            Assert.Equal(StartOutcome.Active, visitor.Start.Outcome);
            var agentId = visitor.AgentId!.Value;
            var agent = pages[agentId];
            var (colleagueId, colleague) = pages.Single(p => p.Key != agentId);
            var tile = Tile(agent, visitor.ConversationId);
            await Expect(tile).ToBeVisibleAsync();
            await Expect(Tile(colleague, visitor.ConversationId)).ToHaveCountAsync(0);
            await tile.ClickAsync();
            await Expect(tile).ToHaveAttributeAsync("data-selected", "true");

            await visitor.SayAsync("你好，这件衬衫有蓝色的吗？");
            await Expect(agent.Locator("[data-testid=message][data-sender=visitor]")).ToContainTextAsync("有蓝色的吗");
            await Expect(tile).ToHaveAttributeAsync("data-waiting", "true");

            const string reply = "您好，有的，蓝色有 M 和 L 码。";
            await agent.GetByTestId("message-input").FillAsync(reply);
            await agent.GetByTestId("send-button").ClickAsync();
            await Expect(agent.Locator("[data-testid=message][data-sender=agent][data-seq]")).ToContainTextAsync(reply);
            await Expect(tile).ToHaveAttributeAsync("data-waiting", "false");
            await using (var scope = app.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
                var stored = await db.Messages.SingleAsync(m => m.ConversationId == visitor.ConversationId && m.Sender == MessageSender.Agent);
                Assert.Equal(reply, stored.Text);
                Assert.Equal(agentId, stored.AgentId);
                Assert.NotNull(stored.ClientId);
            }

            // SPEC J5: filing the visitor from the side panel puts the CRM badge on his tile, here and at the colleague's.
            await agent.GetByTestId("side-tab-customer").ClickAsync();
            await agent.Locator("input[data-testid=customer-name], [data-testid=customer-name] input").First.FillAsync("张先生");
            await agent.GetByTestId("customer-save").ClickAsync();
            await Expect(tile.GetByTestId("tile-crm")).ToBeVisibleAsync();

            await agent.GetByTestId("transfer-button").ClickAsync();
            await agent.Locator($"[data-testid=transfer-target][data-agent-id='{colleagueId}']").ClickAsync();
            await agent.GetByTestId("transfer-confirm").ClickAsync();
            var offer = colleague.GetByTestId("transfer-offer");
            await Expect(offer).ToContainTextAsync("张先生");
            await offer.GetByTestId("transfer-accept").ClickAsync();

            var moved = Tile(colleague, visitor.ConversationId);
            await Expect(moved).ToHaveAttributeAsync("data-selected", "true");
            await Expect(Tile(agent, visitor.ConversationId)).ToHaveCountAsync(0);
            await Expect(offer).ToHaveCountAsync(0);
            await Expect(colleague.Locator("[data-testid=message][data-sender=agent][data-seq]")).ToContainTextAsync(reply);
            await Expect(colleague.Locator("[data-testid=message][data-notice=Transferred]")).ToBeVisibleAsync();
            await Expect(moved.GetByTestId("tile-crm")).ToBeVisibleAsync();

            await MeasureLatencyAsync(visitor, colleague);
            await SaveScreenshotAsync(colleague, "console-conversation.png");
        });

    /// <summary>
    /// Visitor send → message in the agent's DOM. The page timestamps each message element the moment it is inserted
    /// (a MutationObserver, on the same wall clock as the test), so Playwright's own polling is not counted; the time
    /// Playwright needed to notice is printed too.
    /// </summary>
    private async Task MeasureLatencyAsync(TestVisitor visitor, IPage agent)
    {
        await agent.EvaluateAsync("""
            () => {
              window.__messageSeen = {};
              new MutationObserver(() => {
                for (const e of document.querySelectorAll('[data-testid=message][data-seq]')) {
                  if (!(e.dataset.seq in window.__messageSeen)) window.__messageSeen[e.dataset.seq] = performance.timeOrigin + performance.now();
                }
              }).observe(document.body, { childList: true, subtree: true });
            }
            """);
        var inDom = new List<double>(LatencySamples);
        var noticed = new List<double>(LatencySamples);
        var stored = new List<double>(LatencySamples);
        for (var i = 1; i <= LatencySamples; i++)
        {
            var sentAt = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
            var stopwatch = Stopwatch.StartNew();
            var message = await visitor.SayAsync($"第 {i} 条消息：请问什么时候发货？");
            stored.Add(stopwatch.Elapsed.TotalMilliseconds);
            await agent.Locator($"[data-testid=message][data-seq='{message.Seq}']").WaitForAsync();
            noticed.Add(stopwatch.Elapsed.TotalMilliseconds);
            inDom.Add(await agent.EvaluateAsync<double>($"() => window.__messageSeen['{message.Seq}']") - sentAt);
        }

        output.WriteLine(
            $"Visitor send → agent DOM over {LatencySamples} messages: p50 {Percentile(inDom, 0.50):F1} ms, p99 {Percentile(inDom, 0.99):F1} ms " +
            $"(engine commit p50 {Percentile(stored, 0.50):F1} ms, p99 {Percentile(stored, 0.99):F1} ms; " +
            $"noticed by Playwright p50 {Percentile(noticed, 0.50):F1} ms, p99 {Percentile(noticed, 0.99):F1} ms)");
    }

    private static double Percentile(IEnumerable<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
    }

    private static async Task OpenConsoleAsync(IPage page, string login)
    {
        await page.SignInAsync(login, AppFactory.DemoPassword);
        await page.GotoInteractiveAsync("/console");
        await Expect(page.GetByTestId("agent-status")).ToHaveAttributeAsync("data-status", nameof(AgentStatus.Online));
    }

    private static ILocator Tile(IPage page, long conversationId) =>
        page.Locator($"[data-testid=conversation-item][data-conversation-id='{conversationId}']");

    /// <summary>Only when asked (CS_SCREENSHOT_DIR): a look at the console for people, not an assertion.</summary>
    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("CS_SCREENSHOT_DIR") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name) });
        }
    }
}
