using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>Issue 4 end to end: the demo shop's widget opens the chat page, and what the visitor sends is stored.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VisitorChatTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public async Task A_visitor_on_the_demo_shop_opens_the_chat_and_his_message_is_stored_and_answered()
    {
        var engine = app.Services.GetRequiredService<ConversationEngine>();
        var agent = await app.AccountIdAsync("sales1");
        await engine.AgentConnectedAsync(agent);
        await engine.SetStatusAsync(agent, AgentStatus.Online);

        await browser.RunAsync(app.BaseAddress, async page =>
        {
            await page.GotoAsync("/demo/shop");
            await WaitUntilAsync(async db => await db.PageViews.AnyAsync(v => v.Url.EndsWith("/demo/shop")));
            await page.GetByTestId("widget-button").ClickAsync();
            var chat = page.FrameLocator("iframe[src*='/visitor/chat.html']");
            await Expect(chat.GetByTestId("visitor-input")).ToBeVisibleAsync();
            await chat.GetByTestId("visitor-input").FillAsync("这款手机有现货吗？<b>急</b>");
            await chat.GetByTestId("visitor-send").ClickAsync();
            await Expect(chat.Locator("[data-testid=visitor-message][data-sender=visitor]").Last).ToContainTextAsync("这款手机有现货吗？<b>急</b>");

            var conversation = (await engine.GetConversationsOfAgentAsync(agent)).Single();
            // The page shows a message as soon as it is sent; the store follows the server's acknowledgement.
            await WaitUntilAsync(async db => await db.Messages.AnyAsync(m => m.ConversationId == conversation.Id && m.Text == "这款手机有现货吗？<b>急</b>"));

            // The chat continues the trajectory the widget's beacon began: one visitor, not two.
            await using (var db = NewContext())
            {
                var visitorId = (await engine.GetConversationAsync(conversation.Id))!.VisitorId;
                Assert.True(await db.PageViews.AnyAsync(v => v.VisitorId == visitorId && v.Url.EndsWith("/demo/shop")));
            }

            await engine.AppendAgentMessageAsync(agent, conversation.Id, null, "有现货，今天下单明天到。");
            await Expect(chat.Locator("[data-testid=visitor-message][data-sender=agent]").Last).ToContainTextAsync("有现货，今天下单明天到。");
        });
    }

    private CustomerServiceDbContext NewContext() =>
        app.Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContext();

    /// <summary>Waits for a condition on stored data, as Playwright's Expect does for the page.</summary>
    private async Task WaitUntilAsync(Func<CustomerServiceDbContext, Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using (var db = NewContext())
            {
                if (await condition(db))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "The condition on stored data was not met in time.");
            await Task.Delay(100);
        }
    }
}
