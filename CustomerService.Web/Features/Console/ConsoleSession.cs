using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Phrases;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Settings.ChatPreferences;
using CustomerService.Web.Features.Settings.Phrases;
using CustomerService.Web.Infrastructure;

namespace CustomerService.Web.Features.Console;

/// <summary>
/// One agent's console in one circuit (SPEC F): its lifecycle and its event pump. Scoped, so each tab has its own: it
/// tells the engine the console is open (<see cref="ConversationEngine.AgentConnectedAsync"/>) and closed again when the
/// circuit's connection drops or the circuit ends; the engine counts connections, so a second tab or a refresh keeps the
/// agent present.
/// <para>
/// It follows the engine's events for the agent (<see cref="EventTopic.Agent"/>) and the queues of his groups
/// (<see cref="EventTopic.Queue"/>): handlers only hand events to a channel, and one pump applies them in order to the
/// immutable <see cref="ConsoleState"/> in the circuit's <see cref="CircuitStore{TState}"/>, which tells the components.
/// Subscriptions are made before the first reads, so nothing falls between a read and the events. Every change of a
/// conversation is asked of the engine; this class keeps only what the console itself must remember (what it is
/// ending, which offers it is answering, what it is sending). Reads for panels and dialogs are <see cref="ConsoleReads"/>.
/// </para>
/// </summary>
public sealed partial class ConsoleSession : IAsyncDisposable
{
    private readonly ConversationEngine _engine;
    private readonly IEngineEventBus _bus;
    private readonly CircuitStore<ConsoleState> _store;
    private readonly ConsoleQueries _queries;
    private readonly CannedPhraseCatalog _catalog;
    private readonly ChatPreferencesService _preferences;
    private readonly ChangeFeed<PhrasesChanged> _phraseChanges;
    private readonly TimeProvider _clock;
    private readonly ILogger<ConsoleSession> _logger;

    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly Channel<EngineEvent> _inbox = Channel.CreateUnbounded<EngineEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<IDisposable> _subscriptions = [];

    /// <summary>Conversations this console is ending itself: their end removes them instead of listing them as ended.</summary>
    private readonly ConcurrentDictionary<long, byte> _closing = new();

    /// <summary>Offers this console is answering: their resolution needs no “withdrawn” toast.</summary>
    private readonly ConcurrentDictionary<long, byte> _answering = new();

    private IDisposable? _monitorSubscription;
    private Task? _pump;
    private long _selectOnArrival;
    private bool _engineConnected;
    private bool _pageHidden;
    private bool _disposed;

    public ConsoleSession(
        ConversationEngine engine,
        IEngineEventBus bus,
        CircuitStore<ConsoleState> store,
        ConsoleQueries queries,
        CannedPhraseCatalog catalog,
        ChatPreferencesService preferences,
        ChangeFeed<PhrasesChanged> phraseChanges,
        TimeProvider clock,
        ILogger<ConsoleSession> logger)
    {
        _engine = engine;
        _bus = bus;
        _store = store;
        _queries = queries;
        _catalog = catalog;
        _preferences = preferences;
        _phraseChanges = phraseChanges;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>A message for the agent (accepted transfer, refused action…); raised on any thread.</summary>
    public event Action<ConsoleToast>? Toasted;

    /// <summary>A new conversation, visitor message or offer: the page plays the sound when the agent wants it.</summary>
    public event Action<ConsoleAlert>? Alerted;

    public int AgentId => State.AgentId;

    public bool IsAdmin => State.IsAdmin;

    /// <summary>The circuit's console state, which the components read and subscribe to.</summary>
    public CircuitStore<ConsoleState> Store => _store;

    public ConsoleState State => _store.State;

    public DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Opens the console: subscribes, tells the engine the agent is here (he becomes Online unless the enterprise says
    /// otherwise), then reads his conversations, offers, queues and today's work. Later calls only refresh preferences.
    /// </summary>
    public async Task StartAsync(int agentId, bool isAdmin, CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (State.IsStarted)
            {
                var preferences = await _preferences.GetAsync(AgentId, cancellationToken);
                Mutate(s => s with { Preferences = preferences });
                return;
            }

            // The queue topics follow the groups this agent sees, so those are read before subscribing; the queue
            // lengths themselves are read after (LoadAsync), so no change falls between.
            var groups = await _queries.QueueGroupsAsync(agentId, isAdmin, cancellationToken);
            Mutate(s => s with { AgentId = agentId, IsAdmin = isAdmin, QueueGroups = [.. groups] });
            _subscriptions.Add(_bus.Subscribe(EventTopic.Agent(agentId), Enqueue));
            foreach (var group in groups)
            {
                _subscriptions.Add(_bus.Subscribe(EventTopic.Queue(group.Id), Enqueue));
            }

            _subscriptions.Add(_phraseChanges.Subscribe(change =>
            {
                if (change.Owner.IsEnterprise || change.Owner.AccountId == agentId)
                {
                    _ = ReloadPhrasesAsync();
                }
            }));

            var presence = await _engine.AgentConnectedAsync(agentId);
            _engineConnected = true;
            await LoadAsync(presence, cancellationToken);
            _pump = Task.Run(PumpAsync, CancellationToken.None);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private async Task LoadAsync(AgentPresenceView presence, CancellationToken cancellationToken)
    {
        var conversations = await _engine.GetConversationsOfAgentAsync(AgentId);
        var offers = await _engine.GetPendingTransfersForAsync(AgentId);
        var queues = await _engine.GetQueueLengthsAsync();
        var names = await _queries.VisitorNamesAsync([.. conversations.Select(c => c.VisitorId).Distinct()], cancellationToken);
        var lastMessages = await _queries.LastMessagesAsync([.. conversations.Select(c => c.Id)], cancellationToken);
        var today = await _queries.WorkDayAsync(AgentId, Now, cancellationToken);
        var offerTiles = new List<TransferOffer>();
        foreach (var offer in offers)
        {
            offerTiles.Add(await OfferOfAsync(offer, cancellationToken));
        }

        var zone = await _queries.TimeZoneAsync(cancellationToken);
        var waitThresholds = await _queries.WaitThresholdsAsync(cancellationToken);
        var groupNames = (await _queries.ReceptionGroupsAsync(cancellationToken)).ToImmutableDictionary(g => g.Id, g => g.Name);
        var phrases = await _catalog.LoadAsync(AgentId, cancellationToken);
        var preferences = await _preferences.GetAsync(AgentId, cancellationToken);

        var tiles = conversations.Select(view =>
        {
            var tile = ConversationTile.From(view, names.GetValueOrDefault(view.VisitorId));
            return lastMessages.TryGetValue(view.Id, out var last) ? tile with { LastMessage = last.Text, LastMessageAt = last.SentAt } : tile;
        }).ToImmutableDictionary(t => t.Id);
        var first = TileOrder.ForList(tiles.Values).FirstOrDefault()?.Id;
        Mutate(s => s with
        {
            IsStarted = true,
            Status = presence.Status,
            Conversations = tiles,
            Offers = [.. offerTiles],
            // Only my groups' lengths: the others are not followed, so they would go stale.
            QueueLengths = queues.Where(q => s.QueueGroups.Any(g => g.Id == q.Key)).ToImmutableDictionary(),
            Today = today,
            SelectedId = first,
            TimeZone = zone,
            WaitThresholds = waitThresholds,
            GroupNames = groupNames,
            Phrases = phrases,
            Preferences = preferences,
        });
        if (first is { } selected)
        {
            await EnsureThreadAsync(selected, cancellationToken);
        }
    }

    /// <summary>The browser tab was hidden or shown: while hidden, messages of the open conversation count as unread too.</summary>
    public void SetPageVisible(bool visible)
    {
        _pageHidden = !visible;
        if (visible && State.SelectedId is { } id)
        {
            MarkRead(id);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }

            _monitorSubscription?.Dispose();
            _inbox.Writer.TryComplete();
            if (_engineConnected)
            {
                _engineConnected = false;
                try
                {
                    await _engine.AgentDisconnectedAsync(AgentId);
                }
                catch (InvalidOperationException exception)
                {
                    // The host is stopping and the engine with it: presence ends with the process anyway.
                    LogDisconnectFailed(exception, AgentId);
                }
            }
        }
        finally
        {
            _lifecycle.Release();
        }

        if (_pump is not null)
        {
            await _pump;
        }
    }

    private void Enqueue(EngineEvent engineEvent) => _inbox.Writer.TryWrite(engineEvent);

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
                // One event the console could not show must not stop the ones after it.
                LogApplyFailed(exception, engineEvent.GetType().Name);
            }
        }
    }

    private void Mutate(Func<ConsoleState, ConsoleState> change) => _store.Mutate(change);

    private void Toast(ConsoleToast toast) => Toasted?.Invoke(toast);

    private async Task ReloadPhrasesAsync()
    {
        try
        {
            var phrases = await _catalog.LoadAsync(AgentId);
            Mutate(s => s with { Phrases = phrases });
        }
        catch (Exception exception)
        {
            LogApplyFailed(exception, nameof(PhrasesChanged));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The console could not apply a {Event}")]
    private partial void LogApplyFailed(Exception exception, string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the engine that agent {AgentId}'s console closed")]
    private partial void LogDisconnectFailed(Exception exception, int agentId);
}
