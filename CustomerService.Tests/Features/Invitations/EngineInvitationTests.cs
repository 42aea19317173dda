using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Invitations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Routing;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.EntityFrameworkCore;

using static CustomerService.Tests.Features.Invitations.InvitationScenario;

namespace CustomerService.Tests.Features.Invitations;

/// <summary>主动邀请 through the engine (SPEC D13): the lifecycle on a real database, and every refusal changes nothing.</summary>
public sealed class EngineInvitationTests
{
    [Fact]
    public async Task Accepting_opens_a_conversation_already_assigned_to_the_inviting_agent()
    {
        var (scenario, a, _, entry, visitor) = await SetUpAsync();
        await using var _ = scenario;

        var invitation = await scenario.Engine.InviteAsync(new InviteRequest(a, visitor, entry, "您好，看看这款沙发？"));
        Assert.Equal("a-ext", invitation.AgentName);
        Assert.Equal(invitation, scenario.Engine.PendingInvitationFor(visitor, scenario.Clock.GetUtcNow().UtcDateTime));

        scenario.Clock.Advance(TimeSpan.FromSeconds(8));
        var answer = await scenario.Engine.AcceptInvitationAsync(visitor, invitation.Id, isVip: false, new StartContext("https://shop/p/1"));
        var conversation = answer.Result.Conversation!;
        Assert.Null(answer.WithdrawnBecause);

        Assert.Equal(ConversationState.Active, conversation.State);
        Assert.Equal(a, conversation.AgentId);
        await using var db = scenario.NewContext();
        var stored = await db.Invitations.SingleAsync();
        Assert.Equal(InvitationState.Accepted, stored.State);
        Assert.Equal(conversation.Id, stored.ConversationId);
        Assert.Equal("您好，看看这款沙发？", stored.Text);
        Assert.Equal(AssignmentReason.Invitation, (await db.Conversations.SingleAsync()).AssignmentReason);
        Assert.Null(scenario.Engine.PendingInvitationFor(visitor, scenario.Clock.GetUtcNow().UtcDateTime));

        // The chat page's session start finds the conversation instead of routing a new one.
        var start = await scenario.Engine.StartAsync(new StartRequest(visitor, entry));
        Assert.Equal(conversation.Id, start.Conversation!.Id);
    }

    [Fact]
    public async Task Without_a_text_the_settings_default_is_sent()
    {
        var (scenario, a, _, entry, visitor) = await SetUpAsync();
        await using var _ = scenario;

        var invitation = await scenario.Engine.InviteAsync(new InviteRequest(a, visitor, entry, null));

        Assert.Equal(InvitationSettings.CreateDefault().DefaultText, invitation.Text);
    }

    [Fact]
    public async Task Declining_is_recorded_and_no_conversation_starts()
    {
        var (scenario, a, _, entry, visitor) = await SetUpAsync();
        await using var _ = scenario;
        var invitation = await scenario.Engine.InviteAsync(new InviteRequest(a, visitor, entry, "您好"));

        await scenario.Engine.DeclineInvitationAsync(visitor, invitation.Id);

        await using var db = scenario.NewContext();
        Assert.Equal(InvitationState.Declined, (await db.Invitations.SingleAsync()).State);
        Assert.Equal(0, await db.Conversations.CountAsync());
        Assert.Equal("InvitationNotFound", await RefusalAsync(() => scenario.Engine.AcceptInvitationAsync(visitor, invitation.Id, false)));
    }

    [Fact]
    public async Task An_ignored_invitation_expires_on_the_tick_after_its_deadline_and_can_no_longer_be_accepted()
    {
        var (scenario, a, _, entry, visitor) = await SetUpAsync();
        await using var _ = scenario;
        var invitation = await scenario.Engine.InviteAsync(new InviteRequest(a, visitor, entry, "您好"));

        scenario.Clock.Advance(TimeSpan.FromSeconds(59));
        await scenario.Engine.TickAsync();
        await using (var db = scenario.NewContext())
        {
            Assert.Equal(InvitationState.Pending, (await db.Invitations.SingleAsync()).State);
        }

        scenario.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(scenario.Engine.PendingInvitationFor(visitor, scenario.Clock.GetUtcNow().UtcDateTime));
        await scenario.Engine.TickAsync();

        await using (var db = scenario.NewContext())
        {
            var stored = await db.Invitations.SingleAsync();
            Assert.Equal(InvitationState.Expired, stored.State);
            Assert.Equal(invitation.ExpiresAt, stored.AnsweredAt);
        }

        Assert.Equal("InvitationNotFound", await RefusalAsync(() => scenario.Engine.AcceptInvitationAsync(visitor, invitation.Id, false)));
        Assert.Equal((1, 0), await CountsAsync(scenario));
    }

    [Fact]
    public async Task A_visitor_who_left_the_site_is_refused_with_its_own_message_and_nothing_is_stored()
    {
        var (scenario, a, _, _, visitor) = await SetUpAsync();
        await using var _ = scenario;

        Assert.Equal("InvitationVisitorLeft", await RefusalAsync(() => scenario.Engine.InviteAsync(new InviteRequest(a, visitor, null, "您好"))));
        Assert.Equal((0, 0), await CountsAsync(scenario));
    }

    [Fact]
    public async Task A_blacklisted_visitor_cannot_be_invited()
    {
        var (scenario, a, _, entry, visitor) = await SetUpAsync();
        await using var _ = scenario;
        await scenario.Engine.BlockAsync(a, visitor, null, "骚扰");

        Assert.Equal("InvitationVisitorBlacklisted", await RefusalAsync(() => scenario.Engine.InviteAsync(new InviteRequest(a, visitor, entry, "您好"))));
        Assert.Equal((0, 0), await CountsAsync(scenario));
    }

    [Fact]
    public async Task An_agent_at_max_load_is_refused_and_pending_invitations_count_toward_his_load()
    {
        var (scenario, a, b, entry, visitor) = await SetUpAsync();
        await using var _ = scenario;

        // Max load 2: one conversation (b is away, so it is a's) and one pending invitation fill him.
        await scenario.Engine.SetStatusAsync(b, AgentStatus.Away);
        await scenario.StartActiveAsync(entry);
        Assert.Single(await scenario.Engine.GetConversationsOfAgentAsync(a));
        await scenario.Engine.InviteAsync(new InviteRequest(a, visitor, entry, "您好"));
        var another = await scenario.AddVisitorAsync();

        Assert.Equal("InvitationAgentFull", await RefusalAsync(() => scenario.Engine.InviteAsync(new InviteRequest(a, another, entry, "您好"))));
        Assert.Equal((1, 1), await CountsAsync(scenario));
    }

    [Fact]
    public async Task An_agent_who_is_not_online_cannot_invite()
    {
        var (scenario, a, _, entry, visitor) = await SetUpAsync();
        await using var _ = scenario;
        await scenario.Engine.SetStatusAsync(a, AgentStatus.Busy);

        Assert.Equal("InvitationAgentNotOnline", await RefusalAsync(() => scenario.Engine.InviteAsync(new InviteRequest(a, visitor, entry, "您好"))));
        Assert.Equal((0, 0), await CountsAsync(scenario));
    }

    [Fact]
    public async Task An_agent_outside_the_entrys_reception_group_cannot_invite_its_visitors()
    {
        var (scenario, _, _, _, visitor) = await SetUpAsync();
        await using var _ = scenario;
        var outsider = await scenario.AddAgentAsync("c");
        await scenario.AddGroupWithEntryAsync("aftersale", new MemberAssignment(outsider, 0));
        await scenario.OnlineAsync(outsider);

        Assert.Equal("InvitationOutsideGroups", await RefusalAsync(() => scenario.Engine.InviteAsync(new InviteRequest(outsider, visitor, "presale", "您好"))));
        Assert.Equal((0, 0), await CountsAsync(scenario));
    }

    [Fact]
    public async Task A_colleagues_private_contact_can_be_invited_only_by_him()
    {
        var (scenario, a, b, entry, visitor) = await SetUpAsync();
        await using var _ = scenario;
        await scenario.Engine.BindPrivateContactAsync(b, visitor);

        Assert.Equal("InvitationColleaguesPrivateContact", await RefusalAsync(() => scenario.Engine.InviteAsync(new InviteRequest(a, visitor, entry, "您好"))));
        Assert.Equal((0, 0), await CountsAsync(scenario));
        Assert.Equal(b, (await scenario.Engine.InviteAsync(new InviteRequest(b, visitor, entry, "您好"))).AgentId);
    }

    [Fact]
    public async Task A_visitor_already_chatting_or_already_invited_is_refused()
    {
        var (scenario, a, b, entry, visitor) = await SetUpAsync();
        await using var _ = scenario;
        await scenario.Engine.InviteAsync(new InviteRequest(a, visitor, entry, "您好"));
        var chatting = await scenario.AddVisitorAsync();
        await scenario.StartActiveAsync(entry, chatting);

        Assert.Equal("InvitationVisitorAlreadyInvited", await RefusalAsync(() => scenario.Engine.InviteAsync(new InviteRequest(b, visitor, entry, "您好"))));
        Assert.Equal("InvitationVisitorInConversation", await RefusalAsync(() => scenario.Engine.InviteAsync(new InviteRequest(b, chatting, entry, "您好"))));
        Assert.Equal((1, 1), await CountsAsync(scenario));
    }

    [Theory]
    [InlineData("", "Required")]
    [InlineData("   ", "Required")]
    [InlineData("\u0007", "ControlCharacters")]
    public async Task A_bad_text_is_refused_and_nothing_is_stored(string text, string code)
    {
        var (scenario, a, _, entry, visitor) = await SetUpAsync();
        await using var _ = scenario;

        Assert.Equal(code, await RefusalAsync(() => scenario.Engine.InviteAsync(new InviteRequest(a, visitor, entry, text))));
        Assert.Equal((0, 0), await CountsAsync(scenario));
    }

    [Fact]
    public async Task Someone_elses_invitation_cannot_be_answered()
    {
        var (scenario, a, _, entry, visitor) = await SetUpAsync();
        await using var _ = scenario;
        var invitation = await scenario.Engine.InviteAsync(new InviteRequest(a, visitor, entry, "您好"));
        var stranger = await scenario.AddVisitorAsync();

        Assert.Equal("InvitationNotFound", await RefusalAsync(() => scenario.Engine.AcceptInvitationAsync(stranger, invitation.Id, false)));
        Assert.Equal("InvitationNotFound", await RefusalAsync(() => scenario.Engine.DeclineInvitationAsync(stranger, invitation.Id)));
        await using var db = scenario.NewContext();
        Assert.Equal(InvitationState.Pending, (await db.Invitations.SingleAsync()).State);
        Assert.Equal(0, await db.Conversations.CountAsync());
    }

    [Fact]
    public async Task A_pending_invitation_holds_a_slot_so_routing_queues_a_new_request_and_the_accept_stays_within_max_load()
    {
        var ((scenario, a, _, entry, visitor), invitation) = await FillAWithAnInvitationAsync();
        await using var _ = scenario;

        var newcomer = await scenario.Engine.StartAsync(new StartRequest(await scenario.AddVisitorAsync(), entry));
        Assert.Equal(StartOutcome.Queued, newcomer.Outcome);

        var answer = await scenario.Engine.AcceptInvitationAsync(visitor, invitation.Id, false);
        Assert.Equal(a, answer.Result.Conversation!.AgentId);
        Assert.Equal(2, (await scenario.Engine.GetConversationsOfAgentAsync(a)).Count(c => c.State == ConversationState.Active));
        Assert.Equal(2, (await scenario.Engine.GetPresenceAsync()).Single(p => p.AgentId == a).Load);
    }

    [Fact]
    public async Task A_declined_invitation_frees_its_slot_at_once_for_the_queue()
    {
        var ((scenario, a, _, entry, visitor), invitation) = await FillAWithAnInvitationAsync();
        await using var _ = scenario;
        var waiting = await scenario.Engine.StartAsync(new StartRequest(await scenario.AddVisitorAsync(), entry));
        Assert.Equal(StartOutcome.Queued, waiting.Outcome);

        await scenario.Engine.DeclineInvitationAsync(visitor, invitation.Id);

        // No tick in between: the decline itself hands the freed slot to the waiting visitor.
        var served = await scenario.Engine.GetConversationAsync(waiting.Conversation!.Id);
        Assert.Equal(ConversationState.Active, served!.State);
        Assert.Equal(a, served.AgentId);
    }

    [Fact]
    public async Task An_expired_invitation_frees_its_slot_for_the_queue_on_the_tick()
    {
        var ((scenario, a, _, entry, _), _) = await FillAWithAnInvitationAsync();
        await using var _ = scenario;
        var waiting = await scenario.Engine.StartAsync(new StartRequest(await scenario.AddVisitorAsync(), entry));
        using var stream = scenario.Liveness.StreamOpened(waiting.Conversation!.Id); // he waits with his chat page open

        scenario.Clock.Advance(TimeSpan.FromSeconds(61));
        await scenario.Engine.TickAsync();

        Assert.Equal(a, (await scenario.Engine.GetConversationAsync(waiting.Conversation!.Id))!.AgentId);
    }

    [Fact]
    public async Task A_pending_invitation_survives_a_restart()
    {
        var (scenario, a, _, entry, visitor) = await SetUpAsync();
        await using var _ = scenario;
        var invitation = await scenario.Engine.InviteAsync(new InviteRequest(a, visitor, entry, "您好"));

        await scenario.RestartAsync();
        await scenario.OnlineAsync(a);

        Assert.Equal(invitation.Id, scenario.Engine.PendingInvitationFor(visitor, scenario.Clock.GetUtcNow().UtcDateTime)!.Id);
        var answer = await scenario.Engine.AcceptInvitationAsync(visitor, invitation.Id, false);
        Assert.Equal(a, answer.Result.Conversation!.AgentId);
    }
}
