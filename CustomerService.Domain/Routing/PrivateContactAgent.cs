using CustomerService.Domain.Conversations;

namespace CustomerService.Domain.Routing;

/// <summary>
/// The agent a visitor is bound to as a private contact (私密联系人, seed 001), with his live status and load. He need
/// not be a member of the routed reception group: the binding overrides the group (SPEC D2 rule 2).
/// </summary>
public sealed record PrivateContactAgent
{
    public PrivateContactAgent(
        int agentId, AgentStatus status, int currentLoad, int maxLoad, bool participatesInDistribution = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(currentLoad);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLoad);

        AgentId = agentId;
        Status = status;
        CurrentLoad = currentLoad;
        MaxLoad = maxLoad;
        ParticipatesInDistribution = participatesInDistribution;
    }

    public int AgentId { get; }

    public AgentStatus Status { get; }

    public int CurrentLoad { get; }

    public int MaxLoad { get; }

    public bool ParticipatesInDistribution { get; }

    public bool HasFreeSlot => CurrentLoad < MaxLoad;
}
