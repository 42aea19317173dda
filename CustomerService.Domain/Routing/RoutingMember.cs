using CustomerService.Domain.Conversations;

namespace CustomerService.Domain.Routing;

/// <summary>One member of a reception group as the router sees it at the moment of a decision (SPEC C3, D2).</summary>
public sealed record RoutingMember
{
    public RoutingMember(
        int agentId,
        AgentStatus status,
        int currentLoad,
        int maxLoad,
        int priorityLevel,
        int? weight = null,
        bool participatesInDistribution = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(currentLoad);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLoad);
        ArgumentOutOfRangeException.ThrowIfNegative(priorityLevel);
        if (weight is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "A member weight, when set, is at least 1.");
        }

        AgentId = agentId;
        Status = status;
        CurrentLoad = currentLoad;
        MaxLoad = maxLoad;
        PriorityLevel = priorityLevel;
        Weight = weight;
        ParticipatesInDistribution = participatesInDistribution;
    }

    public int AgentId { get; }

    public AgentStatus Status { get; }

    public int CurrentLoad { get; }

    public int MaxLoad { get; }

    /// <summary>0 is the highest priority; higher numbers are served only when every lower number is full.</summary>
    public int PriorityLevel { get; }

    public int? Weight { get; }

    /// <summary>参与分流 (seed 001): a member who does not participate never receives a routed conversation.</summary>
    public bool ParticipatesInDistribution { get; }

    /// <summary>SPEC D2 rule 3.</summary>
    public bool IsCandidate => Status == AgentStatus.Online && ParticipatesInDistribution && CurrentLoad < MaxLoad;

    /// <summary>
    /// Present for rule 8: Busy counts as present because a Busy agent keeps serving and will return to Online, so a
    /// visitor can sensibly wait for him; Away and Offline agents are gone until they act.
    /// </summary>
    public bool IsPresent => Status is AgentStatus.Online or AgentStatus.Busy;

    /// <summary>SPEC D2 rule 6: the member weight when set, else max load (capacity as skill, seed 002).</summary>
    public int RoundRobinWeight => Weight ?? MaxLoad;
}
