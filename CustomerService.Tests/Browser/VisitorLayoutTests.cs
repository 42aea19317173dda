using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>
/// Issue 15, what a visitor sees: the demo shop on a 390 px phone, the chat page's send-key choice (desktop only), and
/// the re-opened widget showing the newest message.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VisitorLayoutTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public Task On_a_phone_the_shop_links_stay_whole_and_the_chat_button_leaves_the_footer_readable() =>
        browser.RunAsync(app.BaseAddress, async page =>
        {
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync("/demo/shop");
            await page.GetByTestId("widget-button").WaitForAsync();

            foreach (var link in await page.Locator(".demo-nav a").AllAsync())
            {
                // One line of text: a link wrapped a character a line is several times as tall.
                Assert.True((await link.BoundingBoxAsync())!.Height < 30, "A shop link wraps on a phone.");
            }

            await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
            var overlap = await page.EvaluateAsync<bool>("""
                () => {
                  const range = document.createRange();
                  range.selectNodeContents(document.querySelector('.demo-footer'));
                  const text = range.getBoundingClientRect();
                  const button = document.querySelector('[data-testid=widget-button]').getBoundingClientRect();
                  return !(button.right <= text.left || button.left >= text.right || button.bottom <= text.top || button.top >= text.bottom);
                }
                """);
            Assert.False(overlap, "The chat button covers the shop's footer.");
        });

    [Fact]
    public async Task The_send_key_choice_shows_on_a_desktop_and_not_on_a_phone()
    {
        await OnlineAsync("sales1");
        await browser.RunAsync(app.BaseAddress, async page =>
        {
            await page.GotoAsync("/visitor/chat.html?entry=presale");
            await Expect(page.GetByTestId("visitor-input")).ToBeVisibleAsync();
            await Expect(page.Locator("#send-key")).ToBeVisibleAsync();

            await page.SetViewportSizeAsync(390, 844);

            await Expect(page.Locator("#send-key")).ToBeHiddenAsync();
            await Expect(page.GetByTestId("visitor-input")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task The_reopened_widget_shows_the_newest_message()
    {
        await OnlineAsync("sales2");
        var engine = app.Services.GetRequiredService<ConversationEngine>();
        await browser.RunAsync(app.BaseAddress, async page =>
        {
            await page.GotoAsync("/demo/shop/cart");
            await page.GetByTestId("widget-button").ClickAsync();
            var chat = page.FrameLocator("iframe[src*='/visitor/chat.html']");
            await chat.GetByTestId("visitor-input").FillAsync("在吗？");
            await chat.GetByTestId("visitor-send").ClickAsync();
            await Expect(chat.Locator("[data-testid=visitor-message][data-sender=visitor][data-seq]")).ToHaveCountAsync(1);
            long conversationId;
            await using (var db = app.Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContext())
            {
                conversationId = await db.Messages.Where(m => m.Text == "在吗？").Select(m => m.ConversationId).SingleAsync();
            }

            var agent = (await engine.GetConversationAsync(conversationId))!.AgentId!.Value;

            await page.GetByTestId("widget-button").ClickAsync();
            for (var i = 1; i <= 30; i++)
            {
                await engine.AppendAgentMessageAsync(agent, conversationId, null, $"第 {i} 条说明");
            }

            await Expect(page.GetByTestId("widget-unread")).ToHaveTextAsync("30");
            await page.GetByTestId("widget-button").ClickAsync();

            var newest = chat.Locator("[data-testid=visitor-message][data-sender=agent]").Filter(new() { HasText = "第 30 条说明" });
            await Expect(newest).ToBeInViewportAsync();
        });
    }

    private async Task<int> OnlineAsync(string login)
    {
        var engine = app.Services.GetRequiredService<ConversationEngine>();
        var agent = await app.AccountIdAsync(login);
        await engine.AgentConnectedAsync(agent);
        await engine.SetStatusAsync(agent, AgentStatus.Online);
        return agent;
    }
}
