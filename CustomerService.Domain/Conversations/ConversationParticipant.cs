namespace CustomerService.Domain.Conversations;

/// <summary>An agent's time in a conversation: owner, invited colleague or barging admin (SPEC D4).</summary>
public class ConversationParticipant
{
    private ConversationParticipant()
    {
    }

    public ConversationParticipant(long conversationId, int agentId, ParticipantRole role, DateTime joinedAt)
    {
        ConversationId = conversationId;
        AgentId = agentId;
        Role = role;
        JoinedAt = joinedAt;
    }

    public long Id { get; private set; }
    public long ConversationId { get; private set; }
    public int AgentId { get; private set; }
    public ParticipantRole Role { get; private set; }
    public DateTime JoinedAt { get; private set; }
    public DateTime? LeftAt { get; private set; }

    public void PromoteToOwner() => Role = ParticipantRole.Owner;

    public void Leave(DateTime now) => LeftAt ??= now;
}
