namespace CustomerService.Domain.Conversations;

/// <summary>Who or what ended a conversation (SPEC D5).</summary>
public enum EndReason
{
    Visitor,
    Agent,

    /// <summary>Idle too long (the enterprise's idle-closing setting).</summary>
    Timeout,

    /// <summary>The agent switched to Away, which ends his current conversations (SPEC D1).</summary>
    AgentAway,
    Admin,

    /// <summary>The agent's console did not come back within the grace period (SPEC D1 Offline).</summary>
    AgentOffline,

    /// <summary>The visitor was put on the blacklist (SPEC D11).</summary>
    Blacklisted,

    /// <summary>A queued visitor showed no sign of life (no event stream, no request) for the engine's timeout (SPEC D3).</summary>
    VisitorGone,
}
