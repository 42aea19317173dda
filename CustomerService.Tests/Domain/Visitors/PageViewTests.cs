using CustomerService.Domain.Organisation;
using CustomerService.Domain.Visitors;

namespace CustomerService.Tests.Domain.Visitors;

/// <summary>SPEC E3 用户轨迹: one page a visitor opened, what was derived from it, and when a report repeats it.</summary>
public sealed class PageViewTests
{
    private static readonly DateTime ViewedAt = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TrafficSource FromBaidu = new(TrafficSourceKind.SearchEngine, SearchEngine.Baidu, "运动鞋", "baidu.com");
    private static readonly UserAgentInfo ChromeOnWindows = new(BrowserKind.Chrome, "120", OperatingSystemKind.Windows, Terminal.PC);

    [Fact]
    public void A_view_keeps_the_page_its_source_and_the_visitors_browser()
    {
        var view = new PageView(42, "https://shop.example.com/p/1", "运动鞋 A1", "https://www.baidu.com/s?wd=x", ViewedAt,
            FromBaidu, KeyPageType.Product, ChromeOnWindows, "浙江 杭州", "203.0.113.7");

        Assert.Equal(
            (42L, "https://shop.example.com/p/1", "运动鞋 A1", "https://www.baidu.com/s?wd=x", ViewedAt, (KeyPageType?)KeyPageType.Product),
            (view.VisitorId, view.Url, view.Title, view.Referrer, view.ViewedAt, view.KeyPageType));
        Assert.Equal(
            (TrafficSourceKind.SearchEngine, (SearchEngine?)SearchEngine.Baidu, "运动鞋", "baidu.com"),
            (view.SourceKind, view.SearchEngine, view.Keyword, view.ReferrerHost));
        Assert.Equal(
            (BrowserKind.Chrome, OperatingSystemKind.Windows, Terminal.PC, "浙江 杭州", "203.0.113.7"),
            (view.Browser, view.OperatingSystem, view.Terminal, view.Region, view.Ip));
        Assert.Equal(FromBaidu, view.Source());
    }

    [Fact]
    public void Empty_title_referrer_region_and_ip_are_unknown()
    {
        var view = new PageView(42, "https://shop.example.com/", "", "", ViewedAt, TrafficSource.Direct, null, ChromeOnWindows, "", null);

        Assert.Equal((null, null, null, null), (view.Title, view.Referrer, view.Region, view.Ip));
        Assert.Equal(TrafficSource.Direct, view.Source());
    }

    [Fact]
    public void Over_long_values_are_cut_to_their_columns()
    {
        var url = "https://shop.example.com/" + new string('u', 3000);
        var source = new TrafficSource(TrafficSourceKind.Referral, ReferrerHost: new string('h', 300));

        var view = new PageView(42, url, new string('标', 250), url, ViewedAt, source, null, ChromeOnWindows, new string('区', 70), new string('1', 70));

        Assert.Equal(url[..2000], view.Url);
        Assert.Equal(url[..2000], view.Referrer);
        Assert.Equal(new string('标', 200), view.Title);
        Assert.Equal(new string('h', 255), view.ReferrerHost);
        Assert.Equal(new string('区', 64), view.Region);
        Assert.Equal(new string('1', 64), view.Ip);
    }

    [Fact]
    public void Values_exactly_at_their_limit_are_kept_whole()
    {
        var url = "https://shop.example.com/" + new string('u', 2000 - 25);

        var view = new PageView(42, url, new string('标', 200), null, ViewedAt, TrafficSource.Direct, null, ChromeOnWindows, new string('区', 64), null);

        Assert.Equal((url, new string('标', 200), new string('区', 64)), (view.Url, view.Title, view.Region));
    }

    [Fact]
    public void The_same_page_reported_again_within_a_minute_is_the_same_view()
    {
        var view = new PageView(42, "https://shop.example.com/p/1", null, null, ViewedAt, TrafficSource.Direct, null, ChromeOnWindows, null, null);

        Assert.True(view.IsRepeatedBy("https://shop.example.com/p/1", ViewedAt.AddSeconds(59)));
        Assert.False(view.IsRepeatedBy("https://shop.example.com/p/1", ViewedAt.AddSeconds(60)));
    }

    [Theory]
    [InlineData("https://shop.example.com/p/2")]
    [InlineData("https://shop.example.com/P/1")]
    public void Another_page_within_the_minute_is_a_new_view(string url)
    {
        var view = new PageView(42, "https://shop.example.com/p/1", null, null, ViewedAt, TrafficSource.Direct, null, ChromeOnWindows, null, null);

        Assert.False(view.IsRepeatedBy(url, ViewedAt.AddSeconds(10)));
    }

    [Fact]
    public void An_over_long_page_address_repeats_the_view_it_was_cut_to()
    {
        var url = "https://shop.example.com/" + new string('u', 3000);
        var view = new PageView(42, url, null, null, ViewedAt, TrafficSource.Direct, null, ChromeOnWindows, null, null);

        Assert.True(view.IsRepeatedBy(url, ViewedAt.AddSeconds(1)));
    }

    [Fact]
    public void A_view_without_a_source_or_browser_is_a_programming_error()
    {
        Assert.Throws<ArgumentNullException>(() => new PageView(42, "https://a/", null, null, ViewedAt, null!, null, ChromeOnWindows, null, null));
        Assert.Throws<ArgumentNullException>(() => new PageView(42, "https://a/", null, null, ViewedAt, TrafficSource.Direct, null, null!, null, null));
    }
}
