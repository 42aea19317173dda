using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Invitations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Routing;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Invitations;

/// <summary>主动邀请 through the engine (SPEC D13): the lifecycle on a real database, and every refusal changes nothing.</summary>
public sealed class EngineInvitationTests
{
    private sealed record Setup(EngineScenario Scenario, int Agent, int Colleague, string Entry, long Visitor);

    /// <summary>Agent a (max load 2) and colleague b in 售前 (entry presale), both Online; one visitor on the site.</summary>
    private static async Task<Setup> SetUpAsync()
    {
        var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a", maxLoad: 2);
        var b = await scenario.AddAgentAsync("b");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0), new MemberAssignment(b, 0));
        await scenario.OnlineAsync(a, b);
        return new Setup(scenario, a, b, entry, await scenario.AddVisitorAsync());
    }

    private static async Task<(int Invitations, int Conversations)> CountsAsync(EngineScenario scenario)
    {
        await using var db = scenario.NewContext();
        return (await db.Invitations.CountAsync(), await db.Conversations.CountAsync());
    }

    private static async Task<string> RefusalAsync(Func<Task> act) =>
        (await Assert.ThrowsAsync<RuleViolationException>(act)).Violation.Code;

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

    private static async Task<InvitationState> StoredStateAsync(EngineScenario scenario, long invitationId)
    {
        await using var db = scenario.NewContext();
        return (await db.Invitations.SingleAsync(i => i.Id == invitationId)).State;
    }

    /// <summary>An admin's change to an account, which reaches the engine through its roster, not as a command.</summary>
    private static async Task ChangeAccountAsync(EngineScenario scenario, int accountId, Action<Account> change)
    {
        await using var db = scenario.NewContext();
        change(await db.Accounts.SingleAsync(x => x.Id == accountId));
        await db.SaveChangesAsync();
    }

    /// <summary>Agent a (max load 2) alone Online: one conversation and one pending invitation fill him.</summary>
    private static async Task<(Setup Setup, PendingInvitationView Invitation)> FillAWithAnInvitationAsync()
    {
        var setup = await SetUpAsync();
        await setup.Scenario.Engine.SetStatusAsync(setup.Colleague, AgentStatus.Away);
        await setup.Scenario.StartActiveAsync(setup.Entry);
        var invitation = await setup.Scenario.Engine.InviteAsync(new InviteRequest(setup.Agent, setup.Visitor, setup.Entry, "您好"));
        return (setup, invitation);
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
    public async Task An_agent_going_away_withdraws_his_pending_invitations_and_the_widget_no_longer_shows_them()
    {
        var (scenario, a, _, entry, visitor) = await SetUpAsync();
        await using var _ = scenario;
        var invitation = await scenario.Engine.InviteAsync(new InviteRequest(a, visitor, entry, "您好"));

        await scenario.Engine.SetStatusAsync(a, AgentStatus.Away);

        Assert.Equal(InvitationState.Withdrawn, await StoredStateAsync(scenario, invitation.Id));
        Assert.Null(scenario.Engine.PendingInvitationFor(visitor, scenario.Clock.GetUtcNow().UtcDateTime));
        Assert.Equal((1, 0), await CountsAsync(scenario));
    }

    [Fact]
    public async Task Accepting_the_box_still_shown_after_the_agent_went_away_routes_the_request_to_a_colleague_and_says_so()
    {
        var (scenario, a, b, entry, visitor) = await SetUpAsync();
        await using var _ = scenario;
        var invitation = await scenario.Engine.InviteAsync(new InviteRequest(a, visitor, entry, "您好"));
        await scenario.Engine.SetStatusAsync(a, AgentStatus.Away);
        // The widget takes the box down at its next 5 s poll; the visitor clicked before that.
        scenario.Clock.Advance(TimeSpan.FromSeconds(4));

        var answer = await scenario.Engine.AcceptInvitationAsync(visitor, invitation.Id, false);

        Assert.Equal("InvitationAgentGone", answer.WithdrawnBecause!.Code);
        Assert.Equal(StartOutcome.Active, answer.Result.Outcome);
        Assert.Equal(b, answer.Result.Conversation!.AgentId);
        Assert.Equal(InvitationState.Withdrawn, await StoredStateAsync(scenario, invitation.Id));
        // Clicked twice: the same request, not a second one.
        var again = await scenario.Engine.AcceptInvitationAsync(visitor, invitation.Id, false);
        Assert.Equal(answer.Result.Conversation.Id, again.Result.Conversation!.Id);
        Assert.Equal((1, 1), await CountsAsync(scenario));
    }

    [Fact]
    public async Task An_accept_long_after_the_withdrawal_or_of_a_colleagues_visitors_invitation_is_refused_and_starts_nothing()
    {
        var (scenario, a, _, entry, visitor) = await SetUpAsync();
        await using var _ = scenario;
        var other = await scenario.AddVisitorAsync();
        var invitation = await scenario.Engine.InviteAsync(new InviteRequest(a, visitor, entry, "您好"));
        await scenario.Engine.SetStatusAsync(a, AgentStatus.Away);

        Assert.Equal("InvitationNotFound", await RefusalAsync(() => scenario.Engine.AcceptInvitationAsync(other, invitation.Id, false)));
        scenario.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("InvitationNotFound", await RefusalAsync(() => scenario.Engine.AcceptInvitationAsync(visitor, invitation.Id, false)));
        Assert.Equal((1, 0), await CountsAsync(scenario));
    }

    [Fact]
    public async Task Accepting_when_the_inviting_agent_is_gone_withdraws_the_invitation_and_routes_the_request_to_a_colleague()
    {
        var (scenario, a, b, entry, visitor) = await SetUpAsync();
        await using var _ = scenario;
        var invitation = await scenario.Engine.InviteAsync(new InviteRequest(a, visitor, entry, "您好"));
        // Disabled by an admin: no status change reaches the engine, so the invitation is still pending.
        await ChangeAccountAsync(scenario, a, account => account.Disable());

        var answer = await scenario.Engine.AcceptInvitationAsync(visitor, invitation.Id, false);

        Assert.Equal("InvitationAgentGone", answer.WithdrawnBecause!.Code);
        Assert.Equal(StartOutcome.Active, answer.Result.Outcome);
        Assert.Equal(b, answer.Result.Conversation!.AgentId);
        Assert.Equal(InvitationState.Withdrawn, await StoredStateAsync(scenario, invitation.Id));
        Assert.Null(scenario.Engine.PendingInvitationFor(visitor, scenario.Clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public async Task Accepting_when_the_inviting_agent_became_full_withdraws_the_invitation_and_queues_the_request()
    {
        var ((scenario, a, _, _, visitor), invitation) = await FillAWithAnInvitationAsync();
        await using var _ = scenario;
        await ChangeAccountAsync(scenario, a, account => account.ChangeMaxLoad(1));

        var answer = await scenario.Engine.AcceptInvitationAsync(visitor, invitation.Id, false);

        Assert.Equal("InvitationAgentFull", answer.WithdrawnBecause!.Code);
        Assert.Equal(StartOutcome.Queued, answer.Result.Outcome);
        Assert.Equal(1, (await scenario.Engine.GetConversationsOfAgentAsync(a)).Count(c => c.State == ConversationState.Active));
        Assert.Equal(InvitationState.Withdrawn, await StoredStateAsync(scenario, invitation.Id));
    }

    [Fact]
    public async Task Accepting_when_every_agent_is_gone_withdraws_the_invitation_and_offers_the_leave_message_form()
    {
        var (scenario, a, b, entry, visitor) = await SetUpAsync();
        await using var _ = scenario;
        var invitation = await scenario.Engine.InviteAsync(new InviteRequest(a, visitor, entry, "您好"));
        await scenario.Engine.SetStatusAsync(b, AgentStatus.Away);
        await ChangeAccountAsync(scenario, a, account => account.Disable());

        var answer = await scenario.Engine.AcceptInvitationAsync(visitor, invitation.Id, false);

        Assert.Equal(StartOutcome.LeaveMessage, answer.Result.Outcome);
        Assert.Equal(InvitationState.Withdrawn, await StoredStateAsync(scenario, invitation.Id));
        Assert.Equal((1, 0), await CountsAsync(scenario));
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
