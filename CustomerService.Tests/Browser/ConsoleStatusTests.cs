using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>SPEC D1 from the console in Chromium: Busy takes no new visitors, Away (after confirming) ends the current ones.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleStatusTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public Task A_busy_agent_gets_no_new_visitor_and_going_away_ends_the_current_conversation() =>
        browser.RunAsync(app.BaseAddress, async sales1 =>
        {
            await using var otherContext = await browser.Browser.NewContextAsync(new()
            {
                BaseURL = app.BaseAddress.ToString(),
                Locale = "zh-CN",
                ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            });
            var sales2 = await otherContext.NewPageAsync();
            await Task.WhenAll(OpenConsoleAsync(sales1, "sales1"), OpenConsoleAsync(sales2, "sales2"));

            await SetStatusAsync(sales1, "busy");
            await Expect(sales1.GetByTestId("agent-status")).ToHaveAttributeAsync("data-status", nameof(AgentStatus.Busy));

            var visitor = await TestVisitor.StartAsync(app.Services);
            Assert.Equal(await app.AccountIdAsync("sales2"), visitor.AgentId);
            var tile = sales2.Locator($"[data-testid=conversation-item][data-conversation-id='{visitor.ConversationId}']");
            await Expect(tile).ToBeVisibleAsync();
            await Expect(sales1.GetByTestId("conversation-item")).ToHaveCountAsync(0);

            await SetStatusAsync(sales2, "away");
            await sales2.GetByTestId("confirm-yes").ClickAsync();

            await Expect(sales2.GetByTestId("agent-status")).ToHaveAttributeAsync("data-status", nameof(AgentStatus.Away));
            await Expect(tile).ToHaveCountAsync(0);
            await using var scope = app.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
            var ended = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == visitor.ConversationId);
            Assert.Equal(ConversationState.Ended, ended.State);
            Assert.Equal(EndReason.AgentAway, ended.EndReason);
        });

    private static async Task OpenConsoleAsync(IPage page, string login)
    {
        await page.SignInAsync(login, AppFactory.DemoPassword);
        await page.GotoInteractiveAsync("/console");
        await Expect(page.GetByTestId("agent-status")).ToHaveAttributeAsync("data-status", nameof(AgentStatus.Online));
    }

    private static async Task SetStatusAsync(IPage page, string status)
    {
        await page.GetByTestId("agent-status").ClickAsync();
        await page.GetByTestId($"agent-status-{status}").ClickAsync();
    }
}
