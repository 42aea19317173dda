namespace CustomerService.Web.Infrastructure;

/// <summary>
/// In-process announcements that settings data changed (a notice posted, phrases published), so open circuits can
/// refresh what they show. Handlers run on the publisher's thread and must not block: a component marshals with
/// <c>InvokeAsync</c> and returns. Payloads are small immutable records. One node only; with several nodes this
/// becomes the backplane's job (SPEC A, scale-out path).
/// </summary>
public sealed class ChangeFeed<TEvent>(ILogger<ChangeFeed<TEvent>> logger)
    where TEvent : class
{
    private readonly Lock _gate = new();
    private Action<TEvent>[] _handlers = [];

    /// <summary>Calls <paramref name="handler"/> for every event from now on, until the result is disposed.</summary>
    public IDisposable Subscribe(Action<TEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            _handlers = [.. _handlers, handler];
        }

        return new Subscription(this, handler);
    }

    public void Publish(TEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            try
            {
                handler(change);
            }
            catch (Exception ex)
            {
                // One broken subscriber (a circuit going away) must not keep the news from the others.
                logger.LogWarning(ex, "A subscriber of {Event} failed", typeof(TEvent).Name);
            }
        }
    }

    private void Unsubscribe(Action<TEvent> handler)
    {
        lock (_gate)
        {
            _handlers = _handlers.Where(h => !ReferenceEquals(h, handler)).ToArray();
        }
    }

    private sealed class Subscription(ChangeFeed<TEvent> feed, Action<TEvent> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                feed.Unsubscribe(handler);
            }
        }
    }
}
