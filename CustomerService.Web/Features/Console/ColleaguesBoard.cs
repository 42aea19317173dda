using System.Collections.Immutable;
using System.Threading.Channels;
using CustomerService.Domain.Conversations;
using CustomerService.Web.Features.Conversations.Engine;

namespace CustomerService.Web.Features.Console;

/// <summary>Everyone's presence, open conversations and queues, as one immutable snapshot (SPEC F9, F1 同事会话).</summary>
public sealed record ColleaguesState
{
    public static ColleaguesState Empty { get; } = new();

    public bool IsStarted { get; init; }

    public ImmutableDictionary<int, AgentPresenceView> Presence { get; init; } = ImmutableDictionary<int, AgentPresenceView>.Empty;

    /// <summary>Queued and active conversations of the whole enterprise.</summary>
    public ImmutableDictionary<long, ConversationView> Open { get; init; } = ImmutableDictionary<long, ConversationView>.Empty;

    public ImmutableDictionary<int, int> QueueLengths { get; init; } = ImmutableDictionary<int, int>.Empty;

    public IReadOnlyDictionary<int, ColleagueRef> Directory { get; init; } = ImmutableDictionary<int, ColleagueRef>.Empty;

    public IReadOnlyList<GroupRef> Groups { get; init; } = [];

    public ImmutableDictionary<long, string?> VisitorNames { get; init; } = ImmutableDictionary<long, string?>.Empty;

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public int CountIn(AgentStatus status) => Presence.Values.Count(p => p.Status == status);

    /// <summary>Active conversations an agent owns: what max load counts (the engine's rule).</summary>
    public int LoadOf(int agentId) => Open.Values.Count(c => c.State == ConversationState.Active && c.AgentId == agentId);

    public IEnumerable<ConversationView> ConversationsOf(int agentId) =>
        Open.Values.Where(c => c.Participants.Any(p => p.AgentId == agentId)).OrderBy(c => c.RequestedAt);

    public string NameOf(int agentId) => Directory.TryGetValue(agentId, out var colleague) ? colleague.ExternalName : $"#{agentId}";
}

/// <summary>
/// 我的同事 (SPEC F9) and the admin's 同事会话 tab: follows <see cref="EventTopic.Colleagues"/> for one circuit, the same
/// way <see cref="ConsoleSession"/> follows the agent's own topic (subscribe, read, then apply events in order), into the
/// circuit's <see cref="CircuitStore{TState}"/> of <see cref="ColleaguesState"/>, which the pages subscribe to.
/// </summary>
public sealed partial class ColleaguesBoard(
    ConversationEngine engine, IEngineEventBus bus, ConsoleQueries queries, CircuitStore<ColleaguesState> store, ILogger<ColleaguesBoard> logger)
    : IAsyncDisposable
{
    private readonly SemaphoreSlim _start = new(1, 1);
    private readonly Channel<EngineEvent> _inbox = Channel.CreateUnbounded<EngineEvent>(new UnboundedChannelOptions { SingleReader = true });
    private IDisposable? _subscription;
    private Task? _pump;

    public ColleaguesState State => store.State;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _start.WaitAsync(cancellationToken);
        try
        {
            if (State.IsStarted)
            {
                return;
            }

            _subscription = bus.Subscribe(EventTopic.Colleagues, e =>
            {
                // The topic carries presence, conversation changes and queue lengths, never messages (ADR 008).
                if (e is AgentStatusChanged or ConversationChanged or QueueLengthChanged)
                {
                    _inbox.Writer.TryWrite(e);
                }
            });
            var presence = await engine.GetPresenceAsync();
            var open = await engine.GetOpenConversationsAsync();
            var queues = await engine.GetQueueLengthsAsync();
            var directory = await queries.DirectoryAsync(cancellationToken);
            var groups = await queries.ReceptionGroupsAsync(cancellationToken);
            var names = await queries.VisitorNamesAsync([.. open.Select(c => c.VisitorId).Distinct()], cancellationToken);
            var zone = await queries.TimeZoneAsync(cancellationToken);
            Mutate(_ => new ColleaguesState
            {
                IsStarted = true,
                Presence = presence.ToImmutableDictionary(p => p.AgentId),
                Open = open.ToImmutableDictionary(c => c.Id),
                QueueLengths = queues.ToImmutableDictionary(),
                Directory = directory,
                Groups = groups,
                VisitorNames = names.ToImmutableDictionary(),
                TimeZone = zone,
            });
            _pump = Task.Run(PumpAsync, CancellationToken.None);
        }
        finally
        {
            _start.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _inbox.Writer.TryComplete();
        if (_pump is not null)
        {
            await _pump;
        }
    }

    private async Task PumpAsync()
    {
        await foreach (var engineEvent in _inbox.Reader.ReadAllAsync())
        {
            try
            {
                await ApplyAsync(engineEvent);
            }
            catch (Exception exception)
            {
                LogApplyFailed(exception, engineEvent.GetType().Name);
            }
        }
    }

    private async Task ApplyAsync(EngineEvent engineEvent)
    {
        switch (engineEvent)
        {
            case AgentStatusChanged status:
                Mutate(s => s with
                {
                    Presence = s.Presence.SetItem(status.AgentId, s.Presence.TryGetValue(status.AgentId, out var known)
                        ? known with { Status = status.Status, Since = status.Since }
                        : new AgentPresenceView(status.AgentId, status.Status, status.Since, 0, 0)),
                });
                break;
            case ConversationChanged { Conversation: var view }:
                if (view.State == ConversationState.Ended)
                {
                    Mutate(s => s.Open.ContainsKey(view.Id) ? s with { Open = s.Open.Remove(view.Id) } : s);
                    break;
                }

                if (!State.VisitorNames.ContainsKey(view.VisitorId))
                {
                    var names = await queries.VisitorNamesAsync([view.VisitorId]);
                    Mutate(s => s with { VisitorNames = s.VisitorNames.SetItem(view.VisitorId, names.GetValueOrDefault(view.VisitorId)) });
                }

                Mutate(s => s with { Open = s.Open.SetItem(view.Id, view) });
                break;
            case QueueLengthChanged queue:
                Mutate(s => s with { QueueLengths = s.QueueLengths.SetItem(queue.ReceptionGroupId, queue.Length) });
                break;
            default:
                break;
        }
    }

    private void Mutate(Func<ColleaguesState, ColleaguesState> change) => store.Mutate(change);

    [LoggerMessage(Level = LogLevel.Error, Message = "The colleagues board could not apply a {Event}")]
    private partial void LogApplyFailed(Exception exception, string @event);
}
