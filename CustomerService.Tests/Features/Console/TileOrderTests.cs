using CustomerService.Domain.Conversations;
using CustomerService.Web.Features.Console;
using static CustomerService.Tests.Builders.ConversationTileBuilder;

namespace CustomerService.Tests.Features.Console;

/// <summary>SPEC F2: the most urgent conversation (longest unanswered) first, and what Ctrl+Tab picks.</summary>
public sealed class TileOrderTests
{
    [Fact]
    public void Waiting_conversations_come_first_longest_wait_first_then_answered_ones_then_ended_ones()
    {
        var answeredEarly = Tile(1).AssignedAgo(TimeSpan.FromMinutes(30)).Build();
        var waitingShort = Tile(2).WaitingSince(TimeSpan.FromSeconds(20)).Build();
        var ended = Tile(3).EndedBy(EndReason.Visitor).Build();
        var waitingLong = Tile(4).WaitingSince(TimeSpan.FromMinutes(3)).Build();
        var answeredLate = Tile(5).AssignedAgo(TimeSpan.FromMinutes(1)).Build();

        var order = TileOrder.ForList([answeredEarly, waitingShort, ended, waitingLong, answeredLate]);

        Assert.Equal([4L, 2L, 1L, 5L, 3L], order.Select(t => t.Id));
    }

    [Fact]
    public void Ctrl_tab_goes_to_the_longest_waiting_visitor_and_on_from_there()
    {
        var tiles = new[]
        {
            Tile(1).Build(),
            Tile(2).WaitingSince(TimeSpan.FromSeconds(30)).Build(),
            Tile(3).WaitingSince(TimeSpan.FromMinutes(2)).Build(),
        };

        Assert.Equal(3, TileOrder.MostUrgent(tiles, currentId: 1));
        Assert.Equal(2, TileOrder.MostUrgent(tiles, currentId: 3));
        Assert.Equal(3, TileOrder.MostUrgent(tiles, currentId: 2));
    }

    [Fact]
    public void Ctrl_tab_stays_put_when_nobody_else_waits()
    {
        var tiles = new[] { Tile(1).WaitingSince(TimeSpan.FromMinutes(1)).Build(), Tile(2).Build(), Tile(3).EndedBy(EndReason.Visitor).Build() };

        Assert.Null(TileOrder.MostUrgent(tiles, currentId: 1));
        Assert.Null(TileOrder.MostUrgent([tiles[1]], currentId: null));
    }
}
