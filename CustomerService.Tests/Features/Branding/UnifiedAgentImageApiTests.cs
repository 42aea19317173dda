using CustomerService.Data;
using CustomerService.Domain.Branding;
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

/// <summary>
/// 统一客服 through the visitor API: the visitor sees the enterprise's name, avatar and signature wherever an agent
/// appears (session, messages, transfer notice, transcript); the stored messages keep the agents' real names.
/// </summary>
public sealed class UnifiedAgentImageApiTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string Avatar = "/api/branding/images/77";

    private ConversationEngine Engine => app.Services.GetRequiredService<ConversationEngine>();

    public async Task InitializeAsync()
    {
        foreach (var login in new[] { "sales1", "sales2" })
        {
            var id = await app.AccountIdAsync(login);
            await Engine.AgentConnectedAsync(id);
            await Engine.SetStatusAsync(id, AgentStatus.Online);
        }
    }

    public async Task DisposeAsync()
    {
        await SaveAsync(UnifiedAgentImageInput.Off);
        var admin = await app.AccountIdAsync("admin");
        foreach (var open in await Engine.GetOpenConversationsAsync())
        {
            await Engine.EndByAgentAsync(admin, open.Id);
        }
    }

    [Fact]
    public async Task The_visitor_sees_the_unified_name_avatar_and_signature_everywhere_while_records_keep_real_names()
    {
        await SaveAsync(new UnifiedAgentImageInput(true, Avatar, true, "官方客服", true, "竭诚为您服务", false));
        var visitor = new VisitorApiClient(app.CreateClient());

        var session = await visitor.StartAsync();
        Assert.Equal(new AgentInfo("官方客服", Avatar, "竭诚为您服务"), session.Agent);

        var first = (await Engine.GetConversationAsync(visitor.ConversationId))!.AgentId!.Value;
        var second = first == await app.AccountIdAsync("sales1") ? await app.AccountIdAsync("sales2") : await app.AccountIdAsync("sales1");
        await Engine.AppendAgentMessageAsync(first, visitor.ConversationId, "unified-1", "您好，请问有什么可以帮您？");
        var transfer = await Engine.RequestTransferAsync(first, visitor.ConversationId, TransferTarget.ToAgent(second));
        await Engine.RespondToTransferAsync(second, transfer.Id, accept: true);

        using var events = await visitor.OpenEventsAsync();
        var reader = new SseReader(await events.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new List<MessageResponse>();
        while (!seen.Any(m => m.Notice == NoticeCode.Transferred))
        {
            seen.AddRange(await reader.MessagesAsync(1, timeout.Token));
        }

        var greeting = seen.Single(m => m.ClientId == "unified-1");
        Assert.Equal("官方客服", greeting.SenderName);
        Assert.Equal(Avatar, greeting.Avatar);
        Assert.Equal("会话已转接给 官方客服", seen.Single(m => m.Notice == NoticeCode.Transferred).Text);

        using var transcript = await app.CreateClient().GetAsync($"/api/visitor/conversations/{visitor.ConversationId}/transcript?token={visitor.Token}");
        var text = await transcript.Content.ReadAsStringAsync();
        Assert.Contains("官方客服: 您好，请问有什么可以帮您？", text);
        Assert.DoesNotContain("客服小美", text);
        Assert.DoesNotContain("客服小丽", text);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContextAsync();
        var stored = await db.Messages.AsNoTracking().Where(m => m.ConversationId == visitor.ConversationId).ToListAsync();
        Assert.Contains(stored.Single(m => m.ClientId == "unified-1").SenderName, new[] { "客服小美", "客服小丽" });
        Assert.Contains(stored.Single(m => m.Notice == NoticeCode.Transferred).Text, new[] { "客服小美", "客服小丽" });
    }

    [Fact]
    public async Task Only_the_chosen_items_are_unified()
    {
        await SaveAsync(new UnifiedAgentImageInput(false, Avatar, true, "官方客服", false, "竭诚为您服务", true));
        var visitor = new VisitorApiClient(app.CreateClient());

        var session = await visitor.StartAsync();

        Assert.Equal("官方客服", session.Agent!.Name);
        Assert.Null(session.Agent.Avatar);        // the demo agents have no avatar of their own
        Assert.Null(session.Agent.Signature);
        using var entry = await app.CreateClient().GetAsync("/api/visitor/entries/presale");
        Assert.Contains("\"popUpOnAgentMessage\":true", await entry.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bad_setting_is_refused_and_the_visitor_keeps_seeing_the_last_good_one()
    {
        await SaveAsync(new UnifiedAgentImageInput(false, null, true, "官方客服", false, null, false));
        using var scope = app.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<UnifiedAgentImageService>();

        var blank = await service.SaveAsync(new UnifiedAgentImageInput(false, null, true, " ", false, null, false));
        var script = await service.SaveAsync(new UnifiedAgentImageInput(true, "javascript:alert(1)", true, "别的名字", false, null, false));

        Assert.Equal("Required", blank.Violation?.Code);
        Assert.Equal("UrlFormat", script.Violation?.Code);
        Assert.Equal("官方客服", (await service.GetAsync()).Name);
        var session = await new VisitorApiClient(app.CreateClient()).StartAsync();
        Assert.Equal("官方客服", session.Agent!.Name);
    }

    private async Task SaveAsync(UnifiedAgentImageInput input)
    {
        using var scope = app.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<UnifiedAgentImageService>().SaveAsync(input);
        Assert.True(outcome.Succeeded, outcome.Violation?.ToString());
    }
}
