using CustomerService.Domain.Conversations;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>An agent's presence as the engine tracks it (SPEC D1); kept in memory, its history in <see cref="AgentStatusPeriod"/>.</summary>
internal sealed class AgentPresence(int agentId)
{
    public int AgentId { get; } = agentId;

    public AgentStatus Status { get; set; } = AgentStatus.Offline;

    public DateTime? Since { get; set; }

    /// <summary>Open consoles (circuits) of the agent.</summary>
    public int Connections { get; set; }

    /// <summary>When the last console went away; after the grace period the agent becomes Offline.</summary>
    public DateTime? DisconnectedAt { get; set; }

    /// <summary>The status row being timed; null while Offline.</summary>
    public AgentStatusPeriod? CurrentPeriod { get; set; }

    /// <summary>Rebuilt after a restart for an agent with open conversations: held until his console returns or the grace period ends.</summary>
    public bool AwaitingReconnect { get; set; }
}
