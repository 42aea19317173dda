using System.Net;

namespace CustomerService.Web.Features.Visitors.Geo;

/// <summary>
/// 地区 of a visitor from his IP address (SPEC E3). Pluggable: a GeoIP database when one is configured, otherwise
/// nothing is known. Implementations are singletons and must be thread-safe.
/// </summary>
public interface IRegionResolver
{
    /// <summary>
    /// A display name such as “广东 深圳” or “United States”, or null when unknown (the UI shows 未知). Private,
    /// loopback and unroutable addresses are always unknown.
    /// </summary>
    ValueTask<string?> ResolveAsync(IPAddress address, CancellationToken cancellationToken = default);
}
