using Bunit;
using CustomerService.Domain.Conversations;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Console;
using Microsoft.AspNetCore.Components.Web;
using static CustomerService.Tests.Builders.ConversationTileBuilder;

namespace CustomerService.Tests.Features.Console;

/// <summary>我的咨询 tiles (SPEC F2): urgency order, the red waiting timer, VIP badge, quick close of ended ones.</summary>
public sealed class ConversationListTests : BunitTestBase
{
    private readonly List<long> _selected = [];
    private readonly List<long> _closed = [];

    [Fact]
    public void Tiles_are_listed_most_urgent_first()
    {
        var list = Render(
            Tile(1).AssignedAgo(TimeSpan.FromMinutes(10)).Build(),
            Tile(2).WaitingSince(TimeSpan.FromSeconds(15)).Build(),
            Tile(3).WaitingSince(TimeSpan.FromMinutes(4)).Build());

        var ids = list.FindAll("[data-testid=conversation-item]").Select(e => e.GetAttribute("data-conversation-id"));

        Assert.Equal(["3", "2", "1"], ids);
    }

    [Fact]
    public void A_waiting_visitor_has_a_running_timer_and_an_answered_one_shows_his_last_message_time()
    {
        var list = Render(
            Tile(1).WaitingSince(TimeSpan.FromSeconds(75)).Build(),
            Tile(2).Saying("好的，谢谢").Build());

        var waiting = Item(list, 1).QuerySelector("[data-testid=tile-timer]")!;
        var answered = Item(list, 2).QuerySelector("[data-testid=tile-timer]")!;

        Assert.Equal("1:15", waiting.TextContent);
        Assert.Equal("true", waiting.GetAttribute("data-waiting"));
        Assert.Equal("true", Item(list, 1).GetAttribute("data-waiting"));
        Assert.Equal("false", answered.GetAttribute("data-waiting"));
        Assert.Equal("false", Item(list, 2).GetAttribute("data-waiting"));
        Assert.Contains("好的，谢谢", Item(list, 2).TextContent);
    }

    [Theory]
    [InlineData(0, "neutral")]
    [InlineData(29, "neutral")]
    [InlineData(30, "amber")]
    [InlineData(59, "amber")]
    [InlineData(60, "red")]
    public void A_wait_timer_is_neutral_then_amber_from_30_seconds_then_red_from_60(int waitedSeconds, string urgency)
    {
        var list = Render(Tile(1).WaitingSince(TimeSpan.FromSeconds(waitedSeconds)).Build());

        var timer = Item(list, 1).QuerySelector("[data-testid=tile-timer]")!;

        Assert.Equal(urgency, timer.GetAttribute("data-urgency"));
        Assert.Contains("tile-timer--" + urgency, timer.ClassList);
    }

    [Fact]
    public void The_wait_thresholds_come_from_the_settings()
    {
        var list = Render<ConversationList>(p => p
            .Add(c => c.Tiles, [Tile(1).WaitingSince(TimeSpan.FromSeconds(20)).Build()])
            .Add(c => c.Now, Start)
            .Add(c => c.WaitThresholds, new WaitThresholds(10, 15)));

        Assert.Equal("red", Item(list, 1).QuerySelector("[data-testid=tile-timer]")!.GetAttribute("data-urgency"));
    }

    [Fact]
    public void A_visitor_without_a_name_is_called_by_number_and_a_vip_has_a_badge()
    {
        var list = Render(Tile(1).Vip().Build(), Tile(2).Named("王女士").Build());

        Assert.Contains(UiTexts.Chinese("Console.VisitorFallback", 1001), Item(list, 1).TextContent);
        Assert.NotNull(Item(list, 1).QuerySelector("[data-testid=tile-vip]"));
        Assert.Contains("王女士", Item(list, 2).TextContent);
        Assert.Null(Item(list, 2).QuerySelector("[data-testid=tile-vip]"));
    }

    [Fact]
    public async Task Clicking_a_tile_selects_it_and_an_ended_one_can_be_closed_without_selecting_it()
    {
        var list = Render(Tile(1).Build(), Tile(2).EndedBy(EndReason.Visitor).Build());

        await Item(list, 1).ClickAsync(new MouseEventArgs());
        await Item(list, 2).QuerySelector("[data-testid=tile-close]")!.ClickAsync(new MouseEventArgs());

        Assert.Equal([1L], _selected);
        Assert.Equal([2L], _closed);
        Assert.Null(Item(list, 1).QuerySelector("[data-testid=tile-close]"));
    }

    private IRenderedComponent<ConversationList> Render(params ConversationTile[] tiles) =>
        Render<ConversationList>(p => p
            .Add(c => c.Tiles, tiles)
            .Add(c => c.Now, Start)
            .Add(c => c.OnSelect, id => _selected.Add(id))
            .Add(c => c.OnClose, id => _closed.Add(id)));

    private static AngleSharp.Dom.IElement Item(IRenderedComponent<ConversationList> list, long id) =>
        list.Find($"[data-testid=conversation-item][data-conversation-id='{id}']");
}
