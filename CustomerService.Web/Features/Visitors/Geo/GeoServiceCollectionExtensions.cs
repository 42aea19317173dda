using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerService.Web.Features.Visitors.Geo;

public static class GeoServiceCollectionExtensions
{
    /// <summary>The configuration key a MaxMind GeoIP2 / GeoLite2 City database path will be read from.</summary>
    public const string MaxMindDatabasePathKey = "Geo:MaxMindDatabasePath";

    /// <summary>
    /// Registers the visitor region resolver (SPEC E3). Only <see cref="UnknownRegionResolver"/> exists for now: the
    /// MaxMind.GeoIP2 package is not in this build environment's package lists, so a configured
    /// <c>Geo:MaxMindDatabasePath</c> is not used yet. A MaxMind resolver is one more class here, registered instead of
    /// the unknown one when that key is set; callers depend only on <see cref="IRegionResolver"/>. Registered with
    /// TryAdd, so a host or a test may put its own resolver first.
    /// </summary>
    public static IServiceCollection AddVisitorGeo(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<IRegionResolver, UnknownRegionResolver>();
        return services;
    }
}
