using Bunit;
using CustomerService.Tests.Fakes;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Console;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using static CustomerService.Tests.Builders.ConversationTileBuilder;

namespace CustomerService.Tests.Features.Console;

/// <summary>The console's running clocks (SPEC F2 wait timer) tick by themselves; the list and page around them do not redraw.</summary>
public sealed class TickingTextTests : BunitTestBase
{
    private readonly TestClock _clock = new();
    private readonly SecondTicker _ticker;

    public TickingTextTests()
    {
        _ticker = new SecondTicker(_clock);
        Services.AddScoped(_ => _ticker);
    }

    [Fact]
    public void A_waiting_timer_re_renders_on_its_own_tick_without_re_rendering_the_page()
    {
        var page = Render<PageWithTiles>(p => p.Add(c => c.Now, Start));
        var clock = page.FindComponent<WaitTimer>();
        var pageRenders = page.Instance.Renders;
        var clockRenders = clock.RenderCount;

        _clock.Advance(TimeSpan.FromSeconds(1));
        _ticker.Tick();

        page.WaitForAssertion(() => Assert.Equal("1:16", page.Find("[data-testid=tile-timer]").TextContent));
        Assert.Equal(clockRenders + 1, clock.RenderCount);
        Assert.Equal(pageRenders, page.Instance.Renders);
    }

    [Fact]
    public void A_tick_that_does_not_change_the_text_renders_nothing()
    {
        var total = Render<TickingText>(p => p
            .Add(c => c.Text, now => (now - Start).TotalMinutes < 1 ? "0 分钟" : "1 分钟")
            .Add(c => c.Now, Start));
        var renders = total.RenderCount;

        _clock.Advance(TimeSpan.FromSeconds(1));
        _ticker.Tick();

        Assert.Equal(renders, total.RenderCount);
        Assert.Equal("0 分钟", total.Markup.Trim());
    }

    [Fact]
    public void The_circuit_timer_runs_only_while_a_clock_listens()
    {
        var heard = 0;
        var subscription = _ticker.Subscribe(() => heard++);
        _ticker.Tick();
        subscription.Dispose();
        _ticker.Tick();

        Assert.Equal(1, heard);
    }

    /// <summary>Stands for the console page: it holds the list and counts its own renders.</summary>
    private sealed class PageWithTiles : ComponentBase
    {
        private readonly ConversationTile[] _tiles = [Tile(1).WaitingSince(TimeSpan.FromSeconds(75)).Build()];

        public int Renders { get; private set; }

        [Parameter]
        public DateTime Now { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            Renders++;
            builder.OpenComponent<ConversationList>(0);
            builder.AddComponentParameter(1, nameof(ConversationList.Tiles), _tiles);
            builder.AddComponentParameter(2, nameof(ConversationList.Now), Now);
            builder.CloseComponent();
        }
    }
}
