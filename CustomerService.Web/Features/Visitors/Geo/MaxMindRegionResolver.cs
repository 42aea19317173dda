using System.Net;
using MaxMind.GeoIP2;
using MaxMind.GeoIP2.Exceptions;

namespace CustomerService.Web.Features.Visitors.Geo;

/// <summary>
/// Regions from a MaxMind GeoIP2 / GeoLite2 City database (<c>Geo:MaxMindDatabasePath</c>), IPv4 and IPv6: province
/// and city inside China, country and city elsewhere, in Chinese where the database has the name, else in English.
/// </summary>
public sealed class MaxMindRegionResolver : IRegionResolver, IDisposable
{
    private const string ChinaIsoCode = "CN";
    private static readonly string[] Locales = ["zh-CN", "en"];

    private readonly DatabaseReader _reader;

    /// <summary>Opens the database now, so a missing or broken file stops the app at start rather than at a visit.</summary>
    public MaxMindRegionResolver(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        if (!File.Exists(databasePath))
        {
            throw new InvalidOperationException(
                $"{GeoServiceCollectionExtensions.MaxMindDatabasePathKey} is '{databasePath}', but no such file exists. " +
                "Point it at a GeoIP2 or GeoLite2 City .mmdb file, or leave it empty to use the shipped ip2region data.");
        }

        try
        {
            _reader = new DatabaseReader(databasePath, Locales);
        }
        catch (Exception exception) when (exception is MaxMind.Db.InvalidDatabaseException or IOException)
        {
            throw new InvalidOperationException(
                $"{GeoServiceCollectionExtensions.MaxMindDatabasePathKey} '{databasePath}' is not a readable MaxMind database: {exception.Message}",
                exception);
        }
    }

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

        try
        {
            if (!_reader.TryCity(address, out var city) || city is null)
            {
                return null;
            }

            var country = city.Country.Name;
            return city.Country.IsoCode == ChinaIsoCode
                ? RegionNames.Format(city.MostSpecificSubdivision.Name ?? country, city.City.Name)
                : RegionNames.Format(country, city.City.Name);
        }
        catch (GeoIP2Exception)
        {
            // An address the database cannot describe (e.g. IPv6 in an IPv4-only file) is simply unknown.
            return null;
        }
    }

    public void Dispose() => _reader.Dispose();
}
