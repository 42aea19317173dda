using CustomerService.Web.Features.Visitors.Geo;

namespace CustomerService.Tests.Features.Visitors.Geo;

/// <summary>How a region is written: 省 + 市 as seed 002 shows it (“广东佛山”), spaced for reading.</summary>
public sealed class RegionNamesTests
{
    [Theory]
    [InlineData("广东省", "深圳市", "广东省 深圳市")]
    [InlineData("北京", "北京市", "北京市")]
    [InlineData("上海市", "上海", "上海市")]
    [InlineData("英国", "London", "英国 London")]
    [InlineData("美国", null, "美国")]
    [InlineData(null, "长春", "长春")]
    [InlineData(" ", " ", null)]
    [InlineData(null, null, null)]
    public void Wider_and_narrower_places_make_one_name(string? wider, string? narrower, string? expected) =>
        Assert.Equal(expected, RegionNames.Format(wider, narrower));

    [Fact]
    public void A_name_longer_than_the_stored_column_is_cut_to_fit()
    {
        var name = RegionNames.Format(new string('甲', 40), new string('乙', 40));

        Assert.Equal(RegionNames.MaxLength, name!.Length);
    }

    [Theory]
    [InlineData("0.0.0.0", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("::", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("100.128.0.1", false)]
    [InlineData("192.169.0.1", false)]
    [InlineData("114.114.114.114", false)]
    [InlineData("2001:4860:4860::8888", false)]
    public void Only_addresses_that_cannot_come_from_the_internet_are_the_local_network(string ip, bool expected) =>
        Assert.Equal(expected, RegionNames.IsLocalNetwork(System.Net.IPAddress.Parse(ip)));
}
