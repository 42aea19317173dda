using System.Net;
using System.Net.Sockets;

namespace CustomerService.Web.Features.Visitors.Geo;

/// <summary>
/// Regions from the ip2region database shipped with the app (SPEC E3): Chinese province and city, the country
/// elsewhere. The database covers IPv4 only, so an IPv6 visitor is unknown unless his address is IPv4-mapped.
/// </summary>
public sealed class Ip2RegionResolver(Ip2RegionDatabase database) : IRegionResolver
{
    private const string China = "中国";

    // How the database marks reserved ranges it knows as private.
    private const string PrivateMarker = "内网IP";

    public ValueTask<string?> ResolveAsync(IPAddress address, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Resolve(address));

    public string? Resolve(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (RegionNames.IsLocalNetwork(address))
        {
            return RegionNames.LocalNetwork;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetwork || database.Find(RegionNames.ToNumber(address)) is not { } record)
        {
            return null;
        }

        if (record.Province == PrivateMarker || record.City == PrivateMarker)
        {
            return RegionNames.LocalNetwork;
        }

        return record.Country == China
            ? RegionNames.Format(record.Province ?? record.Country, record.City)
            : RegionNames.Format(record.Country, record.City);
    }
}
