using System.Collections.Immutable;

namespace CustomerService.Web.Features.Console;

/// <summary>
/// The one-second beat of a circuit's running clocks (SPEC F2 wait timers, F4 today's times, F5 durations): one timer per
/// circuit, running only while a <see cref="TickingText"/> listens, so the page itself never redraws on a timer.
/// </summary>
public sealed class SecondTicker(TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private ImmutableArray<Action> _listeners = [];
    private ITimer? _timer;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IDisposable Subscribe(Action onTick)
    {
        ArgumentNullException.ThrowIfNull(onTick);
        lock (_gate)
        {
            _listeners = _listeners.Add(onTick);
            _timer ??= clock.CreateTimer(_ => Tick(), null, Interval, Interval);
        }

        return new Subscription(this, onTick);
    }

    /// <summary>Tells every clock that a second passed; the timer calls it (and tests, instead of waiting a second).</summary>
    public void Tick()
    {
        foreach (var listener in _listeners)
        {
            listener();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _listeners = [];
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Unsubscribe(Action onTick)
    {
        lock (_gate)
        {
            _listeners = _listeners.Remove(onTick);
            if (_listeners.IsEmpty)
            {
                _timer?.Dispose();
                _timer = null;
            }
        }
    }

    private sealed class Subscription(SecondTicker ticker, Action onTick) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                ticker.Unsubscribe(onTick);
            }
        }
    }
}
