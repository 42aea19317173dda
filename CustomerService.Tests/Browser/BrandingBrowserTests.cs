using CustomerService.Domain.Branding;
using CustomerService.Domain.Conversations;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Branding;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>Issue 16: 统一客服 and 表情管理 as the visitor and the agent see them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrandingBrowserTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public async Task The_visitor_sees_the_unified_name_and_avatar_under_the_enterprise_logo()
    {
        var png = UploadSamples.DecodablePng();
        var avatar = (await app.Services.GetRequiredService<BrandImages>().SaveAsync(new MemoryStream(png), "官方头像.png", png.Length)).Value!;
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<UnifiedAgentImageService>()
                .SaveAsync(new UnifiedAgentImageInput(true, avatar, true, "官方客服", true, "竭诚为您服务", false));
        }

        var engine = app.Services.GetRequiredService<ConversationEngine>();
        var agent = await app.AccountIdAsync("sales2");
        await engine.AgentConnectedAsync(agent);
        await engine.SetStatusAsync(agent, AgentStatus.Online);

        await browser.RunAsync(app.BaseAddress, async page =>
        {
            await page.GotoAsync("/visitor/chat.html?entry=presale");
            await Expect(page.GetByTestId("visitor-status")).ToHaveTextAsync("官方客服 为您服务");
            await Expect(page.GetByTestId("agent-signature")).ToHaveTextAsync("竭诚为您服务");
            var headerAvatar = page.Locator("[data-testid=agent-avatar] img");
            await Expect(headerAvatar).ToHaveJSPropertyAsync("naturalWidth", 48);
            // 企业信息: the demo enterprise's logo atop the window.
            await Expect(page.GetByTestId("enterprise-logo")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("/demo/logo\\.svg$"));

            var conversation = (await engine.GetConversationsOfAgentAsync(agent)).Single();
            await engine.AppendAgentMessageAsync(agent, conversation.Id, null, "您好，欢迎光临！");
            var reply = page.Locator("[data-testid=visitor-message][data-sender=agent]").Last;
            await Expect(reply).ToContainTextAsync("官方客服");
            await Expect(reply).Not.ToContainTextAsync("客服小丽");
            await Expect(reply.Locator(".cs-avatar img")).ToHaveJSPropertyAsync("naturalWidth", 48);
            await SaveScreenshotAsync(page, "unified-agent-visitor");
        });
    }

    [Fact]
    public async Task A_custom_emoji_sent_by_the_visitor_shows_on_both_sides()
    {
        var catalog = app.Services.GetRequiredService<EmojiCatalog>();
        var group = (await catalog.CreateGroupAsync("欢乐")).Value;
        var png = UploadSamples.DecodablePng();
        await catalog.AddImageAsync(group, new MemoryStream(png), "点赞.png", png.Length);

        await browser.RunAsync(app.BaseAddress, async console =>
        {
            await console.SignInAsync("sales1", AppFactory.DemoPassword);
            await console.GotoInteractiveAsync("/console");
            await Expect(console.GetByTestId("agent-status")).ToHaveAttributeAsync("data-status", nameof(AgentStatus.Online));

            var visitor = await console.Context.NewPageAsync();
            var stream = visitor.WaitForRequestAsync(request => request.Url.Contains("/events", StringComparison.Ordinal));
            await visitor.GotoAsync("/visitor/chat.html?entry=presale");
            await stream;
            await visitor.Locator("#emoji-button").ClickAsync();
            await visitor.Locator($"[data-testid=emoji-tab][data-group='{group}']").ClickAsync();
            await visitor.GetByTestId("custom-emoji").First.ClickAsync();

            var own = visitor.Locator("[data-testid=visitor-message][data-sender=visitor][data-seq] img");
            await Expect(own).ToHaveJSPropertyAsync("naturalWidth", 48);

            var tile = console.Locator("[data-testid=conversation-item]").First;
            await tile.ClickAsync();
            var received = console.Locator("[data-testid=message][data-sender=visitor] img");
            await Expect(received).ToHaveJSPropertyAsync("naturalWidth", 48);

            // The console's picker offers the same group.
            await console.GetByTestId("emoji-button").ClickAsync();
            await console.Locator($"[data-testid=emoji-tab][data-group='{group}']").ClickAsync();
            await Expect(console.Locator("[data-testid=custom-emoji] img")).ToHaveJSPropertyAsync("naturalWidth", 48);
            await SaveScreenshotAsync(console, "emoji-console");
            await SaveScreenshotAsync(visitor, "emoji-visitor");
        });
    }

    /// <summary>Only when asked (CS_SCREENSHOT_DIR): a look at the pages for people, not an assertion.</summary>
    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("CS_SCREENSHOT_DIR") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, name + ".png") });
        }
    }
}
