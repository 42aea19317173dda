using CustomerService.Domain.Conversations;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>
/// The visitor chat page on its own (/visitor/chat.html, as the widget's iframe or a mobile web view opens it): its ES
/// modules load cleanly and a message goes both ways.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VisitorChatPageTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    private const string ChatUrl = "/visitor/chat.html?entry=presale";

    [Fact]
    public async Task The_chat_page_runs_as_modules_without_console_errors_and_a_message_goes_both_ways()
    {
        var engine = app.Services.GetRequiredService<ConversationEngine>();
        var agent = await app.AccountIdAsync("sales2");
        await engine.AgentConnectedAsync(agent);
        await engine.SetStatusAsync(agent, AgentStatus.Online);
        try
        {
            await browser.RunAsync(app.BaseAddress, async page =>
            {
                var errors = new List<string>();
                page.Console += (_, message) =>
                {
                    if (message.Type == "error")
                    {
                        errors.Add(message.Text);
                    }
                };
                page.PageError += (_, error) => errors.Add(error);
                var modules = new List<IResponse>();
                page.Response += (_, response) =>
                {
                    if (new Uri(response.Url).AbsolutePath.StartsWith("/visitor/chat/", StringComparison.Ordinal))
                    {
                        modules.Add(response);
                    }
                };

                await page.GotoAsync(ChatUrl);
                await page.GetByTestId("visitor-input").FillAsync("有现货吗？<img src=x onerror=alert(1)>");
                await page.GetByTestId("visitor-send").ClickAsync();
                var mine = page.Locator("[data-testid=visitor-message][data-sender=visitor][data-seq]");
                await Expect(mine.Last).ToContainTextAsync("有现货吗？<img src=x onerror=alert(1)>");
                await Expect(mine.Last.Locator("img")).ToHaveCountAsync(0);

                var conversation = (await engine.GetConversationsOfAgentAsync(agent)).Single();
                await engine.AppendAgentMessageAsync(agent, conversation.Id, null, "有的，<b>今天</b>发货。");
                await Expect(page.Locator("[data-testid=visitor-message][data-sender=agent]").Last).ToContainTextAsync("有的，<b>今天</b>发货。");

                Assert.Equal(1, await page.Locator("script[type=module][src='chat/main.js']").CountAsync());
                Assert.True(modules.Count >= 15, string.Join(", ", modules.Select(m => m.Url)));
                Assert.All(modules, m => Assert.True(m.Ok, m.Url));
                Assert.Empty(errors);
            });
        }
        finally
        {
            await engine.SetStatusAsync(agent, AgentStatus.Away);
        }
    }
}
