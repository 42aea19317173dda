namespace CustomerService.Domain.Conversations;

/// <summary>An agent's presence (SPEC D1). Only <see cref="Online"/> receives new conversations.</summary>
public enum AgentStatus
{
    /// <summary>在线: receives new conversations.</summary>
    Online,

    /// <summary>忙碌: keeps current conversations, receives no new ones.</summary>
    Busy,

    /// <summary>离开: current conversations are ended, receives no new ones.</summary>
    Away,

    /// <summary>Logged out, or the circuit is gone after the grace period.</summary>
    Offline,
}
