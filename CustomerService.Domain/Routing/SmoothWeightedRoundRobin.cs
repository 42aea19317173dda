namespace CustomerService.Domain.Routing;

/// <summary>
/// nginx's smooth weighted round-robin (SPEC D2 rule 6): every pick adds each candidate's weight to its current weight,
/// takes the highest current weight and subtracts the candidates' total weight from it. Over any run of picks each
/// agent gets his weight's share, spread out instead of in bursts. Agents outside <paramref name="candidates"/> keep their
/// current weight untouched, as nginx does for a peer that is down.
/// </summary>
public static class SmoothWeightedRoundRobin
{
    public static (RoutingMember Chosen, RoundRobinState State) Pick(
        IReadOnlyList<RoutingMember> candidates, RoundRobinState state)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(state);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("Round-robin needs at least one candidate.", nameof(candidates));
        }

        var totalWeight = 0;
        RoutingMember? chosen = null;
        var chosenWeight = 0;
        var next = state;

        // Ascending agent id, so a tie on current weight always goes to the lowest id: deterministic across runs.
        foreach (var candidate in candidates.OrderBy(c => c.AgentId))
        {
            totalWeight += candidate.RoundRobinWeight;
            var current = next.CurrentWeightOf(candidate.AgentId) + candidate.RoundRobinWeight;
            next = next.With(candidate.AgentId, current);
            if (chosen is null || current > chosenWeight)
            {
                chosen = candidate;
                chosenWeight = current;
            }
        }

        return (chosen!, next.With(chosen!.AgentId, chosenWeight - totalWeight));
    }
}
