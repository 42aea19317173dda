using System.Net;
using System.Net.Http.Json;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Invitations;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Invitations;
using CustomerService.Web.Features.Visitors.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Invitations;

/// <summary>
/// The widget's side of 主动邀请 over HTTP with the demo data (entry presale → 售前, sales1 客服小美 Online): presence,
/// the invitation it brings, accept and decline, and the refusals.
/// </summary>
public sealed class InvitationVisitorApiTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private ConversationEngine Engine => app.Services.GetRequiredService<ConversationEngine>();

    private VisitorInviter Inviter => app.Services.GetRequiredService<VisitorInviter>();

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

    /// <summary>A visitor whose page reported a view (as the beacon does) and is polling presence on the presale entry.</summary>
    private async Task<(VisitorApiClient Visitor, long VisitorId)> OnlineVisitorAsync()
    {
        var (visitor, visitorId) = await TrackedVisitorAsync("https://shop.example.com/product/1");
        Assert.Null((await PresenceAsync(visitor)).Invitation);
        return (visitor, visitorId);
    }

    /// <summary>A visitor known by a page view only, his token in the client (what track.js keeps).</summary>
    private async Task<(VisitorApiClient Visitor, long VisitorId)> TrackedVisitorAsync(string url)
    {
        var visitor = new VisitorApiClient(app.CreateClient());
        using var tracked = await visitor.SendAsync(HttpMethod.Post, "/api/visitor/track", new TrackRequest(url, "商品", null));
        tracked.EnsureSuccessStatusCode();
        var token = (await tracked.Content.ReadFromJsonAsync<TokenAnswer>(VisitorApiClient.Json))!.VisitorToken;
        visitor.UseToken(token);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContext();
        var hash = VisitorToken.Hash(token);
        return (visitor, await db.Visitors.Where(v => v.TokenHash == hash).Select(v => v.Id).SingleAsync());
    }

    private static async Task<PresenceResponse> PresenceAsync(VisitorApiClient visitor)
    {
        using var response = await visitor.SendAsync(HttpMethod.Post, "/api/visitor/presence", new PresenceRequest("presale", "https://shop.example.com/product/1"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PresenceResponse>(VisitorApiClient.Json))!;
    }

    private async Task<InvitationState> StoredStateAsync(long invitationId)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContext();
        return await db.Invitations.Where(i => i.Id == invitationId).Select(i => i.State).SingleAsync();
    }

    private sealed record TokenAnswer(string VisitorToken);

    [Fact]
    public async Task An_invited_visitor_sees_the_agent_and_text_and_accepting_starts_his_chat_with_that_agent()
    {
        var (visitor, visitorId) = await OnlineVisitorAsync();
        var sales1 = await app.AccountIdAsync("sales1");

        var sent = await Inviter.InviteAsync(sales1, visitorId, "您好，这款沙发正在打折");
        Assert.True(sent.Succeeded, sent.Violation?.ToString());

        var shown = (await PresenceAsync(visitor)).Invitation!;
        Assert.Equal("客服小美", shown.AgentName);
        Assert.Equal("您好，这款沙发正在打折", shown.Text);

        using var accepted = await visitor.SendAsync(HttpMethod.Post, $"/api/visitor/invitations/{shown.Id}/accept",
            new AcceptInvitationRequest(new PageInfo("https://shop.example.com/product/1", "商品", null)));
        accepted.EnsureSuccessStatusCode();
        var conversationId = (await accepted.Content.ReadFromJsonAsync<AcceptInvitationResponse>(VisitorApiClient.Json))!.ConversationId;

        var session = await visitor.StartAsync();
        Assert.Equal(conversationId, session.ConversationId);
        Assert.Equal("active", session.State);
        Assert.Equal("客服小美", session.Agent!.Name);
        Assert.Equal(InvitationState.Accepted, await StoredStateAsync(shown.Id));
        Assert.Null((await PresenceAsync(visitor)).Invitation);
    }

    [Fact]
    public async Task Accepting_after_the_inviting_agent_went_away_answers_with_the_withdrawn_notice_and_what_routing_gave()
    {
        var (visitor, visitorId) = await OnlineVisitorAsync();
        var sales1 = await app.AccountIdAsync("sales1");
        Assert.True((await Inviter.InviteAsync(sales1, visitorId, "您好")).Succeeded);
        var shown = (await PresenceAsync(visitor)).Invitation!;
        await Engine.SetStatusAsync(sales1, AgentStatus.Away);

        using var accepted = await visitor.SendAsync(HttpMethod.Post, $"/api/visitor/invitations/{shown.Id}/accept",
            new AcceptInvitationRequest(new PageInfo("https://shop.example.com/product/1", "商品", null)));

        accepted.EnsureSuccessStatusCode();
        var answer = (await accepted.Content.ReadFromJsonAsync<AcceptInvitationResponse>(VisitorApiClient.Json))!;
        Assert.False(answer.WithInvitingAgent);
        Assert.Equal("邀请您的客服暂时无法接待，已为您转为普通咨询。", answer.Notice);
        // Nobody else of 售前 is Online in this app: ordinary routing gives the leave-message form.
        Assert.Equal("leave-message", answer.State);
        Assert.Null(answer.ConversationId);
        Assert.Equal(InvitationState.Withdrawn, await StoredStateAsync(shown.Id));

        // The widget asks in its own language (track.js adds ?culture=); the box is gone, a repeat click changes nothing.
        using var english = await visitor.SendAsync(HttpMethod.Post, $"/api/visitor/invitations/{shown.Id}/accept?culture=en-US",
            new AcceptInvitationRequest(new PageInfo("https://shop.example.com/product/1", "商品", null)));
        english.EnsureSuccessStatusCode();
        Assert.Equal(
            "The agent who invited you cannot take the chat right now; your request has been passed on as an ordinary one.",
            (await english.Content.ReadFromJsonAsync<AcceptInvitationResponse>(VisitorApiClient.Json))!.Notice);
        Assert.Equal(InvitationState.Withdrawn, await StoredStateAsync(shown.Id));
    }

    [Fact]
    public async Task Declining_is_recorded_and_the_invitation_disappears()
    {
        var (visitor, visitorId) = await OnlineVisitorAsync();
        var sent = await Inviter.InviteAsync(await app.AccountIdAsync("sales1"), visitorId, "您好");

        using var declined = await visitor.SendAsync(HttpMethod.Post, $"/api/visitor/invitations/{sent.Value!.Id}/decline");

        Assert.Equal(HttpStatusCode.NoContent, declined.StatusCode);
        Assert.Equal(InvitationState.Declined, await StoredStateAsync(sent.Value.Id));
        Assert.Null((await PresenceAsync(visitor)).Invitation);
    }

    [Fact]
    public async Task A_visitor_who_never_polled_or_stopped_polling_is_refused_as_gone_and_nothing_is_stored()
    {
        var (_, visitorId) = await TrackedVisitorAsync("https://shop.example.com/");
        await using var db = app.Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContext();
        var before = await db.Invitations.CountAsync();

        var sent = await Inviter.InviteAsync(await app.AccountIdAsync("sales1"), visitorId, "您好");

        Assert.Equal("InvitationVisitorLeft", sent.Violation!.Code);
        Assert.Equal(before, await db.Invitations.CountAsync());
    }

    [Fact]
    public async Task Presence_needs_a_token_and_refuses_bad_input_without_recording_the_visitor()
    {
        var anonymous = new VisitorApiClient(app.CreateClient());
        using var noToken = await anonymous.SendAsync(HttpMethod.Post, "/api/visitor/presence", new PresenceRequest("presale", "https://shop.example.com/"));
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);

        var (visitor, visitorId) = await OnlineVisitorAsync();
        var online = app.Services.GetRequiredService<OnlineVisitors>();
        using var tooLong = await visitor.SendAsync(HttpMethod.Post, "/api/visitor/presence", new PresenceRequest("presale", "https://shop.example.com/" + new string('a', 2001)));
        using var noEntry = await visitor.SendAsync(HttpMethod.Post, "/api/visitor/presence", new PresenceRequest(null, "https://shop.example.com/other"));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noEntry.StatusCode);
        Assert.Equal("https://shop.example.com/product/1", online.Find(visitorId)!.PageUrl);
    }

    [Fact]
    public async Task Answering_an_unknown_invitation_is_a_clear_problem()
    {
        var (visitor, _) = await OnlineVisitorAsync();

        using var accepted = await visitor.SendAsync(HttpMethod.Post, "/api/visitor/invitations/987654/accept", new AcceptInvitationRequest(null));

        Assert.Equal(HttpStatusCode.BadRequest, accepted.StatusCode);
        Assert.Contains("InvitationNotFound", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Presence_on_an_unknown_entry_is_refused_with_a_clear_message_and_the_visitor_stays_where_he_was()
    {
        var (visitor, visitorId) = await OnlineVisitorAsync();

        using var response = await visitor.SendAsync(HttpMethod.Post, "/api/visitor/presence", new PresenceRequest("no-such-entry", "https://shop.example.com/other"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("EntryUnknown", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("presale", app.Services.GetRequiredService<OnlineVisitors>().Find(visitorId)!.EntryCode);
    }

    [Fact]
    public async Task Presence_is_rate_limited_per_visitor_like_his_other_posts()
    {
        var (visitor, _) = await OnlineVisitorAsync();
        var (other, _) = await OnlineVisitorAsync();

        // 20 posts per token per 10 s (VisitorApiOptions): the first poll above was one of them.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await visitor.SendAsync(HttpMethod.Post, "/api/visitor/presence", new PresenceRequest("presale", "https://shop.example.com/product/1"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 19).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.Null((await PresenceAsync(other)).Invitation); // another visitor is not held back
    }

    [Fact]
    public async Task The_automatic_rule_invites_on_a_matching_page_after_its_delay_only_when_switched_on_and_waits_when_nobody_can_be_invited()
    {
        var settings = app.Services.GetRequiredService<InvitationSettingsService>();
        var online = app.Services.GetRequiredService<OnlineVisitors>();
        var sales1 = await app.AccountIdAsync("sales1");
        var before = InvitationSettingsModel.From(await settings.GetAsync());
        var rule = InvitationSettingsModel.From(await settings.GetAsync());
        rule.AutoInviteEnabled = false;
        rule.AutoInvitePageContains = "/product/";
        rule.AutoInviteAfterSeconds = 5;
        Assert.True((await settings.SaveAsync(rule)).Succeeded);
        try
        {
            var (first, firstId) = await OnlineVisitorAsync();
            var (second, secondId) = await OnlineVisitorAsync();
            await Task.Delay(TimeSpan.FromSeconds(5.5));

            Assert.Null((await PresenceAsync(first)).Invitation); // off: nobody is invited, however long he stays

            rule.AutoInviteEnabled = true;
            Assert.True((await settings.SaveAsync(rule)).Succeeded);
            await Engine.SetStatusAsync(sales1, AgentStatus.Busy);
            Assert.Null((await PresenceAsync(second)).Invitation); // on, but nobody of 售前 takes new conversations
            Assert.NotNull(online.Find(secondId)!.AutoInviteNotBefore);
            await Engine.SetStatusAsync(sales1, AgentStatus.Online);
            Assert.Null((await PresenceAsync(second)).Invitation); // the rule waits its minute instead of asking on every poll

            var invitation = (await PresenceAsync(first)).Invitation!;
            Assert.Equal("客服小美", invitation.AgentName);
            Assert.Equal(before.DefaultText, invitation.Text);
            await using var db = app.Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContext();
            var stored = await db.Invitations.SingleAsync(i => i.VisitorId == firstId);
            Assert.Equal((sales1, InvitationState.Pending), (stored.AgentId, stored.State));
            Assert.False(await db.Invitations.AnyAsync(i => i.VisitorId == secondId));
        }
        finally
        {
            await Engine.SetStatusAsync(sales1, AgentStatus.Online);
            await settings.SaveAsync(before);
        }
    }
}
