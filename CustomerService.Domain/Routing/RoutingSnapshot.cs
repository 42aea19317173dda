namespace CustomerService.Domain.Routing;

/// <summary>
/// Everything the SPEC D2 routing choice depends on, captured by the engine at one instant. The engine serialises
/// decisions per group, so the loads here are current when the outcome is applied.
/// </summary>
public sealed record RoutingSnapshot
{
    /// <summary>Members of the reception group bound to the visitor's consultation entry.</summary>
    public required IReadOnlyList<RoutingMember> Members { get; init; }

    /// <summary>The agent who served this visitor most recently (熟客优先, rule 5).</summary>
    public int? LastAgentId { get; init; }

    /// <summary>The agent who served this visitor the time before that.</summary>
    public int? AgentBeforeLastId { get; init; }

    public PrivateContactAgent? PrivateContact { get; init; }

    /// <summary>Blacklisted by visitor id or by IP, resolved by the caller (rule 1, SPEC D11).</summary>
    public bool IsBlacklisted { get; init; }

    /// <summary>Signed integration flag or a key page of type cart / order-fill / order-success (rule 7).</summary>
    public bool IsVip { get; init; }

    /// <summary>The group's round-robin state as returned by the previous decision for the same group.</summary>
    public RoundRobinState RoundRobin { get; init; } = RoundRobinState.Empty;
}
