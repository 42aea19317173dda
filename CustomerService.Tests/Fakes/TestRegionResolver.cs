using System.Net;
using CustomerService.Web.Features.Visitors.Geo;

namespace CustomerService.Tests.Fakes;

/// <summary>Answers the same region for every address (or null for “unknown”), so tests need no GeoIP database.</summary>
public sealed class TestRegionResolver(string? region = "广东 深圳") : IRegionResolver
{
    public ValueTask<string?> ResolveAsync(IPAddress address, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(region);
}
