using CustomerService.Domain.Conversations;
using CustomerService.Tests.Builders;
using static CustomerService.Tests.Builders.ConversationBuilder;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>SPEC D4 in the conversation aggregate: transfer and invitation offers and their answers (leaving and barge-in: <see cref="ConversationLeaveAndBargeInTests"/>).</summary>
public sealed class ConversationParticipantsTests
{
    private const int Owner = 11;
    private const int Peer = 12;
    private const int Other = 13;
    private const int Admin = 1;
    private const int GroupId = 40;
    private static readonly DateTime Now = RequestedAt.AddMinutes(5);

    [Fact]
    public void The_owner_may_offer_the_conversation_to_a_present_colleague()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();

        var offer = conversation.RequestTransfer(77, TransferKind.Transfer, Owner, Peer, null, [Present(Other), Present(Peer)], Now);

        Assert.True(offer.Succeeded);
        var transfer = offer.Value!.Transfer;
        Assert.Equal([Peer], offer.Value.OfferedTo);
        Assert.Same(transfer, conversation.PendingTransfer);
        Assert.Equal((77L, 7L, TransferKind.Transfer, Owner, (int?)Peer, (int?)null, Now),
            (transfer.Id, transfer.ConversationId, transfer.Kind, transfer.FromAgentId, transfer.ToAgentId, transfer.ToGroupId, transfer.RequestedAt));
        Assert.True(transfer.IsPending);
    }

    [Theory]
    [InlineData(AgentStatus.Online, true, true)]
    [InlineData(AgentStatus.Busy, true, true)]
    [InlineData(AgentStatus.Away, true, false)]
    [InlineData(AgentStatus.Offline, true, false)]
    [InlineData(AgentStatus.Online, false, false)]
    public void Only_enabled_colleagues_who_are_online_or_busy_can_be_offered_it(AgentStatus status, bool enabled, bool offered)
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();

        var offer = conversation.RequestTransfer(77, TransferKind.Transfer, Owner, Peer, null, [Present(Peer, status, enabled: enabled)], Now);

        Assert.Equal(offered ? null : "TransferTargetUnavailable", offer.Violation?.Code);
        Assert.Equal(offered, conversation.PendingTransfer is not null);
        Assert.Equal(status is AgentStatus.Online or AgentStatus.Busy, Present(Peer, status).IsPresent);
    }

    [Theory]
    [InlineData(AgentStatus.Online)]
    [InlineData(AgentStatus.Busy)]
    public void A_colleague_whose_console_closed_is_not_offered_it_during_the_grace_period(AgentStatus status)
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        var gone = Present(Peer, status) with { IsConsoleConnected = false };

        var offer = conversation.RequestTransfer(77, TransferKind.Invite, Owner, Peer, null, [gone], Now);
        var toGroup = conversation.RequestTransfer(78, TransferKind.Transfer, Owner, null, GroupId, [gone], Now);

        Assert.Equal(("TransferTargetUnavailable", "TransferTargetUnavailable"), (offer.Violation?.Code, toGroup.Violation?.Code));
        Assert.Null(conversation.PendingTransfer);
    }

    [Fact]
    public void An_unknown_colleague_or_the_owner_himself_cannot_be_offered_it()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();

        Assert.Equal("TransferTargetUnavailable", conversation.RequestTransfer(77, TransferKind.Transfer, Owner, Peer, null, [Present(Other)], Now).Violation?.Code);
        Assert.Equal("TransferTargetUnavailable", conversation.RequestTransfer(77, TransferKind.Transfer, Owner, Owner, null, [Present(Owner)], Now).Violation?.Code);
        Assert.Null(conversation.PendingTransfer);
    }

    [Fact]
    public void A_colleague_already_in_the_conversation_cannot_be_offered_it()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).WithInvited(Peer).Build();

        var offer = conversation.RequestTransfer(77, TransferKind.Invite, Owner, Peer, null, [Present(Peer)], Now);

        Assert.Equal("AlreadyParticipant", offer.Violation?.Code);
    }

    [Fact]
    public void Only_the_owner_may_transfer_but_an_invited_colleague_may_invite()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).WithInvited(Peer).Build();

        var transfer = conversation.RequestTransfer(77, TransferKind.Transfer, Peer, Other, null, [Present(Other)], Now);
        var invitation = conversation.Invite(78, Peer, Other, null, [Present(Other)], Now);

        Assert.Equal("NotAParticipant", transfer.Violation?.Code);
        Assert.True(invitation.Succeeded);
        Assert.Equal(TransferKind.Invite, conversation.PendingTransfer!.Kind);
        Assert.Equal("NotAParticipant", new ConversationBuilder().AssignedTo(Owner).Build()
            .Invite(79, Other, Peer, null, [Present(Peer)], Now).Violation?.Code);
    }

    [Fact]
    public void A_queued_or_ended_conversation_cannot_be_offered()
    {
        var queued = new ConversationBuilder().Queued().Build();
        var ended = new ConversationBuilder().AssignedTo(Owner).Build();
        ended.End(EndReason.Agent, Owner, Now);

        Assert.Equal("ConversationEnded", queued.RequestTransfer(77, TransferKind.Transfer, Owner, Peer, null, [Present(Peer)], Now).Violation?.Code);
        Assert.Equal("ConversationEnded", ended.RequestTransfer(77, TransferKind.Transfer, Owner, Peer, null, [Present(Peer)], Now).Violation?.Code);
    }

    [Fact]
    public void Only_one_offer_at_a_time()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        var first = conversation.RequestTransfer(77, TransferKind.Transfer, Owner, Peer, null, [Present(Peer)], Now).Value!.Transfer;

        var second = conversation.Invite(78, Owner, Other, null, [Present(Other)], Now);

        Assert.Equal("TransferPending", second.Violation?.Code);
        Assert.Same(first, conversation.PendingTransfer);
    }

    [Fact]
    public void A_group_offer_goes_to_the_members_who_are_present_and_not_in_it_already()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).WithInvited(Peer).Build();
        Colleague[] members = [Present(Owner), Present(Peer), Present(Other), Present(20, AgentStatus.Away), Present(21, enabled: false), Present(22, AgentStatus.Busy)];

        var offer = conversation.RequestTransfer(77, TransferKind.Transfer, Owner, null, GroupId, members, Now);

        Assert.Equal([Other, 22], offer.Value!.OfferedTo);
        Assert.Equal(GroupId, offer.Value.Transfer.ToGroupId);
        Assert.Null(offer.Value.Transfer.ToAgentId);
    }

    [Fact]
    public void A_group_without_anyone_to_offer_it_to_is_refused()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();

        var offer = conversation.RequestTransfer(77, TransferKind.Transfer, Owner, null, GroupId, [Present(Owner), Present(20, AgentStatus.Away)], Now);

        Assert.Equal("TransferTargetUnavailable", offer.Violation?.Code);
        Assert.Null(conversation.PendingTransfer);
    }

    [Fact]
    public void An_offer_needs_exactly_one_target_and_the_candidates()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();

        Assert.StartsWith("A transfer targets exactly one agent or one reception group.",
            Assert.Throws<ArgumentException>(() => conversation.RequestTransfer(77, TransferKind.Transfer, Owner, null, null, [], Now)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => conversation.RequestTransfer(77, TransferKind.Transfer, Owner, Peer, GroupId, [], Now));
        Assert.Throws<ArgumentNullException>(() => conversation.RequestTransfer(77, TransferKind.Transfer, Owner, Peer, null, null!, Now));
    }

    [Fact]
    public void An_accepted_transfer_makes_the_target_the_owner_and_the_original_agent_leaves()
    {
        var conversation = WithOffer(TransferKind.Transfer);

        var accepted = conversation.AcceptTransfer(77, Present(Peer, load: 4, maxLoad: 5), isMemberOfTargetGroup: false, Now);

        Assert.Equal(TransferOutcome.Accepted, accepted.Value!.Outcome);
        Assert.Equal((Peer, (DateTime?)Now), (accepted.Value.RespondedByAgentId, accepted.Value.RespondedAt));
        Assert.Null(conversation.PendingTransfer);
        Assert.Equal(Peer, conversation.AgentId);
        var owner = Assert.Single(conversation.ActiveParticipants);
        Assert.Equal((Peer, ParticipantRole.Owner, Now), (owner.AgentId, owner.Role, owner.JoinedAt));
        Assert.Equal(Now, conversation.Participants.Single(p => p.AgentId == Owner).LeftAt);
    }

    [Fact]
    public void An_invited_colleague_who_accepts_a_transfer_is_promoted_not_added_twice()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).WithInvited(Peer).Build();
        conversation.RequestTransfer(77, TransferKind.Transfer, Owner, null, GroupId, [Present(Peer), Present(Other)], Now);

        conversation.AcceptTransfer(77, Present(Peer), isMemberOfTargetGroup: true, Now);

        var owner = Assert.Single(conversation.ActiveParticipants);
        Assert.Equal((Peer, ParticipantRole.Owner), (owner.AgentId, owner.Role));
        Assert.Equal(2, conversation.Participants.Count);
    }

    [Fact]
    public void A_colleague_at_max_load_cannot_accept_a_transfer_but_may_join_by_invitation()
    {
        var transfer = WithOffer(TransferKind.Transfer);
        var invitation = WithOffer(TransferKind.Invite);

        var refused = transfer.AcceptTransfer(77, Present(Peer, load: 5, maxLoad: 5), isMemberOfTargetGroup: false, Now);
        var joined = invitation.AcceptTransfer(77, Present(Peer, load: 5, maxLoad: 5), isMemberOfTargetGroup: false, Now);

        Assert.Equal("AgentAtMaxLoad", refused.Violation?.Code);
        Assert.True(transfer.PendingTransfer!.IsPending);
        Assert.Equal(Owner, transfer.AgentId);
        Assert.True(joined.Succeeded);
    }

    [Theory]
    [InlineData(AgentStatus.Busy, true)]
    [InlineData(AgentStatus.Away, false)]
    [InlineData(AgentStatus.Offline, false)]
    public void Only_a_present_colleague_can_accept(AgentStatus status, bool accepted)
    {
        var conversation = WithOffer(TransferKind.Transfer);

        var answer = conversation.AcceptTransfer(77, Present(Peer, status), isMemberOfTargetGroup: false, Now);

        Assert.Equal(accepted ? null : "AgentNotPresent", answer.Violation?.Code);
    }

    [Fact]
    public void An_accepted_invitation_adds_the_colleague_and_keeps_the_owner()
    {
        var conversation = WithOffer(TransferKind.Invite);

        conversation.AcceptTransfer(77, Present(Peer), isMemberOfTargetGroup: false, Now);

        Assert.Equal(Owner, conversation.AgentId);
        Assert.Equal([(Owner, ParticipantRole.Owner), (Peer, ParticipantRole.Invited)],
            conversation.ActiveParticipants.Select(p => (p.AgentId, p.Role)));
        Assert.Null(conversation.PendingTransfer);
    }

    [Fact]
    public void Someone_already_in_the_conversation_cannot_accept_an_invitation()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        conversation.Invite(77, Owner, null, GroupId, [Present(Admin)], Now);
        conversation.BargeIn(Admin, isAdmin: true, Now);

        var answer = conversation.AcceptTransfer(77, Present(Admin), isMemberOfTargetGroup: true, Now);

        Assert.Equal("AlreadyParticipant", answer.Violation?.Code);
        Assert.NotNull(conversation.PendingTransfer);
    }

    [Fact]
    public void Only_the_target_may_answer_an_offer()
    {
        var toAgent = WithOffer(TransferKind.Transfer);
        var toGroup = new ConversationBuilder().AssignedTo(Owner).Build();
        toGroup.RequestTransfer(77, TransferKind.Transfer, Owner, null, GroupId, [Present(Peer)], Now);

        Assert.Equal("NotTransferTarget", toAgent.AcceptTransfer(77, Present(Other), isMemberOfTargetGroup: true, Now).Violation?.Code);
        Assert.Equal("NotTransferTarget", toAgent.DeclineTransfer(77, Other, isMemberOfTargetGroup: false, Now).Violation?.Code);
        Assert.Equal("NotTransferTarget", toGroup.AcceptTransfer(77, Present(Other), isMemberOfTargetGroup: false, Now).Violation?.Code);
        Assert.Equal("NotTransferTarget", toGroup.DeclineTransfer(77, Owner, isMemberOfTargetGroup: true, Now).Violation?.Code);
        Assert.True(toGroup.IsOfferedTo(Other, isMemberOfTargetGroup: true));
        Assert.False(toAgent.IsOfferedTo(Other, isMemberOfTargetGroup: true));
        Assert.True(toGroup.AcceptTransfer(77, Present(Other), isMemberOfTargetGroup: true, Now).Succeeded);
        Assert.Equal(Other, toGroup.AgentId);
    }

    [Fact]
    public void An_answer_to_an_offer_that_is_not_pending_is_refused()
    {
        var conversation = WithOffer(TransferKind.Transfer);
        var nothingPending = new ConversationBuilder().AssignedTo(Owner).Build();

        Assert.Equal("TransferNotPending", conversation.AcceptTransfer(78, Present(Peer), false, Now).Violation?.Code);
        Assert.Equal("TransferNotPending", conversation.DeclineTransfer(78, Peer, false, Now).Violation?.Code);
        Assert.Equal("TransferNotPending", nothingPending.DeclineTransfer(77, Peer, false, Now).Violation?.Code);
        Assert.False(nothingPending.IsOfferedTo(Peer, isMemberOfTargetGroup: true));
    }

    [Fact]
    public void A_declined_offer_leaves_the_conversation_as_it_was()
    {
        var conversation = WithOffer(TransferKind.Transfer);

        var declined = conversation.DeclineTransfer(77, Peer, isMemberOfTargetGroup: false, Now);

        Assert.Equal((TransferOutcome.Declined, (int?)Peer, (DateTime?)Now),
            (declined.Value!.Outcome, declined.Value.RespondedByAgentId, declined.Value.RespondedAt));
        Assert.Null(conversation.PendingTransfer);
        Assert.Equal(Owner, conversation.AgentId);
        Assert.Equal([Owner], conversation.ActiveParticipants.Select(p => p.AgentId));
    }

    [Fact]
    public void A_withdrawn_offer_is_cancelled_once()
    {
        var conversation = WithOffer(TransferKind.Invite);

        var cancelled = conversation.CancelTransfer(Now);

        Assert.Equal((TransferOutcome.Cancelled, (int?)null, (DateTime?)Now), (cancelled!.Outcome, cancelled.RespondedByAgentId, cancelled.RespondedAt));
        Assert.Null(conversation.PendingTransfer);
        Assert.Null(conversation.CancelTransfer(Now));
    }

    [Fact]
    public void Ending_withdraws_the_offer_and_everyone_leaves()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).WithInvited(Peer).Build();
        var offer = conversation.Invite(77, Owner, Other, null, [Present(Other)], Now).Value!.Transfer;

        conversation.End(EndReason.Agent, Owner, Now);

        Assert.Equal(TransferOutcome.Cancelled, offer.Outcome);
        Assert.Null(conversation.PendingTransfer);
        Assert.Empty(conversation.ActiveParticipants);
        Assert.All(conversation.Participants, p => Assert.Equal(Now, p.LeftAt));
    }

    [Fact]
    public void Recovery_restores_only_a_pending_offer_of_this_conversation()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        var other = new ConversationTransfer(1, 8, TransferKind.Transfer, Owner, Peer, null, Now);
        var answered = new ConversationTransfer(2, 7, TransferKind.Transfer, Owner, Peer, null, Now);
        answered.Resolve(TransferOutcome.Declined, Peer, Now);
        var pending = new ConversationTransfer(3, 7, TransferKind.Invite, Owner, Peer, null, Now);

        Assert.StartsWith("Transfer 1 is not a pending offer of conversation 7.",
            Assert.Throws<ArgumentException>(() => conversation.RestorePendingTransfer(other)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => conversation.RestorePendingTransfer(answered));
        conversation.RestorePendingTransfer(pending);

        Assert.Same(pending, conversation.PendingTransfer);
        Assert.Throws<ArgumentNullException>(() => conversation.RestorePendingTransfer(null!));
    }

    private static Conversation WithOffer(TransferKind kind)
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        Assert.True(conversation.RequestTransfer(77, kind, Owner, Peer, null, [Present(Peer)], Now).Succeeded);
        return conversation;
    }

    [Fact]
    public void Offering_without_candidates_or_answering_without_a_responder_is_a_programming_error()
    {
        var conversation = WithOffer(TransferKind.Transfer);

        Assert.Throws<ArgumentNullException>(() => conversation.RequestTransfer(78, TransferKind.Transfer, Owner, Other, null, null!, Now));
        Assert.Throws<ArgumentNullException>(() => conversation.AcceptTransfer(77, null!, isMemberOfTargetGroup: false, Now));
    }
}
