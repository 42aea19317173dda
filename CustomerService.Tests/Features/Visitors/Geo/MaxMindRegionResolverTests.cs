using System.Net;
using CustomerService.Web.Features.Visitors.Geo;

namespace CustomerService.Tests.Features.Visitors.Geo;

/// <summary>
/// SPEC E3 with a MaxMind database configured, against MaxMind's own test file (TestData/GeoIP2-City-Test.mmdb):
/// Chinese names where the database has them, English otherwise; IPv6 as well as IPv4.
/// </summary>
public sealed class MaxMindRegionResolverTests : IDisposable
{
    public static readonly string TestDatabasePath =
        Path.Combine(AppContext.BaseDirectory, "Features", "Visitors", "Geo", "TestData", "GeoIP2-City-Test.mmdb");

    private readonly MaxMindRegionResolver _resolver = new(TestDatabasePath);

    public void Dispose() => _resolver.Dispose();

    [Fact]
    public void A_Chinese_address_is_named_by_province_and_city_in_Chinese() =>
        Assert.Equal("吉林 长春", _resolver.Resolve(IPAddress.Parse("175.16.199.1")));

    [Fact]
    public void A_foreign_address_is_named_by_country_and_city_in_Chinese_where_known_else_in_English()
    {
        Assert.Equal("瑞典 林雪平", _resolver.Resolve(IPAddress.Parse("89.160.20.112")));
        Assert.Equal("英国 London", _resolver.Resolve(IPAddress.Parse("81.2.69.142")));
    }

    [Fact]
    public void A_public_IPv6_address_is_resolved() =>
        Assert.Equal("日本", _resolver.Resolve(IPAddress.Parse("2001:218::1")));

    [Fact]
    public void An_IPv4_mapped_IPv6_address_is_looked_up_as_IPv4() =>
        Assert.Equal("吉林 长春", _resolver.Resolve(IPAddress.Parse("::ffff:175.16.199.1")));

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void Private_and_loopback_addresses_are_the_local_network(string ip) =>
        Assert.Equal(RegionNames.LocalNetwork, _resolver.Resolve(IPAddress.Parse(ip)));

    [Fact]
    public void An_address_the_database_does_not_list_is_unknown() =>
        Assert.Null(_resolver.Resolve(IPAddress.Parse("8.8.8.8")));

    [Fact]
    public void A_missing_file_is_refused_with_the_setting_and_the_path_named()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N") + ".mmdb");

        var error = Assert.Throws<InvalidOperationException>(() => new MaxMindRegionResolver(path));

        Assert.Contains(GeoServiceCollectionExtensions.MaxMindDatabasePathKey, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_MaxMind_database_is_refused_with_the_setting_named()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a database");

            var error = Assert.Throws<InvalidOperationException>(() => new MaxMindRegionResolver(path));

            Assert.Contains(GeoServiceCollectionExtensions.MaxMindDatabasePathKey, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
