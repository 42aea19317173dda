using CustomerService.Domain.Routing;

namespace CustomerService.Tests.Domain.Routing;

public sealed class RoundRobinStateTests
{
    [Fact]
    public void State_restored_from_stored_weights_equals_the_original()
    {
        var original = RoundRobinState.Empty.With(1, -3).With(2, 3);

        var restored = RoundRobinState.FromCurrentWeights(original.CurrentWeights);

        Assert.Equal(original, restored);
        Assert.Equal(original.GetHashCode(), restored.GetHashCode());
    }

    [Fact]
    public void Unknown_agent_has_current_weight_zero()
    {
        Assert.Equal(0, RoundRobinState.Empty.CurrentWeightOf(42));
    }

    [Fact]
    public void Setting_a_weight_leaves_the_original_state_unchanged()
    {
        var original = RoundRobinState.Empty.With(1, 5);

        _ = original.With(1, 9);

        Assert.Equal(5, original.CurrentWeightOf(1));
    }

    // The engine stores a group's state only when it changed: a state wrongly equal to its successor is never saved,
    // and the next routing decision starts from stale weights (an unfair distribution).
    [Fact]
    public void States_with_the_same_agents_but_a_different_weight_differ()
    {
        var before = RoundRobinState.Empty.With(1, 2).With(2, -2);

        Assert.NotEqual(before, before.With(2, 5));
    }

    [Fact]
    public void States_that_differ_in_every_weight_differ()
    {
        var before = RoundRobinState.Empty.With(1, 2).With(2, -2);

        Assert.NotEqual(before, RoundRobinState.Empty.With(1, 3).With(2, -3));
    }

    [Fact]
    public void States_with_as_many_agents_but_different_ones_differ()
    {
        var state = RoundRobinState.Empty.With(1, 0).With(2, 0);

        Assert.NotEqual(state, RoundRobinState.Empty.With(1, 0).With(3, 0));
    }

    [Fact]
    public void A_state_with_one_agent_more_differs_even_when_the_shared_weights_agree()
    {
        var state = RoundRobinState.Empty.With(1, 4);

        Assert.NotEqual(state, state.With(2, 0));
        Assert.NotEqual(state.With(2, 0), state);
    }

    [Fact]
    public void A_state_never_equals_nothing()
    {
        Assert.False(RoundRobinState.Empty.With(1, 1).Equals(null));
    }

    [Fact]
    public void Keeping_every_current_agent_returns_the_same_state()
    {
        var state = RoundRobinState.Empty.With(1, 3).With(2, -3);

        Assert.Same(state, state.RetainOnly(new HashSet<int> { 1, 2, 3 }));
    }

    [Fact]
    public void Agents_who_left_the_group_are_dropped_and_the_others_keep_their_weights()
    {
        var state = RoundRobinState.Empty.With(1, 3).With(2, -3).With(3, 0);

        var retained = state.RetainOnly(new HashSet<int> { 2 });

        Assert.Equal(new Dictionary<int, int> { [2] = -3 }, retained.CurrentWeights);
    }
}
