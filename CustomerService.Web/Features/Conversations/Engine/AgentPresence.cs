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

    /// <summary>
    /// Every console of the agent is gone and the grace period runs (or the engine restarted without them): he may come
    /// back, but nobody is at a screen to take anything new — neither a visitor (routing counts him Busy) nor a transfer
    /// or invitation (issue 15). An agent made present without a console (the engine's own API) is not “gone”.
    /// </summary>
    public bool IsConsoleGone => Connections == 0 && DisconnectedAt is not null;

    /// <summary>The status row being timed; null while Offline.</summary>
    public AgentStatusPeriod? CurrentPeriod { get; set; }

    /// <summary>Rebuilt after a restart for an agent with open conversations: held until his console returns or the grace period ends.</summary>
    public bool AwaitingReconnect { get; set; }
}
