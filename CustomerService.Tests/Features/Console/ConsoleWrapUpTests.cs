using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Console;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Console;

/// <summary>
/// What the console keeps after a conversation ends (issue 15): the ended conversation stays open for wrap-up until the
/// agent closes it, the visitor's rating with its comment reaches the agent, and a visitor opened from 最近联系人 is
/// described in the side panel.
/// </summary>
public sealed class ConsoleWrapUpTests : IAsyncLifetime
{
    private readonly List<AsyncServiceScope> _scopes = [];
    private EngineScenario _scenario = null!;
    private int _agent;
    private string _entry = null!;

    public async Task InitializeAsync()
    {
        _scenario = await EngineScenario.StartAsync();
        _agent = await _scenario.AddAgentAsync("a");
        _entry = await _scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(_agent, 0));
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
    public async Task Ending_a_conversation_keeps_it_open_and_greyed_for_wrap_up_until_the_agent_closes_it()
    {
        var console = await OpenAsync();
        var visitor = await StartVisitorAsync("李女士");
        await console.WaitForAsync(s => s.SelectedThread is { IsLoaded: true });

        Assert.True(await console.EndAsync(visitor.ConversationId));

        var ended = console.State;
        Assert.Equal(visitor.ConversationId, ended.SelectedId);
        Assert.True(ended.Selected!.IsEnded);
        Assert.Equal(EndReason.Agent, ended.Selected.EndReason);
        Assert.NotNull(ended.SelectedThread);
        // The engine's own event of the end follows and must not take it away either: the console applies events in
        // order, so once the next visitor's conversation is there, the end has been applied.
        await StartVisitorAsync();
        var later = await console.WaitForAsync(s => s.Conversations.Count == 2);
        Assert.Equal(visitor.ConversationId, later.SelectedId);
        Assert.True(later.Selected!.IsEnded);

        // Wrap-up: the summary is filed after the end.
        await _scenario.Engine.SummarizeAsync(_agent, visitor.ConversationId, new ConsultationSummary(null, "客户想要蓝色 M 码"));
        await using (var db = _scenario.NewContext())
        {
            Assert.Equal("客户想要蓝色 M 码", (await db.Conversations.SingleAsync(c => c.Id == visitor.ConversationId)).SummaryNote);
        }

        console.Close(visitor.ConversationId);

        Assert.False(console.State.Conversations.ContainsKey(visitor.ConversationId));
        Assert.NotEqual(visitor.ConversationId, console.State.SelectedId);
    }

    [Fact]
    public async Task A_rating_given_after_the_end_reaches_the_wrap_up_tile_with_its_comment()
    {
        var console = await OpenAsync();
        var visitor = await StartVisitorAsync();
        await console.WaitForAsync(s => s.Conversations.Count == 1);
        await _scenario.Engine.InviteEvaluationAsync(_agent, visitor.ConversationId);
        await console.EndAsync(visitor.ConversationId);

        await _scenario.Engine.RateAsync(visitor.VisitorId, visitor.ConversationId, EvaluationLevel.Dissatisfied, "发货太慢了", problemSolved: false);

        var rated = await console.WaitForAsync(s => s.Conversations[visitor.ConversationId].Evaluation is not null);
        var tile = rated.Conversations[visitor.ConversationId];
        Assert.Equal((EvaluationLevel.Dissatisfied, "发货太慢了", false), (tile.Evaluation, tile.EvaluationComment, tile.ProblemSolved));
        var summary = await ReadsOf(console).VisitorSummaryAsync(visitor.ConversationId);
        Assert.Equal(("发货太慢了", (bool?)false), (summary!.EvaluationComment, summary.ProblemSolved));
    }

    [Fact]
    public async Task A_recent_contact_is_described_through_the_last_conversation_and_a_stranger_is_not()
    {
        var console = await OpenAsync();
        var visitor = await StartVisitorAsync("王先生");
        await visitor.SayAsync("在吗");
        await console.WaitForAsync(s => s.Conversations.Count == 1);
        await console.EndAsync(visitor.ConversationId);
        console.Close(visitor.ConversationId);
        var queries = _scopes[0].ServiceProvider.GetRequiredService<ConsoleQueries>();
        var reads = ReadsOf(console);

        var contact = Assert.Single(await queries.RecentContactsAsync(_agent));

        Assert.Equal(visitor.ConversationId, contact.LastConversationId);
        var summary = await reads.ContactSummaryAsync(contact);
        Assert.Equal((visitor.VisitorId, "王先生", "203.0.113.7"), (summary!.VisitorId, summary.Name, summary.Ip));
        var stranger = await TestVisitor.AddAsync(_scenario.Database.Services);
        Assert.Null(await reads.ContactSummaryAsync(contact with { VisitorId = stranger }));
    }

    private async Task<ConsoleSession> OpenAsync()
    {
        var scope = _scenario.Database.Services.CreateAsyncScope();
        _scopes.Add(scope);
        var console = scope.ServiceProvider.GetRequiredService<ConsoleSession>();
        await console.StartAsync(_agent, isAdmin: false);
        return console;
    }

    private ConsoleReads ReadsOf(ConsoleSession console) =>
        _scopes.Select(s => s.ServiceProvider).First(p => p.GetRequiredService<ConsoleSession>() == console).GetRequiredService<ConsoleReads>();

    private Task<TestVisitor> StartVisitorAsync(string? name = null) => TestVisitor.StartAsync(_scenario.Database.Services, _entry, name);
}
