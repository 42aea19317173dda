namespace CustomerService.Web.Infrastructure;

/// <summary>
/// A value read from the database at most once per <see cref="Lifetime"/>, for what every visitor request or poll asks
/// (settings, the emoji list) and changes seldom. A change on this node drops it at once (<see cref="Invalidate"/>);
/// another node of a cluster sees the change within the lifetime. A read that raced a change is tagged with the version
/// it started under, so it is never served after that change.
/// </summary>
/// <typeparam name="T">An immutable value, shared by every reader.</typeparam>
public sealed class ExpiringSnapshot<T>(TimeProvider clock, TimeSpan lifetime)
    where T : class
{
    private volatile Entry? _entry;
    private int _version;

    public TimeSpan Lifetime => lifetime;

    public async ValueTask<T> GetAsync(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        var now = clock.GetUtcNow();
        var version = Volatile.Read(ref _version);
        if (_entry is { } entry && entry.Version == version && now < entry.ExpiresAt)
        {
            return entry.Value;
        }

        var value = await read(cancellationToken);
        _entry = new Entry(value, now + lifetime, version);
        return value;
    }

    public void Invalidate() => Interlocked.Increment(ref _version);

    private sealed record Entry(T Value, DateTimeOffset ExpiresAt, int Version);
}
