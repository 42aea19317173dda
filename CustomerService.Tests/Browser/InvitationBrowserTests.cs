using CustomerService.Domain.Conversations;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>
/// Issue 16: 主动邀请 from the console to a visitor browsing /demo/shop, and a private contact (专属客服) routed only to his
/// agent — the leave-message form when that agent is Away, although a colleague is Online.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InvitationBrowserTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public Task An_agent_invites_a_visitor_browsing_the_shop_and_the_accepted_chat_is_with_that_agent() =>
        browser.RunAsync(app.BaseAddress, async visitorPage =>
        {
            await using var consoles = await SalesConsoles.OpenAsync(NewContextAsync);
            var sales2 = consoles.Sales2;

            var started = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            await visitorPage.GotoAsync("/demo/shop");
            var invitation = await InviteAsync(sales2, visitorPage);
            await Expect(invitation).ToContainTextAsync("客服小丽");
            await Expect(invitation).ToContainTextAsync("今天有优惠");
            await invitation.GetByTestId("invitation-accept").ClickAsync();

            var chat = visitorPage.FrameLocator("iframe[src*='/visitor/chat.html']");
            await chat.GetByTestId("visitor-input").FillAsync("好的，介绍一下吧");
            await chat.GetByTestId("visitor-send").ClickAsync();
            await sales2.GetByTestId("tab-mine").ClickAsync();
            await sales2.GetByTestId("conversation-item").ClickAsync();
            await Expect(sales2.Locator("[data-testid=message][data-sender=visitor]")).ToContainTextAsync("介绍一下吧");
            // The engine holds one open conversation of this visitor, and it is sales2's (sales1 may still show an
            // ended tile of an earlier test in this class).
            var open = await app.Services.GetRequiredService<ConversationEngine>().GetOpenConversationsAsync();
            Assert.Equal(await app.AccountIdAsync("sales2"), Assert.Single(open, c => c.RequestedAt >= started).AgentId);
        });

    [Fact]
    public Task A_visitor_accepting_after_the_inviting_agent_went_away_is_told_so_in_the_chat_a_colleague_took() =>
        browser.RunAsync(app.BaseAddress, async visitorPage =>
        {
            await using var consoles = await SalesConsoles.OpenAsync(NewContextAsync);
            var sales2 = consoles.Sales2;
            var engine = app.Services.GetRequiredService<ConversationEngine>();
            var started = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            await visitorPage.GotoAsync("/demo/shop");
            var invitation = await InviteAsync(sales2, visitorPage);
            await Expect(invitation).ToBeVisibleAsync();

            // He clicks before the widget's next presence poll (5 s) would take the box down: held here, not raced.
            await visitorPage.RouteAsync("**/api/visitor/presence", route => route.AbortAsync());
            var sales2Id = await app.AccountIdAsync("sales2");
            await engine.SetStatusAsync(sales2Id, AgentStatus.Away);
            await invitation.GetByTestId("invitation-accept").ClickAsync();

            var chat = visitorPage.FrameLocator("iframe[src*='/visitor/chat.html']");
            await Expect(chat.Locator("[data-testid=visitor-message][data-sender=system]", new() { HasText = "邀请您的客服暂时无法接待，已为您转为普通咨询。" }))
                .ToHaveCountAsync(1);
            var open = await engine.GetOpenConversationsAsync();
            Assert.Equal(await app.AccountIdAsync("sales1"), Assert.Single(open, c => c.RequestedAt >= started).AgentId);

            // The class shares one app: the agent comes back Online for the next test.
            await engine.SetStatusAsync(sales2Id, AgentStatus.Online);
        });

    [Fact]
    public Task A_private_contact_goes_only_to_his_agent_and_gets_the_leave_message_form_when_that_agent_is_away() =>
        browser.RunAsync(app.BaseAddress, async visitorPage =>
        {
            await using var sales = await SalesConsoles.OpenAsync(NewContextAsync);
            var consoles = new Dictionary<string, IPage> { ["sales1"] = sales.Sales1, ["sales2"] = sales.Sales2 };

            await visitorPage.GotoAsync("/demo/shop");
            await visitorPage.GetByTestId("widget-button").ClickAsync();
            var chat = visitorPage.FrameLocator("iframe[src*='/visitor/chat.html']");
            await chat.GetByTestId("visitor-input").FillAsync("我想找上次那位客服");
            await chat.GetByTestId("visitor-send").ClickAsync();
            var first = await await Task.WhenAny(consoles.Select(async console =>
            {
                await console.Value.GetByTestId("conversation-item").WaitForAsync();
                return console.Key;
            }));
            var agent = consoles[first];

            await agent.GetByTestId("conversation-item").ClickAsync();
            await agent.GetByTestId("private-contact-toggle").ClickAsync();
            await Expect(agent.GetByTestId("private-contact")).ToHaveAttributeAsync("data-bound", "mine");
            await Expect(agent.GetByTestId("tile-private-contact")).ToBeVisibleAsync();
            await agent.GetByTestId("tab-private-contacts").ClickAsync();
            await Expect(agent.GetByTestId("private-contact-row")).ToHaveCountAsync(1);

            // Away ends his conversations (SPEC D1); the colleague is Online, yet the visitor is his alone.
            await agent.GetByTestId("agent-status").ClickAsync();
            await agent.GetByTestId("agent-status-away").ClickAsync();
            await agent.GetByTestId("confirm-yes").ClickAsync();
            await Expect(chat.GetByTestId("visitor-ended")).ToBeVisibleAsync();
            await chat.GetByTestId("visitor-restart").ClickAsync();

            await Expect(chat.GetByTestId("leave-message-form")).ToBeVisibleAsync();
            var colleague = consoles[first == "sales1" ? "sales2" : "sales1"];
            await Expect(colleague.GetByTestId("conversation-item")).ToHaveCountAsync(0);

            // The class shares one app: the agent comes back Online for the next test.
            await agent.GetByTestId("agent-status").ClickAsync();
            await agent.GetByTestId("agent-status-online").ClickAsync();
            await Expect(agent.GetByTestId("agent-status")).ToHaveAttributeAsync("data-status", nameof(AgentStatus.Online));
        });

    /// <summary>The console's 在线访客 → 邀请 with a text; answers the invitation box on the visitor's page.</summary>
    private static async Task<ILocator> InviteAsync(IPage agent, IPage visitorPage)
    {
        await agent.GetByTestId("tab-online-visitors").ClickAsync();
        var row = agent.GetByTestId("online-visitor");
        await Expect(row).ToHaveCountAsync(1);
        await row.GetByTestId("invite-visitor").ClickAsync();
        await agent.GetByTestId("invite-text").FillAndCommitAsync("您好，这款手机今天有优惠，要了解一下吗？");
        await agent.GetByTestId("invite-confirm").ClickAsync();
        return visitorPage.GetByTestId("invitation");
    }

    /// <summary>sales1's and sales2's consoles, signed in and Online, each in a browser context of its own.</summary>
    private sealed class SalesConsoles(IBrowserContext sales1Context, IBrowserContext sales2Context, IPage sales1, IPage sales2) : IAsyncDisposable
    {
        public IPage Sales1 => sales1;

        public IPage Sales2 => sales2;

        public static async Task<SalesConsoles> OpenAsync(Func<Task<IBrowserContext>> newContext)
        {
            var contexts = await Task.WhenAll(newContext(), newContext());
            var consoles = new SalesConsoles(contexts[0], contexts[1], await contexts[0].NewPageAsync(), await contexts[1].NewPageAsync());
            await Task.WhenAll(OpenConsoleAsync(consoles.Sales1, "sales1"), OpenConsoleAsync(consoles.Sales2, "sales2"));
            return consoles;
        }

        public async ValueTask DisposeAsync()
        {
            await sales1Context.DisposeAsync();
            await sales2Context.DisposeAsync();
        }
    }

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
}
