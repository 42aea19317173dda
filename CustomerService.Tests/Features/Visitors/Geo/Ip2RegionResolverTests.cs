using System.Net;
using CustomerService.Web.Features.Visitors.Geo;

namespace CustomerService.Tests.Features.Visitors.Geo;

/// <summary>SPEC E3 region from the ip2region data shipped with the app: 省 + 市 in China, the country elsewhere.</summary>
public sealed class Ip2RegionResolverTests
{
    private static readonly Ip2RegionResolver Resolver = new(Ip2RegionDatabase.Shipped);

    [Theory]
    [InlineData("114.114.114.114", "江苏省 南京市")]
    [InlineData("223.5.5.5", "浙江省 杭州市")]
    [InlineData("202.96.128.86", "广东省 广州市")]
    public void A_Chinese_address_is_named_by_province_and_city(string ip, string expected) =>
        Assert.Equal(expected, Resolver.Resolve(IPAddress.Parse(ip)));

    [Fact]
    public void A_Beijing_address_names_the_municipality_once() =>
        Assert.Equal("北京市", Resolver.Resolve(IPAddress.Parse("123.125.71.38")));

    [Theory]
    [InlineData("8.8.8.8", "美国")]
    [InlineData("1.1.1.1", "澳大利亚")]
    public void A_foreign_address_is_named_by_its_country(string ip, string expected) =>
        Assert.Equal(expected, Resolver.Resolve(IPAddress.Parse(ip)));

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.1.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:192.168.1.1")]
    public void Private_loopback_and_link_local_addresses_are_the_local_network(string ip) =>
        Assert.Equal(RegionNames.LocalNetwork, Resolver.Resolve(IPAddress.Parse(ip)));

    [Fact]
    public void An_IPv4_mapped_IPv6_address_is_looked_up_as_IPv4() =>
        Assert.Equal("江苏省 南京市", Resolver.Resolve(IPAddress.Parse("::ffff:114.114.114.114")));

    [Fact]
    public void A_public_IPv6_address_is_unknown_because_the_data_covers_IPv4_only() =>
        Assert.Null(Resolver.Resolve(IPAddress.Parse("2001:4860:4860::8888")));

    [Fact]
    public async Task Resolving_asynchronously_answers_the_same_region() =>
        Assert.Equal("江苏省 南京市", await Resolver.ResolveAsync(IPAddress.Parse("114.114.114.114")));

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { 8, 0, 0, 0, 4, 0, 0, 0 })]
    public void A_file_that_is_not_an_ip2region_database_is_refused(byte[] data) =>
        Assert.Throws<InvalidDataException>(() => new Ip2RegionDatabase(data));
}
