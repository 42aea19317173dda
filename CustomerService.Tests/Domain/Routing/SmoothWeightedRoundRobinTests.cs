using CustomerService.Domain.Routing;
using CustomerService.Tests.Builders;
using static CustomerService.Tests.Builders.AgentBuilder;
using static CustomerService.Tests.Builders.RoutingSnapshotBuilder;

namespace CustomerService.Tests.Domain.Routing;

/// <summary>SPEC D2 rule 6: shares over many assignments follow the weights.</summary>
public sealed class SmoothWeightedRoundRobinTests
{
    [Fact]
    public void Max_load_is_the_weight_so_each_agent_gets_his_share_of_1000_assignments()
    {
        var counts = AssignRepeatedly(1000, Agent(1).WithMaxLoad(10), Agent(2).WithMaxLoad(5), Agent(3).WithMaxLoad(5));

        AssertShare(counts, 1, 1000 * 10 / 20.0);
        AssertShare(counts, 2, 1000 * 5 / 20.0);
        AssertShare(counts, 3, 1000 * 5 / 20.0);
    }

    [Fact]
    public void Member_weight_overrides_max_load_over_1000_assignments()
    {
        var counts = AssignRepeatedly(
            1000,
            Agent(1).WithMaxLoad(10).WithWeight(3),
            Agent(2).WithMaxLoad(10).WithWeight(2),
            Agent(3).WithMaxLoad(2));

        AssertShare(counts, 1, 1000 * 3 / 7.0);
        AssertShare(counts, 2, 1000 * 2 / 7.0);
        AssertShare(counts, 3, 1000 * 2 / 7.0);
    }

    [Fact]
    public void Picks_are_spread_out_instead_of_in_bursts()
    {
        var sequence = new List<int>();
        var state = RoundRobinState.Empty;
        for (var i = 0; i < 7; i++)
        {
            var (chosen, next) = SmoothWeightedRoundRobin.Pick(
                [Agent(1).WithWeight(5).Build(), Agent(2).WithWeight(1).Build(), Agent(3).WithWeight(1).Build()],
                state);
            sequence.Add(chosen.AgentId);
            state = next;
        }

        // The nginx example sequence for weights 5, 1, 1: a a b a c a a.
        Assert.Equal([1, 1, 2, 1, 3, 1, 1], sequence);
    }

    [Fact]
    public void Only_candidates_of_the_chosen_tier_share_the_assignments()
    {
        var counts = AssignRepeatedly(
            100,
            Agent(1).WithMaxLoad(4),
            Agent(2).WithMaxLoad(4),
            Agent(3).WithMaxLoad(50).WithPriority(1));

        Assert.Equal(50, counts[1]);
        Assert.Equal(50, counts[2]);
        Assert.False(counts.ContainsKey(3));
    }

    [Fact]
    public void Picking_from_no_candidates_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => SmoothWeightedRoundRobin.Pick([], RoundRobinState.Empty));
    }

    // Conversations end as fast as they arrive, so every member stays a candidate and only the weights decide.
    private static Dictionary<int, int> AssignRepeatedly(int assignments, params AgentBuilder[] members)
    {
        var counts = new Dictionary<int, int>();
        var state = RoundRobinState.Empty;
        for (var i = 0; i < assignments; i++)
        {
            var decision = ConversationRouter.Route(Request().WithMembers(members).WithRoundRobin(state).Build());
            var agentId = Assert.IsType<RoutingOutcome.AssignToAgent>(decision.Outcome).AgentId;
            counts[agentId] = counts.GetValueOrDefault(agentId) + 1;
            state = decision.RoundRobin;
        }

        return counts;
    }

    private static void AssertShare(Dictionary<int, int> counts, int agentId, double expected) =>
        Assert.InRange(counts.GetValueOrDefault(agentId), expected - 1, expected + 1);

    [Fact]
    public void Picking_without_candidates_or_state_is_a_programming_error()
    {
        Assert.Throws<ArgumentNullException>(() => SmoothWeightedRoundRobin.Pick(null!, RoundRobinState.Empty));
        Assert.Throws<ArgumentNullException>(() => SmoothWeightedRoundRobin.Pick([Agent(1).Build()], null!));
    }
}
