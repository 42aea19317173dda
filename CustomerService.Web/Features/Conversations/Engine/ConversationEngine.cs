using System.Collections.Concurrent;
using System.Threading.Channels;
using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>
/// The one owner of conversation state (SPEC A, D): presence, queues, assignment, transfers, messages and endings.
/// <para>
/// Every request goes through one inbox and one loop, so decisions are serialised: two requests can never take the same
/// last slot. The loop drains what is waiting into a batch, runs each request against the in-memory state, commits the
/// batch in one transaction and only then publishes its events and answers the callers (persistence first). A request
/// that breaks a rule fails alone with a <see cref="RuleViolationException"/> and changes nothing; any other failure
/// fails the whole batch, whose callers were not answered, and the state is reloaded from the database.
/// </para>
/// The state held in memory is what the database says is open (conversations, queue, pending transfers, blacklist,
/// private contacts, round-robin), rebuilt at start; presence lives only in memory and in the status-period log.
/// </summary>
public sealed partial class ConversationEngine : IHostedService, IAsyncDisposable
{
    private readonly IDbContextFactory<CustomerServiceDbContext> _dbFactory;
    private readonly IEngineEventBus _bus;
    private readonly TimeProvider _clock;
    private readonly EngineOptions _options;
    private readonly ILogger<ConversationEngine> _logger;
    private readonly VisitorLiveness _liveness;
    private readonly Channel<EngineWork> _inbox = Channel.CreateUnbounded<EngineWork>(new UnboundedChannelOptions { SingleReader = true });

    // State below is touched only by the loop, except where noted.
    // Written by the loop only; concurrent so typing previews can look a conversation up from request threads.
    private readonly ConcurrentDictionary<long, LiveConversation> _live = new();
    private readonly Dictionary<long, long> _openByVisitor = [];
    private readonly Dictionary<int, AgentPresence> _presence = [];
    private readonly Dictionary<long, BlacklistEntry> _blacklist = [];
    private readonly Dictionary<long, int> _privateContacts = [];
    private readonly Dictionary<int, GroupRoundRobin> _roundRobin = [];
    private readonly Dictionary<int, HandlingTimes> _handlingTimes = [];
    private readonly Dictionary<int, int> _announcedQueueLengths = [];
    private IdSequences _ids = new();
    private DateTime _startedAt;
    private bool _stateNeedsReload;
    private Task? _loop;
    private int _started;

    public ConversationEngine(
        IDbContextFactory<CustomerServiceDbContext> dbFactory,
        IEngineEventBus bus,
        TimeProvider clock,
        IOptions<EngineOptions> options,
        ILogger<ConversationEngine> logger,
        VisitorLiveness liveness)
    {
        _liveness = liveness;
        _dbFactory = dbFactory;
        _bus = bus;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Rebuilds the state from the database (recovery), then starts taking requests.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        _startedAt = _clock.GetUtcNow().UtcDateTime;
        await LoadStateAsync(afterRestart: true, cancellationToken);
        _loop = Task.Run(RunLoopAsync, CancellationToken.None);
    }

    /// <summary>Finishes the requests already accepted, then stops.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _inbox.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private Task<T> Submit<T>(Func<EngineBatch, Task<T>> operation)
    {
        var work = new EngineWork<T>(operation);
        if (!_inbox.Writer.TryWrite(work))
        {
            throw new InvalidOperationException("The conversation engine is not running.");
        }

        return work.Task;
    }

    private Task Submit(Func<EngineBatch, Task> operation) => Submit<bool>(async batch =>
    {
        await operation(batch);
        return true;
    });

    private async Task RunLoopAsync()
    {
        var works = new List<EngineWork>(_options.MaxBatchSize);
        while (await _inbox.Reader.WaitToReadAsync())
        {
            works.Clear();
            while (works.Count < _options.MaxBatchSize && _inbox.Reader.TryRead(out var work))
            {
                works.Add(work);
            }

            await RunBatchAsync(works);
        }
    }

    private async Task RunBatchAsync(List<EngineWork> works)
    {
        var answered = new List<EngineWork>(works.Count);
        try
        {
            if (_stateNeedsReload)
            {
                await LoadStateAsync(afterRestart: false, CancellationToken.None);
            }

            await using var batch = new EngineBatch(
                await _dbFactory.CreateDbContextAsync(), _clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            foreach (var work in works)
            {
                var eventCount = batch.Events.Count;
                try
                {
                    await work.RunAsync(batch);
                    answered.Add(work);
                }
                catch (RuleViolationException violation)
                {
                    // Rules are checked before anything changes, so only this request's announcements are dropped.
                    batch.Events.RemoveRange(eventCount, batch.Events.Count - eventCount);
                    work.Fail(violation);
                }
            }

            if (batch.CapacityChanged)
            {
                await DrainQueuesAsync(batch);
            }

            if (batch.QueuesChanged)
            {
                await AnnounceQueuesAsync(batch);
            }

            if (batch.Db.ChangeTracker.HasChanges())
            {
                await batch.Db.SaveChangesAsync();
            }

            foreach (var engineEvent in batch.Events)
            {
                _bus.Publish(engineEvent);
            }

            foreach (var work in answered)
            {
                work.Complete();
            }
        }
        catch (Exception exception)
        {
            LogBatchFailed(exception, works.Count);
            foreach (var work in works)
            {
                work.Fail(exception);
            }

            _stateNeedsReload = true;
        }
    }

    private abstract class EngineWork
    {
        public abstract Task RunAsync(EngineBatch batch);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class EngineWork<T>(Func<EngineBatch, Task<T>> operation) : EngineWork
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _completion.Task;

        public override async Task RunAsync(EngineBatch batch) => _result = await operation(batch);

        public override void Complete() => _completion.TrySetResult(_result!);

        public override void Fail(Exception exception) => _completion.TrySetException(exception);
    }

    /// <summary>Next ids of the rows the engine numbers itself (it is their only writer).</summary>
    private sealed class IdSequences
    {
        public long Conversation { get; set; }
        public long Message { get; set; }
        public long Transfer { get; set; }
        public long Blacklist { get; set; }
        public long LeaveMessage { get; set; }
        public long QueueTicket { get; set; }
        public long Invitation { get; set; }
    }

    /// <summary>Recent handling times of a group, for the queue's wait estimate (SPEC D3).</summary>
    private sealed class HandlingTimes
    {
        private const int Window = 50;
        private readonly Queue<TimeSpan> _recent = new();

        public void Add(TimeSpan duration)
        {
            _recent.Enqueue(duration);
            if (_recent.Count > Window)
            {
                _recent.Dequeue();
            }
        }

        public TimeSpan? Average => _recent.Count == 0 ? null : TimeSpan.FromTicks((long)_recent.Average(t => t.Ticks));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An engine batch of {Count} requests failed; nothing of it was stored and state is reloaded")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation engine recovered {Open} open conversations ({Queued} queued)")]
    private partial void LogRecovered(int open, int queued);
}
