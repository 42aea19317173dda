namespace CustomerService.Domain.Conversations;

/// <summary>私密联系人 (seed 001): a visitor bound to one agent, who alone receives his conversations (SPEC D2.2).</summary>
public class PrivateContact
{
    private PrivateContact()
    {
    }

    public PrivateContact(long visitorId, int agentId, DateTime createdAt)
    {
        VisitorId = visitorId;
        AgentId = agentId;
        CreatedAt = createdAt;
    }

    public long VisitorId { get; private set; }
    public int AgentId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public void MoveTo(int agentId, DateTime now)
    {
        AgentId = agentId;
        CreatedAt = now;
    }
}
