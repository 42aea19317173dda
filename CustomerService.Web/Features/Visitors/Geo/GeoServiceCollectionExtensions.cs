using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerService.Web.Features.Visitors.Geo;

public static class GeoServiceCollectionExtensions
{
    /// <summary>The configuration key of a MaxMind GeoIP2 / GeoLite2 City database path.</summary>
    public const string MaxMindDatabasePathKey = "Geo:MaxMindDatabasePath";

    /// <summary>
    /// Registers the visitor region resolver (SPEC E3), cached per address: the MaxMind resolver when
    /// <c>Geo:MaxMindDatabasePath</c> is set (the file is opened here, so a wrong path stops the app at start with a
    /// clear message; a relative path is taken from the app folder), otherwise the ip2region data shipped in the app. Registered with TryAdd, so a host or a test may
    /// put its own resolver first.
    /// </summary>
    public static IServiceCollection AddVisitorGeo(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(IRegionResolver)))
        {
            return services;
        }

        var maxMindPath = configuration[MaxMindDatabasePathKey];
        if (!string.IsNullOrWhiteSpace(maxMindPath))
        {
            // Relative to the app folder, like Database:DataDirectory.
            var contentRoot = configuration[HostDefaults.ContentRootKey] ?? Directory.GetCurrentDirectory();
            var maxMind = new MaxMindRegionResolver(Path.GetFullPath(maxMindPath, contentRoot));
            services.TryAddSingleton<IRegionResolver>(_ => new CachedRegionResolver(maxMind));
        }
        else
        {
            // The 8 MB ip2region file is read at the first lookup, not at start.
            services.TryAddSingleton<IRegionResolver>(_ => new CachedRegionResolver(new Ip2RegionResolver(Ip2RegionDatabase.Shipped)));
        }

        return services;
    }
}
