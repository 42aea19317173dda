using CustomerService.Domain.Organisation;
using CustomerService.Domain.Visitors;

namespace CustomerService.Web.Features.Demo.History;

/// <summary>
/// What visitors browsed around their requests (SPEC E3 用户轨迹), so 咨询发起 (来源, 关键词, 发起页 and the key-page funnel)
/// and 用户分析 (终端, 地域) have material on generated history: the visit's entry (a search with its keyword, another
/// site, or direct), the page the chat starts from, and the order pages of users who buy. A visitor keeps his device and
/// region. Drawn from a generator of its own, so adding views leaves the conversations of a seed as they were.
/// </summary>
internal sealed class HistoryPageViews(Random random)
{
    private const string Site = "https://shop.example.com";

    private static readonly string[] Keywords = ["连衣裙", "运动鞋 男", "蓝牙耳机", "羽绒服 女", "包邮", "退款", "发票怎么开", "手机壳", "儿童书包", "保温杯"];

    private static readonly (SearchEngine Engine, string Referrer)[] Engines =
    [
        (SearchEngine.Baidu, "https://www.baidu.com/s?wd="), (SearchEngine.Baidu, "https://m.baidu.com/s?word="),
        (SearchEngine.Sogou, "https://www.sogou.com/web?query="), (SearchEngine.Bing, "https://cn.bing.com/search?q="),
    ];

    private static readonly string[] Referrals = ["www.zhihu.com", "weibo.com", "www.xiaohongshu.com", "tieba.baidu.com"];

    private static readonly string?[] Regions =
    [
        "广东 深圳", "广东 广州", "北京 北京", "上海 上海", "浙江 杭州", "江苏 南京", "江苏 苏州", "四川 成都", "湖北 武汉",
        "福建 厦门", "山东 济南", "河南 郑州", "陕西 西安", "湖南 长沙", "重庆 重庆", "天津 天津", null,
    ];

    private static readonly UserAgentInfo[] Devices =
    [
        new(BrowserKind.Chrome, "126", OperatingSystemKind.Windows, Terminal.PC),
        new(BrowserKind.Edge, "125", OperatingSystemKind.Windows, Terminal.PC),
        new(BrowserKind.Safari, "17", OperatingSystemKind.MacOS, Terminal.PC),
        new(BrowserKind.Safari, "17", OperatingSystemKind.IOS, Terminal.MobileWeb),
        new(BrowserKind.Chrome, "126", OperatingSystemKind.Android, Terminal.MobileWeb),
        new(BrowserKind.Other, null, OperatingSystemKind.Android, Terminal.WeChat),
        new(BrowserKind.Other, null, OperatingSystemKind.IOS, Terminal.WeChat),
        new(BrowserKind.Other, null, OperatingSystemKind.Android, Terminal.App),
    ];

    /// <summary>The visit that leads to a request at <paramref name="requestedAt"/> from <paramref name="startPath"/>.</summary>
    public void Visit(HistoryDay day, long visitorId, DateTime requestedAt, string startPath, string title)
    {
        var entryAt = requestedAt - TimeSpan.FromSeconds(random.Next(60, 900));
        var r = random.NextDouble();
        var (url, referrer, source) = r switch
        {
            < 0.40 => Search(),
            < 0.55 => Referral(),
            _ => (Site + "/", (string?)null, new TrafficSource(TrafficSourceKind.Direct)),
        };
        day.PageViews.Add(View(visitorId, url, referrer, entryAt, source, url.EndsWith('/') ? KeyPageType.Home : KeyPageType.List));
        day.PageViews.Add(new PageView(
            visitorId, Site + startPath, title, url, requestedAt - TimeSpan.FromSeconds(random.Next(5, 55)),
            new TrafficSource(TrafficSourceKind.Internal), KeyPageType.Product, DeviceOf(visitorId), RegionOf(visitorId), null));
    }

    /// <summary>The order pages of a purchase: filling in, the success page and, when paid, the payment page.</summary>
    public void Checkout(HistoryDay day, long visitorId, DateTime placedAt, DateTime? paidAt)
    {
        var internalSource = new TrafficSource(TrafficSourceKind.Internal);
        day.PageViews.Add(View(visitorId, Site + "/order/fill", Site + "/cart", placedAt - TimeSpan.FromSeconds(random.Next(30, 300)), internalSource, KeyPageType.OrderFill));
        day.PageViews.Add(View(visitorId, Site + "/order/success", Site + "/order/fill", placedAt, internalSource, KeyPageType.OrderSuccess));
        if (paidAt is { } paid)
        {
            day.PageViews.Add(View(visitorId, Site + "/pay", Site + "/order/success", paid, internalSource, KeyPageType.Payment));
        }
    }

    private (string Url, string? Referrer, TrafficSource Source) Search()
    {
        var (engine, referrer) = Engines[random.Next(Engines.Length)];
        var keyword = Keywords[random.Next(Keywords.Length)];
        // Engines often withhold the query now: a search without a keyword.
        var withKeyword = random.NextDouble() < 0.7;
        return (Site + "/list?from=search", withKeyword ? referrer + Uri.EscapeDataString(keyword) : new Uri(referrer).GetLeftPart(UriPartial.Authority) + "/",
            new TrafficSource(TrafficSourceKind.SearchEngine, engine, withKeyword ? keyword : null));
    }

    private (string Url, string? Referrer, TrafficSource Source) Referral()
    {
        var host = Referrals[random.Next(Referrals.Length)];
        return (Site + "/list?from=share", $"https://{host}/", new TrafficSource(TrafficSourceKind.Referral, ReferrerHost: host));
    }

    private static PageView View(long visitorId, string url, string? referrer, DateTime at, TrafficSource source, KeyPageType keyPage) =>
        new(visitorId, url, null, referrer, at, source, keyPage, DeviceOf(visitorId), RegionOf(visitorId), null);

    private static UserAgentInfo DeviceOf(long visitorId) => Devices[(int)(visitorId * 7 % Devices.Length)];

    private static string? RegionOf(long visitorId) => Regions[(int)(visitorId * 13 % Regions.Length)];
}
