using System.Net;
using Microsoft.Extensions.Caching.Memory;

namespace CustomerService.Web.Features.Visitors.Geo;

/// <summary>
/// Remembers recent resolutions per address, so a visitor's every page view does not search the database again.
/// Bounded: at most <see cref="Capacity"/> addresses; past that, new ones are resolved but not remembered until the
/// cache has compacted, and an address unseen for <see cref="IdleLifetime"/> is forgotten.
/// </summary>
public sealed class CachedRegionResolver : IRegionResolver, IDisposable
{
    public const int Capacity = 10_000;
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(1);

    private readonly IRegionResolver _inner;
    private readonly MemoryCache _cache;

    public CachedRegionResolver(IRegionResolver inner, int capacity = Capacity)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _inner = inner;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity });
    }

    /// <summary>The resolver asked on a cache miss.</summary>
    public IRegionResolver Inner => _inner;

    /// <summary>How many addresses are remembered now.</summary>
    public int Count => _cache.Count;

    public async ValueTask<string?> ResolveAsync(IPAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (_cache.TryGetValue(address, out string? cached))
        {
            return cached;
        }

        var region = await _inner.ResolveAsync(address, cancellationToken);
        _cache.Set(address, region, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = IdleLifetime });
        return region;
    }

    public void Dispose()
    {
        _cache.Dispose();
        (_inner as IDisposable)?.Dispose();
    }
}
