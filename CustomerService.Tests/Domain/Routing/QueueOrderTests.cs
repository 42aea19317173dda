using CustomerService.Domain.Routing;
using CustomerService.Tests.Builders;

namespace CustomerService.Tests.Domain.Routing;

/// <summary>SPEC D2 rule 7 and D3: VIPs ahead of everyone else, FIFO within each class.</summary>
public sealed class QueueOrderTests
{
    private readonly QueueEntryBuilder _entries = new();

    [Fact]
    public void Vip_visitor_queues_ahead_of_regular_visitors()
    {
        var early = _entries.Regular(1, secondsAfterBase: 0);
        var later = _entries.Regular(2, secondsAfterBase: 10);
        var vip = _entries.Vip(3, secondsAfterBase: 60);

        var positions = QueueOrder.Positions([early, later, vip]);

        Assert.Equal(1, positions[3]);
        Assert.Equal(2, positions[1]);
        Assert.Equal(3, positions[2]);
    }

    [Fact]
    public void Vip_visitors_are_served_first_come_first_served_among_themselves()
    {
        var secondVip = _entries.Vip(1, secondsAfterBase: 30);
        var firstVip = _entries.Vip(2, secondsAfterBase: 5);

        var order = QueueOrder.Sort([secondVip, firstVip]);

        Assert.Equal([2L, 1L], order.Select(e => e.Id));
    }

    [Fact]
    public void Regular_visitors_are_served_first_come_first_served()
    {
        var entries = new[]
        {
            _entries.Regular(1, secondsAfterBase: 20),
            _entries.Regular(2, secondsAfterBase: 0),
            _entries.Regular(3, secondsAfterBase: 10),
        };

        var order = QueueOrder.Sort(entries);

        Assert.Equal([2L, 3L, 1L], order.Select(e => e.Id));
    }

    [Fact]
    public void Sequence_number_breaks_a_tie_between_equal_enqueue_times()
    {
        var first = _entries.Regular(7, secondsAfterBase: 0);
        var second = _entries.Regular(3, secondsAfterBase: 0);

        var order = QueueOrder.Sort([second, first]);

        Assert.Equal([7L, 3L], order.Select(e => e.Id));
    }

    [Fact]
    public void Positions_are_one_based_and_cover_every_entry()
    {
        var positions = QueueOrder.Positions([_entries.Regular(1, 0), _entries.Vip(2, 1), _entries.Regular(3, 2)]);

        Assert.Equal([1, 2, 3], positions.Values.Order());
    }

    [Fact]
    public void Empty_queue_has_no_positions()
    {
        Assert.Empty(QueueOrder.Positions([]));
    }

    [Fact]
    public void Same_entry_twice_is_rejected()
    {
        var entry = _entries.Regular(1, 0);

        Assert.Throws<ArgumentException>(() => QueueOrder.Positions([entry, entry]));
    }

    [Fact]
    public void Vip_visitor_given_first_stays_ahead_of_earlier_regular_visitors()
    {
        var vip = _entries.Vip(1, secondsAfterBase: 60);
        var early = _entries.Regular(2, secondsAfterBase: 0);
        var later = _entries.Regular(3, secondsAfterBase: 10);

        var order = QueueOrder.Sort([vip, early, later]);

        Assert.Equal([1L, 2L, 3L], order.Select(e => e.Id));
    }

    [Fact]
    public void Comparer_puts_a_vip_before_a_regular_visitor_whichever_is_asked_first()
    {
        var regular = _entries.Regular(1, secondsAfterBase: 0);
        var vip = _entries.Vip(2, secondsAfterBase: 60);

        Assert.True(QueueOrder.Comparer.Compare(vip, regular) < 0);
        Assert.True(QueueOrder.Comparer.Compare(regular, vip) > 0);
    }

    [Fact]
    public void Comparer_orders_a_missing_entry_first_and_an_entry_equal_to_itself()
    {
        var entry = _entries.Regular(1, secondsAfterBase: 0);

        Assert.Equal(0, QueueOrder.Comparer.Compare(entry, entry));
        Assert.True(QueueOrder.Comparer.Compare(null, entry) < 0);
        Assert.True(QueueOrder.Comparer.Compare(entry, null) > 0);
    }

    [Fact]
    public void Sorting_no_queue_is_a_programming_error() =>
        Assert.Equal("entries", Assert.Throws<ArgumentNullException>(() => QueueOrder.Sort(null!)).ParamName);
}
