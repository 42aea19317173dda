using System.Net;
using CustomerService.Data;
using CustomerService.Tests.Fakes;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Visitors.Api;
using CustomerService.Web.Features.Visitors.Geo;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerService.Tests.Features.Visitors.Geo;

/// <summary>SPEC E3 region: the shipped ip2region data, or a MaxMind database when one is configured; cached.</summary>
public sealed class GeoServiceCollectionExtensionsTests
{
    [Fact]
    public async Task Without_a_MaxMind_path_the_shipped_ip2region_data_resolves_regions()
    {
        await using var provider = new ServiceCollection().AddVisitorGeo(Configuration()).BuildServiceProvider();

        var resolver = provider.GetRequiredService<IRegionResolver>();

        Assert.IsType<Ip2RegionResolver>(Assert.IsType<CachedRegionResolver>(resolver).Inner);
        Assert.Equal("江苏省 南京市", await resolver.ResolveAsync(IPAddress.Parse("114.114.114.114")));
    }

    [Fact]
    public async Task With_a_MaxMind_path_the_MaxMind_database_resolves_regions()
    {
        var configuration = Configuration((GeoServiceCollectionExtensions.MaxMindDatabasePathKey, MaxMindRegionResolverTests.TestDatabasePath));
        await using var provider = new ServiceCollection().AddVisitorGeo(configuration).BuildServiceProvider();

        var resolver = provider.GetRequiredService<IRegionResolver>();

        Assert.IsType<MaxMindRegionResolver>(Assert.IsType<CachedRegionResolver>(resolver).Inner);
        Assert.Equal("吉林 长春", await resolver.ResolveAsync(IPAddress.Parse("175.16.199.1")));
    }

    [Fact]
    public async Task A_relative_MaxMind_path_is_taken_from_the_app_folder()
    {
        var configuration = Configuration(
            (HostDefaults.ContentRootKey, AppContext.BaseDirectory),
            (GeoServiceCollectionExtensions.MaxMindDatabasePathKey, Path.Combine("Features", "Visitors", "Geo", "TestData", "GeoIP2-City-Test.mmdb")));
        await using var provider = new ServiceCollection().AddVisitorGeo(configuration).BuildServiceProvider();

        Assert.Equal("日本", await provider.GetRequiredService<IRegionResolver>().ResolveAsync(IPAddress.Parse("2001:218::1")));
    }

    [Fact]
    public void A_MaxMind_path_to_a_missing_file_stops_the_start_with_a_clear_error()
    {
        var configuration = Configuration((GeoServiceCollectionExtensions.MaxMindDatabasePathKey, "/nowhere/GeoLite2-City.mmdb"));

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddVisitorGeo(configuration));

        Assert.Contains("Geo:MaxMindDatabasePath", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nowhere/GeoLite2-City.mmdb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolver_registered_before_is_kept()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddSingleton<IRegionResolver>(new TestRegionResolver());

        using var provider = services.AddVisitorGeo(configuration).BuildServiceProvider();

        Assert.IsType<TestRegionResolver>(provider.GetRequiredService<IRegionResolver>());
    }

    [Fact]
    public async Task A_page_view_is_stored_with_the_region_of_the_visitors_address()
    {
        await using var db = await TestDatabase.CreateAsync();
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse("::ffff:114.114.114.114");

        await db.GetRequiredService<TrajectoryRecorder>().RecordAsync(
            null, new TrackRequest("https://shop.example.com/", "首页", null), http, CancellationToken.None);

        await using var check = db.NewContext();
        var view = await check.PageViews.SingleAsync();
        Assert.Equal(("江苏省 南京市", "114.114.114.114"), (view.Region, view.Ip));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
