namespace CustomerService.Domain.Conversations;

/// <summary>Who or what ended a conversation (SPEC D5).</summary>
public enum EndReason
{
    Visitor,
    Agent,
    Timeout,

    /// <summary>The agent switched to Away, which ends his current conversations (SPEC D1).</summary>
    AgentAway,
    Admin,
}
