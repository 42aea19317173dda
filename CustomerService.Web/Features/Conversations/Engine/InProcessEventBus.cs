using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>The single-node <see cref="IEngineEventBus"/>: subscriptions per topic in memory.</summary>
public sealed partial class InProcessEventBus(ILogger<InProcessEventBus> logger) : IEngineEventBus
{
    private readonly ConcurrentDictionary<EventTopic, ImmutableArray<Subscription>> _subscriptions = new();

    public void Publish(EngineEvent engineEvent)
    {
        ArgumentNullException.ThrowIfNull(engineEvent);
        foreach (var topic in engineEvent.Topics)
        {
            if (!_subscriptions.TryGetValue(topic, out var subscriptions))
            {
                continue;
            }

            foreach (var subscription in subscriptions)
            {
                try
                {
                    subscription.Handler(engineEvent);
                }
                catch (Exception exception)
                {
                    // One broken subscriber must not stop the others or the engine.
                    LogHandlerFailed(exception, topic);
                }
            }
        }
    }

    public IDisposable Subscribe(EventTopic topic, Action<EngineEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, topic, handler);
        _subscriptions.AddOrUpdate(topic, _ => [subscription], (_, existing) => existing.Add(subscription));
        return subscription;
    }

    public int SubscriptionCount(EventTopic topic) => _subscriptions.TryGetValue(topic, out var list) ? list.Length : 0;

    private void Remove(Subscription subscription)
    {
        while (_subscriptions.TryGetValue(subscription.Topic, out var existing))
        {
            var remaining = existing.Remove(subscription);
            var replaced = remaining.IsEmpty
                ? _subscriptions.TryRemove(KeyValuePair.Create(subscription.Topic, existing))
                : _subscriptions.TryUpdate(subscription.Topic, remaining, existing);
            if (replaced)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An engine event handler for {Topic} failed")]
    private partial void LogHandlerFailed(Exception exception, EventTopic topic);

    private sealed class Subscription(InProcessEventBus bus, EventTopic topic, Action<EngineEvent> handler) : IDisposable
    {
        private int _disposed;

        public EventTopic Topic { get; } = topic;

        public Action<EngineEvent> Handler { get; } = handler;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                bus.Remove(this);
            }
        }
    }
}
