using System.Net;

namespace CustomerService.Web.Features.Visitors.Geo;

/// <summary>The default when no GeoIP database is configured: every region is unknown (未知).</summary>
public sealed class UnknownRegionResolver : IRegionResolver
{
    public ValueTask<string?> ResolveAsync(IPAddress address, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<string?>(null);
}
