using System.Net;

namespace CustomerService.Web.Features.Visitors.Geo;

/// <summary>
/// 地区 of a visitor from his IP address (SPEC E3). Pluggable: the ip2region data shipped with the app, or a MaxMind
/// GeoIP2 database when one is configured (see <see cref="GeoServiceCollectionExtensions"/>). Implementations are
/// singletons and must be thread-safe.
/// </summary>
public interface IRegionResolver
{
    /// <summary>
    /// A display name such as “广东省 深圳市” or “美国”, <see cref="RegionNames.LocalNetwork"/> (局域网) for private,
    /// loopback and link-local addresses, or null when unknown (the UI shows 未知).
    /// </summary>
    ValueTask<string?> ResolveAsync(IPAddress address, CancellationToken cancellationToken = default);
}
