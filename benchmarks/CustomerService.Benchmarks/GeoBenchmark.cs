using System.Diagnostics;
using System.Net;
using CustomerService.Web.Features.Visitors.Geo;

namespace CustomerService.Benchmarks;

/// <summary>
/// Region lookups (SPEC E3) against the shipped ip2region data: µs per lookup uncached (every address new to the
/// cache, as the first page view of each visitor) and cached (a visitor's later page views). Goal: under 50 µs.
/// </summary>
internal static class GeoBenchmark
{
    public static async Task RunAsync(int lookups)
    {
        var loading = Stopwatch.StartNew();
        var database = Ip2RegionDatabase.Shipped;
        loading.Stop();
        Console.WriteLine($"load ip2region.db: {loading.Elapsed.TotalMilliseconds:F0} ms");

        // Public addresses spread over the whole IPv4 space, the same sequence on every run.
        var random = new Random(20260101);
        var addresses = Enumerable.Range(0, lookups)
            .Select(_ => new IPAddress(BitConverter.GetBytes(random.Next(0x0100_0000, int.MaxValue) | 0x0100_0000)))
            .ToArray();

        var direct = new Ip2RegionResolver(database);
        foreach (var address in addresses.Take(1_000))
        {
            direct.Resolve(address);
        }

        var resolved = 0;
        var uncached = Stopwatch.StartNew();
        foreach (var address in addresses)
        {
            resolved += direct.Resolve(address) is null ? 0 : 1;
        }

        uncached.Stop();

        using var cached = new CachedRegionResolver(direct, capacity: lookups);
        foreach (var address in addresses)
        {
            await cached.ResolveAsync(address);
        }

        var hits = Stopwatch.StartNew();
        foreach (var address in addresses)
        {
            await cached.ResolveAsync(address);
        }

        hits.Stop();

        Console.WriteLine($"lookups: {lookups:N0}, with a region: {resolved:N0}");
        Console.WriteLine($"uncached: {uncached.Elapsed.TotalMicroseconds / lookups:F2} µs per lookup");
        Console.WriteLine($"cached:   {hits.Elapsed.TotalMicroseconds / lookups:F2} µs per lookup");
    }
}
