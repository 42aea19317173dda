using CustomerService.Domain.Organisation;
using CustomerService.Domain.Reporting;
using CustomerService.Domain.Visitors;

namespace CustomerService.Tests.Domain.Reporting;

/// <summary>咨询发起 and 用户分析 from facts, worked out by hand (Asia/Shanghai, UTC+8; attribution window 7 days).</summary>
public sealed class ConsultationOriginsTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static DateTime Utc(int hour, int minute, int day = 5) => new(2026, 1, day, hour, minute, 0, DateTimeKind.Utc);

    private static OriginPageView View(long visitor, DateTime at, TrafficSourceKind kind, KeyPageType? keyPage = null, Terminal terminal = Terminal.PC,
        string? region = null, SearchEngine? engine = null, string? keyword = null) =>
        new(visitor, at, kind, engine, keyword, keyPage, terminal, region);

    /// <summary>
    /// Visitor 1 arrives from a Baidu search for 退款 at 01:50 (PC, 广东省 深圳市), browses, asks from /p/1 at 02:00 (c1,
    /// valid), fills an order at 02:10 and submits it at 02:20, and asks again from /p/1 at 02:30 (c4, valid).
    /// Visitor 2 comes from another site at 03:00 on a phone (北京市), asks from /p/1 at 03:05 (c2, valid), fills an order
    /// at 03:30 and pays 8 days later (outside the window). Visitor 3 has no page view and asks from /home at 15:30 (c3,
    /// invalid).
    /// </summary>
    private static OriginFigures Scenario()
    {
        OriginConsultation[] consultations =
        [
            new(1, 1, Utc(2, 0), "/p/1", "商品1", Valid: true),
            new(2, 2, Utc(3, 5), "/p/1", null, Valid: true),
            new(3, 3, Utc(15, 30), "/home", "首页", Valid: false),
            new(4, 1, Utc(2, 30), "/p/1", null, Valid: true),
        ];
        OriginPageView[] views =
        [
            View(1, Utc(1, 50), TrafficSourceKind.SearchEngine, KeyPageType.Product, region: "广东省 深圳市", engine: SearchEngine.Baidu, keyword: "退款"),
            View(1, Utc(1, 55), TrafficSourceKind.Internal, KeyPageType.Product, region: "广东省 深圳市"),
            View(1, Utc(2, 10), TrafficSourceKind.Internal, KeyPageType.OrderFill, region: "广东省 深圳市"),
            View(1, Utc(2, 20), TrafficSourceKind.Internal, KeyPageType.OrderSuccess, region: "广东省 深圳市"),
            View(2, Utc(3, 0), TrafficSourceKind.Referral, terminal: Terminal.MobileWeb, region: "北京市"),
            View(2, Utc(3, 30), TrafficSourceKind.Internal, KeyPageType.OrderFill, terminal: Terminal.MobileWeb, region: "北京市"),
            View(2, Utc(3, 10, day: 13), TrafficSourceKind.Internal, KeyPageType.Payment, terminal: Terminal.MobileWeb, region: "北京市"),
        ];
        return ConsultationOrigins.Analyze(consultations, views, Week, Shanghai);
    }

    [Fact]
    public void The_source_is_the_visits_entry_before_the_request_and_direct_when_there_is_none()
    {
        Assert.Equal(
            [new OriginCount("SearchEngine.Baidu", 2), new OriginCount("Direct", 1), new OriginCount("Referral", 1)],
            Scenario().Sources);
    }

    [Fact]
    public void Keywords_come_from_the_entry_search()
    {
        Assert.Equal([new OriginCount("退款", 2)], Scenario().Keywords);
    }

    [Fact]
    public void Terminal_and_region_are_those_of_the_latest_view_before_the_request()
    {
        var figures = Scenario();

        Assert.Equal([new OriginCount("PC", 2), new OriginCount("MobileWeb", 1), new OriginCount("unknown", 1)], figures.Terminals);
        // Equal counts are ordered by key, ordinal: "unknown" sorts before the Chinese names.
        Assert.Equal([new OriginCount("广东省 深圳市", 2), new OriginCount("unknown", 1), new OriginCount("北京市", 1)], figures.Regions);
    }

    [Fact]
    public void Consultations_are_counted_by_local_hour_of_request()
    {
        var byHour = Scenario().ByHour;

        Assert.Equal(24, byHour.Count);
        // 02:00 and 02:30 UTC are 10:00 and 10:30 local; 03:05 is 11:05; 15:30 is 23:30.
        Assert.Equal(2, byHour[10]);
        Assert.Equal(1, byHour[11]);
        Assert.Equal(1, byHour[23]);
        Assert.Equal(4, byHour.Sum());
    }

    [Fact]
    public void The_start_page_funnel_counts_visitors_of_valid_consultations_reaching_key_pages_within_the_window()
    {
        var pages = Scenario().StartPages;

        // /p/1: c1, c2, c4 all valid. 订单填写: visitor 1 (02:10 after c1) and visitor 2 (03:30 after c2) = 2, visitor 1
        // once although two of his consultations came from the page. 订单提交: visitor 1 (02:20) = 1. 订单支付: visitor 2
        // paid 8 days after his request, outside the 7-day window = 0.
        Assert.Equal(
            [new StartPageFigures("/p/1", "商品1", 3, 3, 2, 1, 0), new StartPageFigures("/home", "首页", 1, 0, 0, 0, 0)],
            pages);
    }

    [Fact]
    public void A_key_page_at_the_request_itself_does_not_count_and_one_at_the_end_of_the_window_does()
    {
        OriginConsultation[] consultations = [new(1, 1, Utc(2, 0), "/p", null, true), new(2, 2, Utc(2, 0), "/p", null, true)];
        OriginPageView[] views =
        [
            View(1, Utc(2, 0), TrafficSourceKind.Internal, KeyPageType.OrderFill),
            View(2, Utc(2, 0) + Week, TrafficSourceKind.Internal, KeyPageType.OrderFill),
        ];

        var page = Assert.Single(ConsultationOrigins.Analyze(consultations, views, Week, Shanghai).StartPages);

        Assert.Equal(1, page.OrderFill);
    }

    [Fact]
    public void An_invalid_consultation_never_enters_the_funnel()
    {
        OriginConsultation[] consultations = [new(1, 1, Utc(2, 0), "/p", null, Valid: false)];
        OriginPageView[] views = [View(1, Utc(2, 5), TrafficSourceKind.Internal, KeyPageType.Payment)];

        var page = Assert.Single(ConsultationOrigins.Analyze(consultations, views, Week, Shanghai).StartPages);

        Assert.Equal(new StartPageFigures("/p", null, 1, 0, 0, 0, 0), page);
    }

    [Fact]
    public void Regions_keep_the_top_50_and_an_empty_region_or_keyword_is_unknown_or_absent()
    {
        var consultations = Enumerable.Range(1, 52).Select(i => new OriginConsultation(i, i, Utc(2, 0), "/p", null, true)).ToList();
        var views = Enumerable.Range(1, 52)
            .Select(i => View(i, Utc(1, 0), TrafficSourceKind.SearchEngine, region: i == 52 ? " " : $"R{i:00}", engine: SearchEngine.Bing, keyword: i == 1 ? "发票" : string.Empty))
            .ToList();

        var figures = ConsultationOrigins.Analyze(consultations, views, Week, Shanghai);

        Assert.Equal(ConsultationOrigins.TopRegions, figures.Regions.Count);
        Assert.Equal("R01", figures.Regions[0].Key);
        // 52 regions of one consultation each, ordered by key: R01…R50 kept; R51 and "unknown" (the blank one) fall off.
        Assert.Equal("R50", figures.Regions[^1].Key);
        Assert.Equal([new OriginCount("发票", 1)], figures.Keywords);
        Assert.Equal([new OriginCount("SearchEngine.Bing", 52)], figures.Sources);
    }

    [Fact]
    public void A_consultation_without_a_start_page_is_grouped_under_an_empty_url()
    {
        var figures = ConsultationOrigins.Analyze([new(1, 1, Utc(2, 0), null, null, true)], [], Week, Shanghai);

        Assert.Equal(new StartPageFigures(string.Empty, null, 1, 1, 0, 0, 0), Assert.Single(figures.StartPages));
        Assert.Equal([new OriginCount("Direct", 1)], figures.Sources);
        Assert.Empty(figures.Keywords);
    }

    [Fact]
    public void Page_views_are_read_in_time_order_whatever_order_they_come_in_and_a_view_at_the_request_itself_counts()
    {
        OriginConsultation[] consultations = [new(1, 1, Utc(2, 0), "/p", null, true)];
        // Newest first: a search at 01:00, then a referral exactly at the request (02:00), then an internal click after it.
        OriginPageView[] views =
        [
            View(1, Utc(2, 30), TrafficSourceKind.Internal, terminal: Terminal.App, region: "之后"),
            View(1, Utc(2, 0), TrafficSourceKind.Referral, terminal: Terminal.WeChat, region: "请求时"),
            View(1, Utc(1, 0), TrafficSourceKind.SearchEngine, terminal: Terminal.PC, region: "之前", engine: SearchEngine.Sogou, keyword: "发票"),
        ];

        var figures = ConsultationOrigins.Analyze(consultations, views, Week, Shanghai);

        Assert.Equal([new OriginCount("Referral", 1)], figures.Sources);
        Assert.Equal([new OriginCount("WeChat", 1)], figures.Terminals);
        Assert.Equal([new OriginCount("请求时", 1)], figures.Regions);
        Assert.Empty(figures.Keywords);
    }

    [Fact]
    public void Start_pages_with_as_many_consultations_are_ordered_by_address()
    {
        OriginConsultation[] consultations = [new(1, 1, Utc(2, 0), "/b", null, true), new(2, 2, Utc(2, 0), "/a", null, true)];

        var pages = ConsultationOrigins.Analyze(consultations, [], Week, Shanghai).StartPages;

        Assert.Equal(["/a", "/b"], pages.Select(p => p.Url));
    }

    [Fact]
    public void Null_arguments_are_errors()
    {
        Assert.Throws<ArgumentNullException>(() => ConsultationOrigins.Analyze(null!, [], Week, Shanghai));
        Assert.Throws<ArgumentNullException>(() => ConsultationOrigins.Analyze([], null!, Week, Shanghai));
        Assert.Throws<ArgumentNullException>(() => ConsultationOrigins.Analyze([], [], Week, null!));
    }
}
