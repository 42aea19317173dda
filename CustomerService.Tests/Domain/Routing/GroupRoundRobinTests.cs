using CustomerService.Domain.Routing;

namespace CustomerService.Tests.Domain.Routing;

/// <summary>Issue 3 recovery: a group's round-robin state survives a restart as one text column.</summary>
public sealed class GroupRoundRobinTests
{
    [Fact]
    public void The_state_is_stored_as_agent_and_weight_pairs_in_agent_order()
    {
        var stored = new GroupRoundRobin(4, RoundRobinState.Empty.With(12, 5).With(3, -7));

        Assert.Equal((4, "3:-7,12:5"), (stored.ReceptionGroupId, stored.CurrentWeights));
    }

    [Fact]
    public void A_stored_state_reads_back_equal()
    {
        var state = RoundRobinState.Empty.With(3, -7).With(12, 5).With(20, 0);

        Assert.Equal(state, new GroupRoundRobin(4, state).ToState());
    }

    [Fact]
    public void An_empty_state_is_an_empty_text_and_reads_back_empty()
    {
        var stored = new GroupRoundRobin(4, RoundRobinState.Empty);

        Assert.Equal("", stored.CurrentWeights);
        Assert.Equal(RoundRobinState.Empty, stored.ToState());
    }

    [Fact]
    public void Storing_again_replaces_the_whole_state()
    {
        var stored = new GroupRoundRobin(4, RoundRobinState.Empty.With(1, 2).With(2, -2));

        stored.Store(RoundRobinState.Empty.With(2, 1));

        Assert.Equal("2:1", stored.CurrentWeights);
        Assert.Equal(0, stored.ToState().CurrentWeightOf(1));
    }

    [Fact]
    public void Storing_no_state_is_a_programming_error() =>
        Assert.Throws<ArgumentNullException>(() => new GroupRoundRobin(4, RoundRobinState.Empty).Store(null!));
}
