using System.Collections.Immutable;

namespace CustomerService.Web.Features.Console;

/// <summary>
/// One circuit's state of a kind (<see cref="ConsoleState"/>, <see cref="ColleaguesState"/>): an immutable record swapped
/// whole under a lock, so components read it while rendering on their own thread while events keep changing it on
/// another. Subscribers hear of every change, outside the lock, on the thread that made it; components marshal with
/// <c>InvokeAsync</c>. Scoped: every component and service of the circuit shares the same one.
/// </summary>
public sealed class CircuitStore<TState>
    where TState : class, new()
{
    private readonly Lock _gate = new();
    private TState _state = new();
    private ImmutableArray<Action> _listeners = [];

    public TState State => Volatile.Read(ref _state);

    /// <summary>
    /// Applies <paramref name="change"/> to the current state; returning the same instance means “nothing changed” and
    /// tells nobody. Returns whether it changed.
    /// </summary>
    public bool Mutate(Func<TState, TState> change)
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
            foreach (var listener in _listeners)
            {
                listener();
            }
        }

        return changed;
    }

    /// <summary>Calls <paramref name="onChanged"/> after every change until the returned subscription is disposed.</summary>
    public IDisposable Subscribe(Action onChanged)
    {
        ArgumentNullException.ThrowIfNull(onChanged);
        ImmutableInterlocked.Update(ref _listeners, list => list.Add(onChanged));
        return new Subscription(this, onChanged);
    }

    private sealed class Subscription(CircuitStore<TState> store, Action onChanged) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                ImmutableInterlocked.Update(ref store._listeners, list => list.Remove(onChanged));
            }
        }
    }
}
