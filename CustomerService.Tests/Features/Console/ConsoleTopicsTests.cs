using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Console;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Console;

/// <summary>
/// What wakes a console (ADR 008): its agent's own topic and the queue topics of his groups; never the messages of
/// conversations he is not in, and the colleagues board hears of conversations changing, not of every message.
/// </summary>
public sealed class ConsoleTopicsTests : IAsyncLifetime
{
    private readonly List<AsyncServiceScope> _scopes = [];
    private readonly List<IDisposable> _recordings = [];
    private EngineScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await EngineScenario.StartAsync();

    public async Task DisposeAsync()
    {
        _recordings.ForEach(r => r.Dispose());
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }

        await _scenario.DisposeAsync();
    }

    [Fact]
    public async Task A_message_reaches_neither_the_colleagues_topic_nor_the_console_of_an_agent_not_in_the_conversation()
    {
        var a = await _scenario.AddAgentAsync("a");
        var b = await _scenario.AddAgentAsync("b");
        var entry = await _scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0), new MemberAssignment(b, 1));
        var group = await _scenario.GroupIdOfEntryAsync(entry);
        var mine = await OpenAsync(a);
        await OpenAsync(b);
        var colleagues = Record(EventTopic.Colleagues);
        var otherAgent = Record(EventTopic.Agent(b));
        var queue = Record(EventTopic.Queue(group));

        var visitor = await TestVisitor.StartAsync(_scenario.Database.Services, entry);
        await mine.WaitForAsync(s => s.SelectedThread is { IsLoaded: true });
        await visitor.SayAsync("有货吗？");
        await mine.SendAsync(visitor.ConversationId, "有的");
        await mine.WaitForAsync(s => s.SelectedThread!.Messages.Values.Any(m => m.Text == "有的"));

        Assert.Contains(colleagues, e => e is ConversationChanged { Conversation.State: ConversationState.Active });
        Assert.DoesNotContain(colleagues, e => e is MessageAppended);
        Assert.DoesNotContain(otherAgent, e => e is MessageAppended or ConversationChanged);
        Assert.DoesNotContain(queue, e => e is MessageAppended or ConversationChanged);
    }

    [Fact]
    public async Task A_queue_length_reaches_the_consoles_of_that_groups_members_only()
    {
        var a = await _scenario.AddAgentAsync("a");
        var c = await _scenario.AddAgentAsync("c");
        var presale = await _scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        var aftersale = await _scenario.AddGroupWithEntryAsync("aftersale", new MemberAssignment(c, 0));
        var presaleGroup = await _scenario.GroupIdOfEntryAsync(presale);
        var inPresale = await OpenAsync(a);
        var inAftersale = await OpenAsync(c);
        var aftersaleQueue = Record(EventTopic.Queue(await _scenario.GroupIdOfEntryAsync(aftersale)));
        await inPresale.SetStatusAsync(AgentStatus.Busy);

        var queued = await TestVisitor.StartAsync(_scenario.Database.Services, presale);
        Assert.Equal(StartOutcome.Queued, queued.Start.Outcome);

        var waiting = await inPresale.WaitForAsync(s => s.QueueCount == 1);
        Assert.Equal(1, waiting.QueueLengths[presaleGroup]);
        // A status change passes through the other console's pump after the queue's news would have: once it shows,
        // anything published before it has been applied.
        await inAftersale.SetStatusAsync(AgentStatus.Busy);
        var other = await inAftersale.WaitForAsync(s => s.Today.Stretches.Count == 2);
        Assert.False(other.QueueLengths.ContainsKey(presaleGroup));
        Assert.Equal(0, other.QueueCount);
        Assert.Empty(aftersaleQueue);
    }

    private async Task<ConsoleSession> OpenAsync(int agentId)
    {
        var scope = _scenario.Database.Services.CreateAsyncScope();
        _scopes.Add(scope);
        var console = scope.ServiceProvider.GetRequiredService<ConsoleSession>();
        await console.StartAsync(agentId, isAdmin: false);
        return console;
    }

    /// <summary>Every event published to the topic from now on.</summary>
    private List<EngineEvent> Record(EventTopic topic)
    {
        var events = new List<EngineEvent>();
        _recordings.Add(_scenario.Events.Subscribe(topic, e =>
        {
            lock (events)
            {
                events.Add(e);
            }
        }));
        return events;
    }
}
