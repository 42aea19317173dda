using System.Net;
using System.Net.Http.Json;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Visitors;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Branding;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Visitors.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Branding;

/// <summary>The visitor's picker lists the custom groups; a custom emoji he sends is an image message of its own copy.</summary>
public sealed class VisitorEmojiTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private ConversationEngine Engine => app.Services.GetRequiredService<ConversationEngine>();

    private EmojiCatalog Catalog => app.Services.GetRequiredService<EmojiCatalog>();

    public async Task InitializeAsync()
    {
        var id = await app.AccountIdAsync("sales1");
        await Engine.AgentConnectedAsync(id);
        await Engine.SetStatusAsync(id, AgentStatus.Online);
    }

    public async Task DisposeAsync()
    {
        var admin = await app.AccountIdAsync("admin");
        foreach (var open in await Engine.GetOpenConversationsAsync())
        {
            await Engine.EndByAgentAsync(admin, open.Id);
        }
    }

    [Fact]
    public async Task A_custom_emoji_sent_by_the_visitor_is_stored_as_an_image_message_with_its_own_copy()
    {
        var group = (await Catalog.CreateGroupAsync("猫咪")).Value;
        var png = UploadSamples.DecodablePng();
        await Catalog.AddImageAsync(group, new MemoryStream(png), "招手.png", png.Length);
        var visitor = new VisitorApiClient(app.CreateClient());
        await visitor.StartAsync();

        using var picker = await visitor.Http.GetAsync("/api/visitor/emoji");
        var listed = (await picker.Content.ReadFromJsonAsync<PickerAnswer>(VisitorApiClient.Json))!.Groups.Single(g => g.Id == group);
        var emoji = listed.Emoji.Single();
        using var sent = await visitor.SendAsync(HttpMethod.Post, $"/api/visitor/conversations/{visitor.ConversationId}/emoji",
            new SendEmojiRequest(emoji.Id, "emoji-1"));

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var message = (await sent.Content.ReadFromJsonAsync<MessageResponse>(VisitorApiClient.Json))!;
        Assert.Equal("image", message.Kind);
        Assert.Equal("招手.png", message.File!.Name);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContextAsync();
        var stored = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == message.Id);
        Assert.Equal(MessageSender.Visitor, stored.Sender);
        Assert.Equal("image/png", stored.ContentType);
        var emojiKey = await db.CustomEmojis.Where(e => e.Id == emoji.Id).Select(e => e.StorageKey).SingleAsync();
        Assert.NotEqual(emojiKey, stored.StorageKey);

        // Deleting the emoji afterwards leaves the conversation's copy in place.
        await Catalog.DeleteAsync(emoji.Id);
        using var file = await visitor.Http.GetAsync(message.File.Url);
        Assert.Equal(png, await file.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_emoji_that_does_not_exist_is_refused_and_nothing_is_sent()
    {
        var visitor = new VisitorApiClient(app.CreateClient());
        await visitor.StartAsync();
        var before = (await Engine.GetConversationAsync(visitor.ConversationId))!.LastSeq;

        using var sent = await visitor.SendAsync(HttpMethod.Post, $"/api/visitor/conversations/{visitor.ConversationId}/emoji",
            new SendEmojiRequest(999_999, "emoji-x"));

        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        Assert.Contains("该表情不存在", await sent.Content.ReadAsStringAsync());
        Assert.Equal(before, (await Engine.GetConversationAsync(visitor.ConversationId))!.LastSeq);
    }

    [Fact]
    public async Task Someone_elses_conversation_cannot_receive_an_emoji()
    {
        var owner = new VisitorApiClient(app.CreateClient());
        await owner.StartAsync();
        var stranger = new VisitorApiClient(app.CreateClient());
        await stranger.StartAsync();
        var group = (await Catalog.CreateGroupAsync("别人的")).Value;
        var png = UploadSamples.Png();
        await Catalog.AddImageAsync(group, new MemoryStream(png), "a.png", png.Length);
        var emoji = (await Catalog.ListAsync()).Single(g => g.Id == group).Emoji.Single();

        using var sent = await stranger.SendAsync(HttpMethod.Post, $"/api/visitor/conversations/{owner.ConversationId}/emoji",
            new SendEmojiRequest(emoji.Id, "emoji-y"));

        Assert.Equal(HttpStatusCode.NotFound, sent.StatusCode);
    }

    private sealed record PickerAnswer(List<EmojiGroupView> Groups);
}
