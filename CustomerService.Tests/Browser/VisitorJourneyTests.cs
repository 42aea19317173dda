using CustomerService.Domain.Conversations;
using CustomerService.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>
/// Issue 5's journey in three browser contexts: a visitor on the demo shop (the real widget and chat page), sales1 and
/// sales2 at their consoles. The visitor is served, handed over, keeps chatting with the new agent, and once blacklisted
/// only gets the leave-message form.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VisitorJourneyTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public Task A_visitor_is_served_transferred_keeps_chatting_and_after_a_blacklist_only_gets_the_leave_message_form() =>
        browser.RunAsync(app.BaseAddress, async visitorPage =>
        {
            await using var sales1Context = await NewContextAsync();
            await using var sales2Context = await NewContextAsync();
            var consoles = new Dictionary<string, IPage>
            {
                ["sales1"] = await sales1Context.NewPageAsync(),
                ["sales2"] = await sales2Context.NewPageAsync(),
            };
            await Task.WhenAll(consoles.Select(c => OpenConsoleAsync(c.Value, c.Key)));

            await visitorPage.GotoAsync("/demo/shop");
            await visitorPage.GetByTestId("widget-button").ClickAsync();
            var chat = visitorPage.FrameLocator("iframe[src*='/visitor/chat.html']");
            await SayAsync(chat, "你好，这款手机有现货吗？");

            // Whoever the round-robin chose receives it; the other does not.
            var first = await await Task.WhenAny(consoles.Select(async console =>
            {
                await console.Value.GetByTestId("conversation-item").WaitForAsync();
                return console.Key;
            }));
            var second = first == "sales1" ? "sales2" : "sales1";
            var agent = consoles[first];
            await Expect(consoles[second].GetByTestId("conversation-item")).ToHaveCountAsync(0);
            await agent.GetByTestId("conversation-item").ClickAsync();
            await Expect(agent.Locator("[data-testid=message][data-sender=visitor]")).ToContainTextAsync("有现货吗");
            await ReplyAsync(agent, "有的，今天下单明天到。");
            // The widget's beacon recorded the shop page: the agent sees where the visitor has been (SPEC E3, F7).
            await agent.GetByTestId("side-tab-trajectory").ClickAsync();
            await Expect(agent.GetByTestId("trajectory-visit")).ToHaveCountAsync(1);
            await Expect(agent.Locator(".trajectory-page[title$='/demo/shop']").First).ToBeVisibleAsync();
            await Expect(chat.Locator("[data-testid=visitor-message][data-sender=agent]").Last).ToContainTextAsync("今天下单明天到");

            await agent.GetByTestId("transfer-button").ClickAsync();
            var colleagueId = await app.AccountIdAsync(second);
            await agent.Locator($"[data-testid=transfer-target][data-agent-id='{colleagueId}']").ClickAsync();
            await agent.GetByTestId("transfer-confirm").ClickAsync();
            var colleague = consoles[second];
            await colleague.GetByTestId("transfer-offer").GetByTestId("transfer-accept").ClickAsync();
            await Expect(colleague.GetByTestId("conversation-item")).ToHaveAttributeAsync("data-selected", "true");
            await Expect(agent.GetByTestId("conversation-item")).ToHaveCountAsync(0);

            await SayAsync(chat, "那蓝色的呢？");
            await Expect(colleague.Locator("[data-testid=message][data-sender=visitor]").Last).ToContainTextAsync("蓝色的呢");
            await ReplyAsync(colleague, "蓝色也有货。");
            await Expect(chat.Locator("[data-testid=visitor-message][data-sender=agent]").Last).ToContainTextAsync("蓝色也有货");

            await colleague.GetByTestId("blacklist-button").ClickAsync();
            await colleague.GetByTestId("blacklist-reason").FillAndCommitAsync("恶意骚扰");
            await colleague.GetByTestId("blacklist-confirm").ClickAsync();
            await Expect(chat.GetByTestId("visitor-ended")).ToBeVisibleAsync();

            await chat.GetByTestId("visitor-restart").ClickAsync();
            await Expect(chat.GetByTestId("leave-message-form")).ToBeVisibleAsync();
        });

    private Task<IBrowserContext> NewContextAsync() => browser.Browser.NewContextAsync(new()
    {
        BaseURL = app.BaseAddress.ToString(),
        Locale = "zh-CN",
        ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
    });

    private static async Task OpenConsoleAsync(IPage page, string login)
    {
        await page.SignInAsync(login, AppFactory.DemoPassword);
        await page.GotoInteractiveAsync("/console");
        await Expect(page.GetByTestId("agent-status")).ToHaveAttributeAsync("data-status", nameof(AgentStatus.Online));
    }

    private static async Task SayAsync(IFrameLocator chat, string text)
    {
        await chat.GetByTestId("visitor-input").FillAsync(text);
        await chat.GetByTestId("visitor-send").ClickAsync();
        await Expect(chat.Locator("[data-testid=visitor-message][data-sender=visitor]").Last).ToContainTextAsync(text);
    }

    private static async Task ReplyAsync(IPage agent, string text)
    {
        await agent.GetByTestId("message-input").FillAsync(text);
        await agent.GetByTestId("send-button").ClickAsync();
        await Expect(agent.Locator("[data-testid=message][data-sender=agent][data-seq]").Last).ToContainTextAsync(text);
    }
}
