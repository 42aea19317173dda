using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Console;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Console;

/// <summary>
/// <see cref="ConsoleSession"/> against a started engine on a real database: what an agent's console shows as the engine's
/// events arrive, and what it asks of the engine (SPEC D1, D4, D6, F1–F4).
/// </summary>
public sealed class ConsoleSessionTests : IAsyncLifetime
{
    private readonly List<AsyncServiceScope> _scopes = [];
    private EngineScenario _scenario = null!;
    private int _a;
    private int _b;
    private string _entry = null!;

    public async Task InitializeAsync()
    {
        _scenario = await EngineScenario.StartAsync();
        _a = await _scenario.AddAgentAsync("a");
        _b = await _scenario.AddAgentAsync("b", maxLoad: 1);
        _entry = await _scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(_a, 0), new MemberAssignment(_b, 1));
    }

    public async Task DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }

        await _scenario.DisposeAsync();
    }

    [Fact]
    public async Task Opening_the_console_brings_the_agent_online_and_a_new_visitor_opens_in_it()
    {
        var console = await OpenAsync(_a);
        Assert.Equal(AgentStatus.Online, console.State.Status);

        var visitor = await StartVisitorAsync("张先生");

        var state = await console.WaitForAsync(s => s.SelectedThread is { IsLoaded: true });
        var tile = Assert.Single(state.Conversations.Values);
        Assert.Equal(visitor.ConversationId, tile.Id);
        Assert.Equal("张先生", tile.VisitorName);
        Assert.Equal(visitor.ConversationId, state.SelectedId);
        Assert.Equal(1, state.Today.ConversationCount);
    }

    [Fact]
    public async Task A_visitor_message_starts_the_wait_and_the_agents_reply_stops_it_and_is_stored_once()
    {
        var console = await OpenAsync(_a);
        var visitor = await StartVisitorAsync();
        await console.WaitForAsync(s => s.SelectedThread is { IsLoaded: true });

        await visitor.SayAsync("有货吗？");
        var waiting = await console.WaitForAsync(s => s.Selected!.IsWaiting);
        Assert.Equal("有货吗？", waiting.Selected!.LastMessage);

        await console.SendAsync(visitor.ConversationId, "有的，今天下单明天发货。");

        var answered = await console.WaitForAsync(s => !s.Selected!.IsWaiting && s.SelectedThread!.Outgoing.IsEmpty);
        Assert.Contains(answered.SelectedThread!.Messages.Values, m => m.Sender == MessageSender.Agent && m.Text == "有的，今天下单明天发货。");
        await using var db = _scenario.NewContext();
        var stored = await db.Messages.SingleAsync(m => m.ConversationId == visitor.ConversationId && m.Sender == MessageSender.Agent);
        Assert.Equal(32, stored.ClientId!.Length);
    }

    [Fact]
    public async Task The_visitors_typing_shows_on_his_tile_until_his_message_arrives()
    {
        var console = await OpenAsync(_a);
        var visitor = await StartVisitorAsync();
        await console.WaitForAsync(s => s.Conversations.Count == 1);

        visitor.Types("请问这个尺码");
        await console.WaitForAsync(s => s.Conversations[visitor.ConversationId].Typing == "请问这个尺码");
        await visitor.SayAsync("请问这个尺码偏大吗？");

        await console.WaitForAsync(s => s.Conversations[visitor.ConversationId].Typing == null);
    }

    [Fact]
    public async Task Messages_to_a_conversation_not_on_screen_count_as_unread_until_it_is_opened()
    {
        var console = await OpenAsync(_a);
        var first = await StartVisitorAsync();
        var second = await StartVisitorAsync();
        await console.WaitForAsync(s => s.Conversations.Count == 2 && s.SelectedId == first.ConversationId);

        await second.SayAsync("在吗？");
        await second.SayAsync("急！");
        var unread = await console.WaitForAsync(s => s.UnreadCount == 2);
        Assert.Equal(2, unread.Conversations[second.ConversationId].Unread);

        await console.SelectAsync(second.ConversationId);

        Assert.Equal(0, console.State.UnreadCount);
    }

    [Fact]
    public async Task A_second_console_keeps_the_agent_present_when_the_first_one_closes()
    {
        var firstTab = _scopes.Count;
        await OpenAsync(_a);
        await OpenAsync(_a);

        await CloseAsync(firstTab);
        await PassGracePeriodAsync();
        Assert.Equal(AgentStatus.Online, await _scenario.Engine.GetStatusAsync(_a));

        await CloseAsync(firstTab + 1);
        await PassGracePeriodAsync();
        Assert.Equal(AgentStatus.Offline, await _scenario.Engine.GetStatusAsync(_a));
    }

    [Fact]
    public async Task A_transfer_the_colleague_accepts_moves_the_conversation_to_his_console()
    {
        var mine = await OpenAsync(_a);
        var theirs = await OpenAsync(_b);
        var visitor = await StartVisitorAsync("李女士");
        await mine.WaitForAsync(s => s.Conversations.ContainsKey(visitor.ConversationId));
        var toasts = Toasts(mine);

        Assert.True(await mine.OfferAsync(visitor.ConversationId, TransferTarget.ToAgent(_b), TransferKind.Transfer));
        var offered = await theirs.WaitForAsync(s => s.Offers.Count == 1);
        Assert.Equal("李女士", offered.Offers[0].VisitorName);
        Assert.True(await theirs.RespondAsync(offered.Offers[0].Transfer.Id, accept: true));

        var received = await theirs.WaitForAsync(s => s.SelectedId == visitor.ConversationId && s.Offers.IsEmpty);
        Assert.Equal(_b, received.Conversations[visitor.ConversationId].OwnerId);
        await mine.WaitForAsync(s => s.Conversations.IsEmpty);
        Assert.Contains(toasts, t => t.TextKey == "Console.TransferAccepted");
    }

    [Fact]
    public async Task Accepting_a_transfer_at_max_load_is_refused_with_the_engines_reason()
    {
        var mine = await OpenAsync(_a);
        var theirs = await OpenAsync(_b);
        await _scenario.Engine.SetStatusAsync(_a, AgentStatus.Busy);
        var theirOwn = await StartVisitorAsync();
        await theirs.WaitForAsync(s => s.Conversations.ContainsKey(theirOwn.ConversationId));
        await _scenario.Engine.SetStatusAsync(_a, AgentStatus.Online);
        var visitor = await StartVisitorAsync();
        await mine.WaitForAsync(s => s.Conversations.ContainsKey(visitor.ConversationId));
        var toasts = Toasts(theirs);

        await mine.OfferAsync(visitor.ConversationId, TransferTarget.ToAgent(_b), TransferKind.Transfer);
        var offered = await theirs.WaitForAsync(s => s.Offers.Count == 1);

        Assert.False(await theirs.RespondAsync(offered.Offers[0].Transfer.Id, accept: true));
        Assert.Contains(toasts, t => t.Violation?.Code == "AgentAtMaxLoad");
        Assert.Single(theirs.State.Offers);
        Assert.False(theirs.State.Conversations.ContainsKey(visitor.ConversationId));
    }

    [Fact]
    public async Task A_conversation_the_visitor_left_stays_listed_as_ended_until_quick_close()
    {
        var console = await OpenAsync(_a);
        var leaving = await StartVisitorAsync();
        var staying = await StartVisitorAsync();
        await console.WaitForAsync(s => s.Conversations.Count == 2);

        await leaving.LeaveAsync();
        var ended = await console.WaitForAsync(s => s.Conversations[leaving.ConversationId].IsEnded);
        Assert.Equal(EndReason.Visitor, ended.Conversations[leaving.ConversationId].EndReason);

        Assert.Equal(1, console.CloseAllEnded());
        Assert.Equal([staying.ConversationId], console.State.Conversations.Keys);
    }

    [Fact]
    public async Task Going_away_ends_the_agents_conversations_and_clears_his_list()
    {
        var console = await OpenAsync(_a);
        var visitor = await StartVisitorAsync();
        await console.WaitForAsync(s => s.Conversations.Count == 1);

        Assert.True(await console.SetStatusAsync(AgentStatus.Away));

        await console.WaitForAsync(s => s.Status == AgentStatus.Away && s.Conversations.IsEmpty);
        await using var db = _scenario.NewContext();
        Assert.Equal(EndReason.AgentAway, (await db.Conversations.SingleAsync(c => c.Id == visitor.ConversationId)).EndReason);
    }

    [Fact]
    public async Task Todays_online_time_counts_busy_and_login_time_adds_away()
    {
        var console = await OpenAsync(_a);
        _scenario.Clock.Advance(TimeSpan.FromMinutes(10));
        await console.SetStatusAsync(AgentStatus.Busy);
        _scenario.Clock.Advance(TimeSpan.FromMinutes(5));
        await console.SetStatusAsync(AgentStatus.Away);
        _scenario.Clock.Advance(TimeSpan.FromMinutes(3));

        var state = await console.WaitForAsync(s => s.Today.Stretches.Count == 3);
        var hours = state.Today.HoursUntil(console.Now);

        Assert.Equal(TimeSpan.FromMinutes(15), hours.OnlineTime);
        Assert.Equal(TimeSpan.FromMinutes(18), hours.LoginTime);
    }

    [Fact]
    public async Task An_admin_watches_a_colleagues_conversation_live_and_barging_in_makes_it_his()
    {
        var admin = await _scenario.AddAgentAsync("boss", role: AccountRole.Admin);
        var agent = await OpenAsync(_a);
        var watcher = await OpenAsync(admin, isAdmin: true);
        var visitor = await StartVisitorAsync();
        await agent.WaitForAsync(s => s.Conversations.Count == 1);

        await watcher.MonitorAsync(visitor.ConversationId);
        await visitor.SayAsync("我要投诉");
        var watching = await watcher.WaitForAsync(s => s.SelectedThread?.Messages.Values.Any(m => m.Text == "我要投诉") == true);
        Assert.Equal(visitor.ConversationId, watching.Monitored?.Id);
        Assert.Empty(watching.Conversations);

        // 插入会话 is asked of the engine directly (the pane's button does so); the console follows through its events.
        Assert.NotNull(await _scenario.Engine.BargeInAsync(admin, visitor.ConversationId));

        var joined = await watcher.WaitForAsync(s => s.Conversations.ContainsKey(visitor.ConversationId) && s.Monitored == null);
        Assert.Equal(visitor.ConversationId, joined.SelectedId);
    }

    [Fact]
    public async Task An_agent_reads_the_history_of_visitors_he_served_and_nobody_elses()
    {
        var console = await OpenAsync(_a);
        var served = await StartVisitorAsync();
        await served.SayAsync("上次的订单");
        await console.WaitForAsync(s => s.Conversations.Count == 1);
        var stranger = await TestVisitor.AddAsync(_scenario.Database.Services);

        var reads = ReadsOf(console);

        Assert.Contains(await reads.VisitorHistoryAsync(served.VisitorId), h => h.Message.Text == "上次的订单");
        Assert.Empty(await reads.VisitorHistoryAsync(stranger));
    }

    private async Task<ConsoleSession> OpenAsync(int agentId, bool isAdmin = false)
    {
        var scope = _scenario.Database.Services.CreateAsyncScope();
        _scopes.Add(scope);
        var console = scope.ServiceProvider.GetRequiredService<ConsoleSession>();
        await console.StartAsync(agentId, isAdmin);
        return console;
    }

    /// <summary>The side panel's reads in the same circuit (scope) as the console.</summary>
    private ConsoleReads ReadsOf(ConsoleSession console) =>
        _scopes.Select(s => s.ServiceProvider).First(p => p.GetRequiredService<ConsoleSession>() == console).GetRequiredService<ConsoleReads>();

    private async Task CloseAsync(int index) => await _scopes[index].DisposeAsync();

    private async Task PassGracePeriodAsync()
    {
        _scenario.Clock.Advance(new EngineOptions().PresenceGracePeriod + TimeSpan.FromSeconds(1));
        await _scenario.Engine.TickAsync();
    }

    private Task<TestVisitor> StartVisitorAsync(string? name = null) => TestVisitor.StartAsync(_scenario.Database.Services, _entry, name);

    private static List<ConsoleToast> Toasts(ConsoleSession console)
    {
        var toasts = new List<ConsoleToast>();
        console.Toasted += toast =>
        {
            lock (toasts)
            {
                toasts.Add(toast);
            }
        };
        return toasts;
    }
}
