using CustomerService.Domain.Conversations;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Visitors.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>
/// Issue 15: the visitor's chat page shows images, his own and the agent's. An img cannot send the visitor token, so
/// before the signed links both were broken icons (the earlier image test looked at the agent's side only).
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

            var conversation = (await engine.GetConversationsOfAgentAsync(agent)).Single();
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
}
