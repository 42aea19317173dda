using System.Net;
using CustomerService.Web.Features.Visitors.Geo;

namespace CustomerService.Tests.Features.Visitors.Geo;

/// <summary>Resolutions are remembered per address, within a bound.</summary>
public sealed class CachedRegionResolverTests
{
    [Fact]
    public async Task A_second_lookup_of_an_address_does_not_ask_the_database_again()
    {
        var inner = new CountingResolver();
        using var cached = new CachedRegionResolver(inner);

        var first = await cached.ResolveAsync(IPAddress.Parse("114.114.114.114"));
        var second = await cached.ResolveAsync(IPAddress.Parse("114.114.114.114"));
        await cached.ResolveAsync(IPAddress.Parse("8.8.8.8"));

        Assert.Equal(("114.114.114.114", "114.114.114.114"), (first, second));
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task An_unknown_region_is_remembered_too()
    {
        var inner = new CountingResolver(answer: null);
        using var cached = new CachedRegionResolver(inner);

        await cached.ResolveAsync(IPAddress.Parse("2001:db8::1"));
        Assert.Null(await cached.ResolveAsync(IPAddress.Parse("2001:db8::1")));

        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task The_cache_never_holds_more_addresses_than_its_capacity_and_still_answers_every_one()
    {
        var inner = new CountingResolver();
        using var cached = new CachedRegionResolver(inner, capacity: 2);

        var answers = new List<string?>();
        foreach (var ip in new[] { "1.0.0.1", "1.0.0.2", "1.0.0.3", "1.0.0.4" })
        {
            answers.Add(await cached.ResolveAsync(IPAddress.Parse(ip)));
        }

        Assert.Equal(["1.0.0.1", "1.0.0.2", "1.0.0.3", "1.0.0.4"], answers);
        Assert.InRange(cached.Count, 1, 2);
    }

    /// <summary>Answers the address itself (or a fixed answer) and counts how often it was asked.</summary>
    private sealed class CountingResolver(string? answer = "") : IRegionResolver
    {
        public int Calls { get; private set; }

        public ValueTask<string?> ResolveAsync(IPAddress address, CancellationToken cancellationToken = default)
        {
            Calls++;
            return ValueTask.FromResult(answer is "" ? address.ToString() : answer);
        }
    }
}
