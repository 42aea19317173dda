using CustomerService.Domain.Conversations;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>SPEC D4: an agent's time in a conversation.</summary>
public sealed class ConversationParticipantTests
{
    private static readonly DateTime JoinedAt = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Leaving_again_keeps_the_first_time_he_left()
    {
        var participant = new ConversationParticipant(4, 7, ParticipantRole.Invited, JoinedAt);

        participant.Leave(JoinedAt.AddMinutes(5));
        participant.Leave(JoinedAt.AddMinutes(9));

        Assert.Equal(JoinedAt.AddMinutes(5), participant.LeftAt);
    }

    [Fact]
    public void An_invited_colleague_promoted_to_owner_is_the_owner()
    {
        var participant = new ConversationParticipant(4, 7, ParticipantRole.Invited, JoinedAt);

        participant.PromoteToOwner();

        Assert.Equal((ParticipantRole.Owner, JoinedAt), (participant.Role, participant.JoinedAt));
    }
}
