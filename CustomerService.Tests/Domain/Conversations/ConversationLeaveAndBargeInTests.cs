using CustomerService.Domain.Conversations;
using CustomerService.Tests.Builders;
using static CustomerService.Tests.Builders.ConversationBuilder;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>SPEC D4 in the conversation aggregate: leaving with a successor, and an admin's barge-in.</summary>
public sealed class ConversationLeaveAndBargeInTests
{
    private const int Owner = 11;
    private const int Peer = 12;
    private const int Other = 13;
    private const int Admin = 1;
    private static readonly DateTime Now = RequestedAt.AddMinutes(5);

    [Fact]
    public void An_invited_colleague_leaves_without_changing_the_owner()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).WithInvited(Peer).Build();

        var departure = conversation.Leave(Peer, Now);

        Assert.Equal(new Departure(Peer, null, EndsConversation: false), departure.Value);
        Assert.Equal(Owner, conversation.AgentId);
        Assert.Equal([Owner], conversation.ActiveParticipants.Select(p => p.AgentId));
        Assert.Equal(Now, conversation.Participants.Single(p => p.AgentId == Peer).LeftAt);
    }

    [Fact]
    public void When_the_owner_leaves_the_colleague_who_joined_first_takes_over()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).WithInvited(Other).WithInvited(Peer).Build();
        conversation.BargeIn(Admin, isAdmin: true, RequestedAt);

        var departure = conversation.Leave(Owner, Now);

        Assert.Equal(new Departure(Owner, Other, EndsConversation: false), departure.Value);
        Assert.Equal(Other, conversation.AgentId);
        Assert.Equal(ParticipantRole.Owner, conversation.ParticipantOf(Other)!.Role);
        Assert.Equal(ParticipantRole.Invited, conversation.ParticipantOf(Peer)!.Role);
        Assert.Null(conversation.ParticipantOf(Owner));
    }

    [Fact]
    public void An_owner_with_nobody_invited_cannot_leave_the_conversation_open_it_must_end()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        conversation.BargeIn(Admin, isAdmin: true, Now);

        var departure = conversation.Leave(Owner, Now);

        Assert.Equal(new Departure(Owner, null, EndsConversation: true), departure.Value);
        Assert.NotNull(conversation.ParticipantOf(Owner));
        Assert.Equal(Owner, conversation.AgentId);
        Assert.Equal(ConversationState.Active, conversation.State);
    }

    [Fact]
    public void Only_a_participant_of_an_open_conversation_can_leave_it()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        var ended = new ConversationBuilder().AssignedTo(Owner).Build();
        ended.End(EndReason.Agent, Owner, Now);

        Assert.Equal("NotAParticipant", conversation.Leave(Peer, Now).Violation?.Code);
        Assert.Equal("NotAParticipant", new ConversationBuilder().Queued().Build().Leave(Owner, Now).Violation?.Code);
        Assert.Equal("ConversationEnded", ended.Leave(Owner, Now).Violation?.Code);
    }

    [Fact]
    public void An_admin_barges_into_an_active_conversation_once()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();

        Assert.True(conversation.BargeIn(Admin, isAdmin: true, Now).Succeeded);
        var admin = conversation.ParticipantOf(Admin)!;
        Assert.Equal((ParticipantRole.BargedIn, Now), (admin.Role, admin.JoinedAt));
        Assert.Equal(Owner, conversation.AgentId);
        Assert.Equal("AlreadyParticipant", conversation.BargeIn(Admin, isAdmin: true, Now).Violation?.Code);
    }

    [Fact]
    public void Barge_in_is_for_admins_and_active_conversations_only()
    {
        var active = new ConversationBuilder().AssignedTo(Owner).Build();
        var queued = new ConversationBuilder().Queued().Build();

        Assert.Equal("AdminOnly", active.BargeIn(Peer, isAdmin: false, Now).Violation?.Code);
        Assert.Equal("ConversationEnded", queued.BargeIn(Admin, isAdmin: true, Now).Violation?.Code);
        Assert.Single(active.ActiveParticipants);
        Assert.Empty(queued.ActiveParticipants);
    }
}
