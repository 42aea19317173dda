using CustomerService.Domain.Conversations;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Visitors.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>
/// Issue 15: the visitor's chat page shows images, his own and the agent's. An img cannot send the visitor token, so
/// before the signed links both were broken icons (the earlier image test looked at the agent's side only). An image
/// picked before the conversation exists is sent when it opens, or refused by name — never dropped.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VisitorImagesTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public async Task The_visitor_sees_his_own_image_and_the_agents_image_decoded_in_the_chat()
    {
        var engine = app.Services.GetRequiredService<ConversationEngine>();
        var agent = await app.AccountIdAsync("sales2");
        await engine.AgentConnectedAsync(agent);
        await engine.SetStatusAsync(agent, AgentStatus.Online);

        await browser.RunAsync(app.BaseAddress, async page =>
        {
            // The page takes a picture once its conversation is open, which its event stream shows.
            var stream = page.WaitForRequestAsync(request => request.Url.Contains("/events", StringComparison.Ordinal));
            await page.GotoAsync("/visitor/chat.html?entry=presale");
            await stream;
            await page.Locator("#image-input").SetInputFilesAsync(new FilePayload { Name = "我的订单.png", MimeType = "image/png", Buffer = UploadSamples.DecodablePng() });
            var own = page.Locator("[data-testid=visitor-message][data-sender=visitor][data-seq] img");
            await Expect(own).ToHaveCountAsync(1);

            // The newest: another test of this class may have left one with the same agent.
            var conversation = (await engine.GetConversationsOfAgentAsync(agent)).MaxBy(c => c.Id)!;
            using var content = new MemoryStream(UploadSamples.DecodablePng());
            await app.Services.GetRequiredService<UploadedFiles>()
                .AcceptAgentUploadAsync(agent, conversation.Id, content, "商品图.png", content.Length, "agent-image-1", CancellationToken.None);
            var agents = page.Locator("[data-testid=visitor-message][data-sender=agent] img");
            await Expect(agents).ToHaveCountAsync(1);

            // Decoded means the server answered the img's own request with the picture: a 404 leaves naturalWidth 0.
            await Expect(own).ToHaveJSPropertyAsync("naturalWidth", 48);
            await Expect(agents).ToHaveJSPropertyAsync("naturalWidth", 48);
        });
    }

    [Fact]
    public async Task An_image_picked_while_the_chat_is_still_connecting_is_sent_once_the_conversation_opens()
    {
        var engine = app.Services.GetRequiredService<ConversationEngine>();
        var agent = await app.AccountIdAsync("sales2");
        await engine.AgentConnectedAsync(agent);
        await engine.SetStatusAsync(agent, AgentStatus.Online);

        await browser.RunAsync(app.BaseAddress, async page =>
        {
            // The session's answer is held back until the picture is picked: the page has no conversation yet.
            var picked = new TaskCompletionSource();
            await page.RouteAsync("**/api/visitor/sessions", async route =>
            {
                await picked.Task;
                await route.ContinueAsync();
            });
            var asked = page.WaitForRequestAsync(request => request.Url.EndsWith("/api/visitor/sessions", StringComparison.Ordinal));
            await page.GotoAsync("/visitor/chat.html?entry=presale");
            await asked;
            await page.Locator("#image-input").SetInputFilesAsync(new FilePayload { Name = "尺码表.png", MimeType = "image/png", Buffer = UploadSamples.DecodablePng() });
            picked.SetResult();

            var own = page.Locator("[data-testid=visitor-message][data-sender=visitor][data-seq] img");
            await Expect(own).ToHaveCountAsync(1);
            await using var scope = app.CreateScope();
            var stored = await scope.ServiceProvider.GetRequiredService<CustomerService.Data.CustomerServiceDbContext>().Messages
                .Where(m => m.FileName == "尺码表.png").Select(m => new { m.Sender, m.Kind }).ToListAsync();
            Assert.Equal([(MessageSender.Visitor, MessageKind.Image)], stored.Select(m => (m.Sender, m.Kind)));
        });
    }

    [Fact]
    public async Task An_image_picked_while_connecting_to_a_leave_message_form_is_refused_by_name()
    {
        await browser.RunAsync(app.BaseAddress, async page =>
        {
            var picked = new TaskCompletionSource();
            await page.RouteAsync("**/api/visitor/sessions", async route =>
            {
                await picked.Task;
                await route.ContinueAsync();
            });
            var asked = page.WaitForRequestAsync(request => request.Url.EndsWith("/api/visitor/sessions", StringComparison.Ordinal));
            // Nobody of 售后 is online: the answer is the leave-message form.
            await page.GotoAsync("/visitor/chat.html?entry=aftersale");
            await asked;
            await page.Locator("#image-input").SetInputFilesAsync(new FilePayload { Name = "破损.png", MimeType = "image/png", Buffer = UploadSamples.DecodablePng() });
            picked.SetResult();

            await Expect(page.GetByTestId("leave-message-form")).ToBeVisibleAsync();
            await Expect(page.Locator("#leave-error")).ToContainTextAsync("破损.png 未发送");
        });
    }
}
