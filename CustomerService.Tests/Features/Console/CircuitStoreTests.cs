using CustomerService.Web.Features.Console;

namespace CustomerService.Tests.Features.Console;

/// <summary>The circuit's one state store that the console session, the colleagues board and their components share.</summary>
public sealed class CircuitStoreTests
{
    [Fact]
    public void A_mutation_replaces_the_state_and_tells_every_subscriber_once()
    {
        var store = new CircuitStore<ConsoleState>();
        var first = 0;
        var second = 0;
        using var one = store.Subscribe(() => first++);
        using var two = store.Subscribe(() => second++);

        var changed = store.Mutate(s => s with { SelectedId = 7 });

        Assert.True(changed);
        Assert.Equal(7, store.State.SelectedId);
        Assert.Equal(1, first);
        Assert.Equal(1, second);
    }

    [Fact]
    public void A_mutation_that_returns_the_same_state_tells_nobody()
    {
        var store = new CircuitStore<ConsoleState>();
        var before = store.State;
        var told = 0;
        using var subscription = store.Subscribe(() => told++);

        var changed = store.Mutate(s => s);

        Assert.False(changed);
        Assert.Same(before, store.State);
        Assert.Equal(0, told);
    }

    [Fact]
    public void A_disposed_subscription_hears_no_more_changes()
    {
        var store = new CircuitStore<ColleaguesState>();
        var told = 0;
        var subscription = store.Subscribe(() => told++);
        store.Mutate(s => s with { IsStarted = true });

        subscription.Dispose();
        store.Mutate(s => s with { IsStarted = false });

        Assert.Equal(1, told);
        Assert.False(store.State.IsStarted);
    }

    [Fact]
    public void A_subscriber_reads_the_new_state_when_it_is_told()
    {
        var store = new CircuitStore<ConsoleState>();
        long? seen = null;
        using var subscription = store.Subscribe(() => seen = store.State.SelectedId);

        store.Mutate(s => s with { SelectedId = 42 });

        Assert.Equal(42, seen);
    }
}
