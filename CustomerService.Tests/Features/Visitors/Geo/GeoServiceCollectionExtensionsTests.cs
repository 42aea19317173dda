using System.Net;
using CustomerService.Tests.Fakes;
using CustomerService.Web.Features.Visitors.Geo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Visitors.Geo;

/// <summary>SPEC E3 region: pluggable, “unknown” when no GeoIP database is configured.</summary>
public sealed class GeoServiceCollectionExtensionsTests
{
    [Fact]
    public async Task Without_a_geo_database_every_region_is_unknown()
    {
        var configuration = new ConfigurationBuilder().Build();
        await using var provider = new ServiceCollection().AddVisitorGeo(configuration).BuildServiceProvider();

        var resolver = provider.GetRequiredService<IRegionResolver>();

        Assert.IsType<UnknownRegionResolver>(resolver);
        Assert.Null(await resolver.ResolveAsync(IPAddress.Parse("114.114.114.114")));
    }

    [Fact]
    public void Resolver_registered_before_is_kept()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddSingleton<IRegionResolver>(new TestRegionResolver());

        using var provider = services.AddVisitorGeo(configuration).BuildServiceProvider();

        Assert.IsType<TestRegionResolver>(provider.GetRequiredService<IRegionResolver>());
    }
}
