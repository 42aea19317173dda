namespace CustomerService.Domain.Routing;

/// <summary>
/// The outcome plus the group's round-robin state to keep for the next decision. The state is returned even when the
/// outcome is not a round-robin pick, so the engine can always store what it gets back.
/// </summary>
public sealed record RoutingDecision(RoutingOutcome Outcome, RoundRobinState RoundRobin);
