using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Phrases;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Settings.ChatPreferences;
using CustomerService.Web.Features.Settings.Phrases;
using CustomerService.Web.Infrastructure;

using CustomerService.Web.Features.Conversations.Summaries;
using CustomerService.Web.Features.Visitors.Api;

namespace CustomerService.Web.Features.Console;

/// <summary>
/// One agent's console in one circuit (SPEC F). Scoped, so each tab has its own: it tells the engine the console is
/// open (<see cref="ConversationEngine.AgentConnectedAsync"/>) and closed again when the circuit's connection drops or the
/// circuit ends; the engine counts connections, so a second tab or a refresh keeps the agent present.
/// <para>
/// It follows the engine's events for the agent (<see cref="EventTopic.Agent"/>) and the queues
/// (<see cref="EventTopic.Colleagues"/>): handlers only hand events to a channel, and one pump applies them in order to an
/// immutable <see cref="ConsoleState"/>, then raises <see cref="Changed"/>; components re-render through
/// <c>InvokeAsync</c>. Subscriptions are made before the first reads, so nothing falls between a read and the events.
/// Every change of a conversation is asked of the engine; this class only reads and remembers.
/// </para>
/// </summary>
public sealed partial class ConsoleSession : IAsyncDisposable
{
    private readonly ConversationEngine _engine;
    private readonly IEngineEventBus _bus;
    private readonly ConsoleQueries _queries;
    private readonly PendingSummaries _pendingSummaries;
    private readonly UploadedFiles _uploads;
    private readonly Visitors.Trajectory.VisitorTrajectoryQuery _trajectory;
    private readonly Security.DataScopeFilter _dataScope;
    private readonly CannedPhraseCatalog _catalog;
    private readonly ChatPreferencesService _preferences;
    private readonly ChangeFeed<PhrasesChanged> _phraseChanges;
    private readonly TimeProvider _clock;
    private readonly ILogger<ConsoleSession> _logger;

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly Channel<Inbound> _inbox = Channel.CreateUnbounded<Inbound>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<IDisposable> _subscriptions = [];

    /// <summary>Conversations this console is ending itself: their end removes them instead of listing them as ended.</summary>
    private readonly ConcurrentDictionary<long, byte> _closing = new();

    /// <summary>Offers this console is answering: their resolution needs no “withdrawn” toast.</summary>
    private readonly ConcurrentDictionary<long, byte> _answering = new();

    private ConsoleState _state = ConsoleState.Empty;
    private IDisposable? _monitorSubscription;
    private Task? _pump;
    private long _selectOnArrival;
    private bool _engineConnected;
    private bool _pageHidden;
    private bool _disposed;

    public ConsoleSession(
        ConversationEngine engine,
        IEngineEventBus bus,
        ConsoleQueries queries,
        PendingSummaries pendingSummaries,
        UploadedFiles uploads,
        Visitors.Trajectory.VisitorTrajectoryQuery trajectory,
        Security.DataScopeFilter dataScope,
        CannedPhraseCatalog catalog,
        ChatPreferencesService preferences,
        ChangeFeed<PhrasesChanged> phraseChanges,
        TimeProvider clock,
        ILogger<ConsoleSession> logger)
    {
        _engine = engine;
        _bus = bus;
        _queries = queries;
        _pendingSummaries = pendingSummaries;
        _uploads = uploads;
        _trajectory = trajectory;
        _dataScope = dataScope;
        _catalog = catalog;
        _preferences = preferences;
        _phraseChanges = phraseChanges;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Something changed in <see cref="State"/>, <see cref="Phrases"/> or <see cref="Preferences"/>; raised on any thread.</summary>
    public event Action? Changed;

    /// <summary>A message for the agent (accepted transfer, refused action…); raised on any thread.</summary>
    public event Action<ConsoleToast>? Toasted;

    /// <summary>A new conversation, visitor message or offer: the page plays the sound when the agent wants it.</summary>
    public event Action<ConsoleAlert>? Alerted;

    public int AgentId { get; private set; }

    public bool IsAdmin { get; private set; }

    public ConsoleState State => Volatile.Read(ref _state);

    /// <summary>The published phrases this agent may use (SPEC F6, F8), reloaded when someone publishes.</summary>
    public PhraseBook Phrases { get; private set; } = PhraseBook.Empty;

    public ChatPreferenceValues Preferences { get; private set; } = ChatPreferences.Defaults;

    /// <summary>The enterprise's time zone: the console's clocks and “today”.</summary>
    public TimeZoneInfo TimeZone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Every reception group's name by id.</summary>
    public IReadOnlyDictionary<int, string> GroupNames { get; private set; } = new Dictionary<int, string>();

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
                Preferences = await _preferences.GetAsync(AgentId, cancellationToken);
                return;
            }

            AgentId = agentId;
            IsAdmin = isAdmin;
            _subscriptions.Add(_bus.Subscribe(EventTopic.Agent(agentId), e => Enqueue(e)));
            _subscriptions.Add(_bus.Subscribe(EventTopic.Colleagues, e =>
            {
                // Everyone's messages pass here too; the console only wants the queue lengths from this topic.
                if (e is QueueLengthChanged)
                {
                    Enqueue(e);
                }
            }));
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
        var groups = await _queries.QueueGroupsAsync(AgentId, IsAdmin, cancellationToken);
        var names = await _queries.VisitorNamesAsync([.. conversations.Select(c => c.VisitorId).Distinct()], cancellationToken);
        var lastMessages = await _queries.LastMessagesAsync([.. conversations.Select(c => c.Id)], cancellationToken);
        var today = await _queries.WorkDayAsync(AgentId, Now, cancellationToken);
        var offerTiles = new List<TransferOffer>();
        foreach (var offer in offers)
        {
            offerTiles.Add(await OfferOfAsync(offer, cancellationToken));
        }

        TimeZone = await _queries.TimeZoneAsync(cancellationToken);
        GroupNames = (await _queries.ReceptionGroupsAsync(cancellationToken)).ToDictionary(g => g.Id, g => g.Name);
        Phrases = await _catalog.LoadAsync(AgentId, cancellationToken);
        Preferences = await _preferences.GetAsync(AgentId, cancellationToken);

        var tiles = conversations.Select(view =>
        {
            var tile = ConversationTile.From(view, names.GetValueOrDefault(view.VisitorId));
            return lastMessages.TryGetValue(view.Id, out var last) ? tile with { LastMessage = last.Text, LastMessageAt = last.SentAt } : tile;
        }).ToImmutableDictionary(t => t.Id);
        var first = TileOrder.ForList(tiles.Values).FirstOrDefault()?.Id;
        Mutate(_ => ConsoleState.Empty with
        {
            IsStarted = true,
            Status = presence.Status,
            Conversations = tiles,
            Offers = [.. offerTiles],
            QueueGroups = [.. groups],
            QueueLengths = queues.ToImmutableDictionary(),
            Today = today,
            SelectedId = first,
        });
        if (first is { } selected)
        {
            await EnsureThreadAsync(selected, cancellationToken);
        }
    }

    /// <summary>The circuit lost its connection: the agent counts as gone (the engine's grace period runs).</summary>
    public async Task ConnectionDownAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (_engineConnected && !_disposed)
            {
                _engineConnected = false;
                await _engine.AgentDisconnectedAsync(AgentId);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>The circuit reconnected: the agent is back (Online again if the grace period had run out).</summary>
    public async Task ConnectionUpAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (!_engineConnected && !_disposed && State.IsStarted)
            {
                var presence = await _engine.AgentConnectedAsync(AgentId);
                _engineConnected = true;
                Mutate(s => s with { Status = presence.Status });
            }
        }
        catch (Domain.Common.RuleViolationException refused)
        {
            // The account was disabled meanwhile: the console stays as it is until sign-in revalidation ends the session.
            LogReconnectRefused(AgentId, refused.Violation.Code);
        }
        finally
        {
            _lifecycle.Release();
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

    private void Enqueue(EngineEvent engineEvent) => _inbox.Writer.TryWrite(new Inbound(engineEvent));

    private async Task PumpAsync()
    {
        await foreach (var inbound in _inbox.Reader.ReadAllAsync())
        {
            try
            {
                await ApplyAsync(inbound.Event);
            }
            catch (Exception exception)
            {
                // One event the console could not show must not stop the ones after it.
                LogApplyFailed(exception, inbound.Event.GetType().Name);
            }
        }
    }

    /// <summary>Replaces the state under the lock and tells the components, outside it.</summary>
    private void Mutate(Func<ConsoleState, ConsoleState> change)
    {
        bool changed;
        lock (_gate)
        {
            var next = change(_state);
            changed = !ReferenceEquals(next, _state);
            Volatile.Write(ref _state, next);
        }

        if (changed)
        {
            Changed?.Invoke();
        }
    }

    private void Toast(ConsoleToast toast) => Toasted?.Invoke(toast);

    private async Task ReloadPhrasesAsync()
    {
        try
        {
            Phrases = await _catalog.LoadAsync(AgentId);
            Changed?.Invoke();
        }
        catch (Exception exception)
        {
            LogApplyFailed(exception, nameof(PhrasesChanged));
        }
    }

    private readonly record struct Inbound(EngineEvent Event);

    [LoggerMessage(Level = LogLevel.Error, Message = "The console could not apply a {Event}")]
    private partial void LogApplyFailed(Exception exception, string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {AgentId}'s console reconnected but the engine refused him: {Code}")]
    private partial void LogReconnectRefused(int agentId, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the engine that agent {AgentId}'s console closed")]
    private partial void LogDisconnectFailed(Exception exception, int agentId);
}
