using System.Collections.Concurrent;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>
/// The visitors' signs of life per conversation — an open event stream, any authenticated request on it — so the
/// engine's sweep can tell a queued visitor who is gone from one who is waiting (SPEC D3 abandoned). Written by request
/// threads, read by the engine's loop. Memory only: what a restart means for it is decided in the engine's sweep.
/// </summary>
public sealed class VisitorLiveness(TimeProvider clock)
{
    private readonly ConcurrentDictionary<long, Signs> _signs = new();

    /// <summary>An authenticated request of the visitor on the conversation (state, messages, typing…).</summary>
    public void Seen(long conversationId)
    {
        var signs = _signs.GetOrAdd(conversationId, _ => new Signs());
        lock (signs)
        {
            signs.LastSeenAt = clock.GetUtcNow().UtcDateTime;
        }
    }

    /// <summary>The visitor's event stream opened; he is alive until the returned handle is disposed (stream closed).</summary>
    public IDisposable StreamOpened(long conversationId)
    {
        var signs = _signs.GetOrAdd(conversationId, _ => new Signs());
        lock (signs)
        {
            signs.OpenStreams++;
            signs.LastSeenAt = clock.GetUtcNow().UtcDateTime;
        }

        return new StreamHandle(signs, clock);
    }

    /// <summary>The visitor's last sign of life: <paramref name="now"/> while a stream is open, null when never seen by this process.</summary>
    public DateTime? LastSignOfLife(long conversationId, DateTime now)
    {
        if (!_signs.TryGetValue(conversationId, out var signs))
        {
            return null;
        }

        lock (signs)
        {
            return signs.OpenStreams > 0 ? now : signs.LastSeenAt;
        }
    }

    /// <summary>Drops what is known of conversations no longer open and no longer streamed, so the record stays small.</summary>
    public void Prune(Func<long, bool> isOpen)
    {
        ArgumentNullException.ThrowIfNull(isOpen);
        foreach (var (conversationId, signs) in _signs)
        {
            bool streaming;
            lock (signs)
            {
                streaming = signs.OpenStreams > 0;
            }

            if (!streaming && !isOpen(conversationId))
            {
                _signs.TryRemove(conversationId, out _);
            }
        }
    }

    private sealed class Signs
    {
        public int OpenStreams { get; set; }

        public DateTime? LastSeenAt { get; set; }
    }

    private sealed class StreamHandle(Signs signs, TimeProvider clock) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            lock (signs)
            {
                signs.OpenStreams--;
                signs.LastSeenAt = clock.GetUtcNow().UtcDateTime;
            }
        }
    }
}
