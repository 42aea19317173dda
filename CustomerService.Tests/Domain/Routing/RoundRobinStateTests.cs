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
}
