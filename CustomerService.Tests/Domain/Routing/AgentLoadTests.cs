using CustomerService.Domain.Routing;

namespace CustomerService.Tests.Domain.Routing;

/// <summary>Max load counts active conversations and the slots pending invitations hold (SPEC D2.3, D13).</summary>
public sealed class AgentLoadTests
{
    [Theory]
    [InlineData(1, 0, 2, true)]
    [InlineData(1, 1, 2, false)]
    [InlineData(0, 2, 2, false)]
    [InlineData(2, 0, 2, false)]
    [InlineData(0, 0, 1, true)]
    public void A_pending_invitation_takes_a_slot_like_a_conversation(int active, int pending, int maxLoad, bool hasRoom)
    {
        var load = new AgentLoad(active, pending);

        Assert.Equal(active + pending, load.Total);
        Assert.Equal(hasRoom, load.HasRoomUnder(maxLoad));
    }

    [Theory]
    [InlineData(1, 1, 2, true)] // his own held slot becomes the conversation
    [InlineData(0, 2, 2, true)]
    [InlineData(1, 1, 1, false)] // max load lowered from 2 to 1 since he invited
    [InlineData(2, 1, 2, false)] // took a transfer over the held slot
    [InlineData(1, 0, 5, false)] // no invitation of his is pending: nothing to accept
    public void An_accepted_invitation_turns_its_held_slot_into_the_conversation(int active, int pending, int maxLoad, bool mayTake) =>
        Assert.Equal(mayTake, new AgentLoad(active, pending).MayTakeAcceptedInvitationUnder(maxLoad));

    [Fact]
    public void A_negative_count_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AgentLoad(-1, 0));
}
