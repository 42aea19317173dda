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

/// <summary>
/// 主动邀请 whose agent can no longer take it (SPEC D13): Away or Offline withdraws it at once, and an accept of the box
/// still shown is routed like any request and says so; at accept time, a disabled or full agent withdraws it.
/// </summary>
public sealed class EngineInvitationWithdrawalTests
{
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
}
