using CustomerService.Domain.Visitors;

namespace CustomerService.Tests.Domain.Visitors;

/// <summary>SPEC E3 来源: search engine + keyword, direct, referral, and same-site navigation.</summary>
public sealed class TrafficSourceTests
{
    private const string Site = "shop.example.com";

    [Fact]
    public void Baidu_referrer_is_a_search_engine_with_its_keyword()
    {
        var source = TrafficSource.Classify("https://www.baidu.com/s?ie=utf-8&wd=%E8%BF%90%E5%8A%A8%E9%9E%8B&rsv_spt=1", Site);

        Assert.Equal(new TrafficSource(TrafficSourceKind.SearchEngine, SearchEngine.Baidu, "运动鞋", "baidu.com"), source);
    }

    [Theory]
    [InlineData("https://m.baidu.com/s?word=%E8%BF%90%E5%8A%A8%E9%9E%8B", SearchEngine.Baidu)]
    [InlineData("https://m5.baidu.com/s?from=1&word=%E8%BF%90%E5%8A%A8%E9%9E%8B", SearchEngine.Baidu)]
    [InlineData("https://www.google.com/search?q=%E8%BF%90%E5%8A%A8%E9%9E%8B&hl=zh-CN", SearchEngine.Google)]
    [InlineData("https://www.google.com.hk/search?q=%E8%BF%90%E5%8A%A8%E9%9E%8B", SearchEngine.Google)]
    [InlineData("https://cn.bing.com/search?q=%E8%BF%90%E5%8A%A8%E9%9E%8B&form=QBLH", SearchEngine.Bing)]
    [InlineData("https://www.sogou.com/web?query=%E8%BF%90%E5%8A%A8%E9%9E%8B&ie=utf8", SearchEngine.Sogou)]
    [InlineData("https://wap.sogou.com/web/searchList.jsp?keyword=%E8%BF%90%E5%8A%A8%E9%9E%8B", SearchEngine.Sogou)]
    [InlineData("https://www.so.com/s?q=%E8%BF%90%E5%8A%A8%E9%9E%8B&src=srp", SearchEngine.Qihoo360)]
    [InlineData("https://m.so.com/s?q=%E8%BF%90%E5%8A%A8%E9%9E%8B", SearchEngine.Qihoo360)]
    [InlineData("https://m.sm.cn/s?q=%E8%BF%90%E5%8A%A8%E9%9E%8B&from=smor", SearchEngine.Shenma)]
    [InlineData("https://yz.m.sm.cn/s?q=%E8%BF%90%E5%8A%A8%E9%9E%8B", SearchEngine.Shenma)]
    [InlineData("https://search.yahoo.com/search?p=%E8%BF%90%E5%8A%A8%E9%9E%8B&fr=yfp-t", SearchEngine.Yahoo)]
    [InlineData("https://tw.search.yahoo.com/search?p=%E8%BF%90%E5%8A%A8%E9%9E%8B", SearchEngine.Yahoo)]
    [InlineData("https://www.youdao.com/search?q=%E8%BF%90%E5%8A%A8%E9%9E%8B", SearchEngine.Youdao)]
    public void Each_engine_is_recognised_with_its_own_keyword_parameter(string referrer, SearchEngine engine)
    {
        var source = TrafficSource.Classify(referrer, Site);

        Assert.Equal(TrafficSourceKind.SearchEngine, source.Kind);
        Assert.Equal(engine, source.Engine);
        Assert.Equal("运动鞋", source.Keyword);
    }

    [Theory]
    [InlineData("https://www.google.com/", SearchEngine.Google)]
    [InlineData("https://www.baidu.com/link?url=abc123", SearchEngine.Baidu)]
    [InlineData("https://cn.bing.com/", SearchEngine.Bing)]
    public void Search_referrer_without_a_query_is_a_search_engine_without_keyword(string referrer, SearchEngine engine)
    {
        var source = TrafficSource.Classify(referrer, Site);

        Assert.Equal(TrafficSourceKind.SearchEngine, source.Kind);
        Assert.Equal(engine, source.Engine);
        Assert.Null(source.Keyword);
    }

    [Fact]
    public void Gbk_encoded_keyword_declared_by_ie_parameter_is_decoded()
    {
        // 运动鞋 in GBK.
        var source = TrafficSource.Classify("http://www.baidu.com/s?ie=gbk&wd=%D4%CB%B6%AF%D0%AC", Site);

        Assert.Equal("运动鞋", source.Keyword);
    }

    [Fact]
    public void Keyword_that_is_not_valid_utf8_is_read_as_gbk()
    {
        var source = TrafficSource.Classify("http://www.sogou.com/web?query=%D4%CB%B6%AF%D0%AC", Site);

        Assert.Equal("运动鞋", source.Keyword);
    }

    [Fact]
    public void Plus_signs_and_runs_of_spaces_in_a_keyword_become_single_spaces()
    {
        var source = TrafficSource.Classify("https://www.bing.com/search?q=running++shoes%20%20men", Site);

        Assert.Equal("running shoes men", source.Keyword);
    }

    [Fact]
    public void Baidu_desktop_wd_wins_over_mobile_word_when_both_are_present()
    {
        var source = TrafficSource.Classify("https://www.baidu.com/s?word=b&wd=a", Site);

        Assert.Equal("a", source.Keyword);
    }

    [Fact]
    public void Overlong_keyword_is_cut_to_the_maximum_length()
    {
        var source = TrafficSource.Classify("https://www.so.com/s?q=" + new string('x', 300), Site);

        Assert.Equal(TrafficSource.KeywordMaxLength, source.Keyword!.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a url")]
    public void Missing_or_unparsable_referrer_is_direct(string? referrer)
    {
        Assert.Equal(TrafficSource.Direct, TrafficSource.Classify(referrer, Site));
    }

    [Theory]
    [InlineData("https://shop.example.com/demo/shop/cart")]
    [InlineData("http://SHOP.example.com:8080/")]
    [InlineData("https://www.shop.example.com/list?q=shoes")]
    public void Same_site_referrer_is_internal_and_not_a_new_source(string referrer)
    {
        var source = TrafficSource.Classify(referrer, Site);

        Assert.Equal(TrafficSourceKind.Internal, source.Kind);
        Assert.False(source.IsNewSource);
    }

    [Fact]
    public void Site_host_given_with_www_still_recognises_its_own_pages()
    {
        var source = TrafficSource.Classify("https://shop.example.com/", "www.shop.example.com");

        Assert.Equal(TrafficSourceKind.Internal, source.Kind);
    }

    [Theory]
    [InlineData("https://weibo.com/u/123", "weibo.com")]
    [InlineData("https://tieba.baidu.com/p/7000", "tieba.baidu.com")]
    [InlineData("https://www.notgoogle.com/search?q=x", "notgoogle.com")]
    [InlineData("https://mail.yahoo.com/", "mail.yahoo.com")]
    public void Other_site_is_a_referral_with_its_host(string referrer, string host)
    {
        var source = TrafficSource.Classify(referrer, Site);

        Assert.Equal(new TrafficSource(TrafficSourceKind.Referral, ReferrerHost: host), source);
        Assert.True(source.IsNewSource);
    }

    [Fact]
    public void Without_a_site_host_nothing_is_internal()
    {
        var source = TrafficSource.Classify("https://shop.example.com/", siteHost: null);

        Assert.Equal(TrafficSourceKind.Referral, source.Kind);
    }

    [Theory]
    [InlineData("https://www.baidu.com/s?wd=abc%E", "abc%E")]
    [InlineData("https://www.baidu.com/s?wd=abc%", "abc%")]
    [InlineData("https://www.baidu.com/s?wd=%E8%BF%90%", "运%")]
    [InlineData("https://www.baidu.com/s?wd=abc%zz", "abc%zz")]
    public void A_truncated_or_invalid_percent_escape_is_kept_as_text(string referrer, string keyword)
    {
        var source = TrafficSource.Classify(referrer, Site);

        Assert.Equal((TrafficSourceKind.SearchEngine, keyword), (source.Kind, source.Keyword));
    }

    [Theory]
    [InlineData("https://www.baidu.com/s?wd=x&rsv")]
    [InlineData("https://www.baidu.com/s?rsv&wd=x")]
    [InlineData("https://www.baidu.com/s?&&wd=x&")]
    public void A_query_parameter_without_a_value_is_skipped(string referrer)
    {
        var source = TrafficSource.Classify(referrer, Site);

        Assert.Equal((SearchEngine.Baidu, "x"), (source.Engine, source.Keyword));
    }

    [Fact]
    public void A_fragment_after_the_keyword_is_not_part_of_it()
    {
        var source = TrafficSource.Classify("https://www.so.com/s?q=shoes#top", Site);

        Assert.Equal("shoes", source.Keyword);
    }

    [Fact]
    public void An_empty_keyword_parameter_falls_back_to_the_next_one_the_engine_uses()
    {
        var source = TrafficSource.Classify("https://m.baidu.com/s?wd=&word=shoes", Site);

        Assert.Equal("shoes", source.Keyword);
    }

    [Fact]
    public void A_keyword_of_only_spaces_is_no_keyword()
    {
        var source = TrafficSource.Classify("https://www.baidu.com/s?wd=+%20+", Site);

        Assert.Equal((TrafficSourceKind.SearchEngine, null), (source.Kind, source.Keyword));
    }

    [Fact]
    public void Only_internal_navigation_keeps_the_visits_source()
    {
        Assert.False(TrafficSource.Classify("https://shop.example.com/a", Site).IsNewSource);
        Assert.True(TrafficSource.Classify("https://weibo.com/", Site).IsNewSource);
        Assert.True(TrafficSource.Direct.IsNewSource);
    }

    [Theory]
    [InlineData("https://baidu.com/", SearchEngine.Baidu, "baidu.com")]
    [InlineData("https://m.baidu.com/", SearchEngine.Baidu, "m.baidu.com")]
    [InlineData("https://wap.baidu.com/", SearchEngine.Baidu, "wap.baidu.com")]
    [InlineData("https://www.bing.com/", SearchEngine.Bing, "bing.com")]
    [InlineData("https://global.bing.com/", SearchEngine.Bing, "global.bing.com")]
    [InlineData("https://www.sogou.com/", SearchEngine.Sogou, "sogou.com")]
    [InlineData("https://m.sogou.com/", SearchEngine.Sogou, "m.sogou.com")]
    [InlineData("https://wap.sogou.com/", SearchEngine.Sogou, "wap.sogou.com")]
    [InlineData("https://www.so.com/", SearchEngine.Qihoo360, "so.com")]
    [InlineData("https://m.so.com/", SearchEngine.Qihoo360, "m.so.com")]
    [InlineData("https://sm.cn/", SearchEngine.Shenma, "sm.cn")]
    [InlineData("https://m.sm.cn/", SearchEngine.Shenma, "m.sm.cn")]
    [InlineData("https://yz.m.sm.cn/", SearchEngine.Shenma, "yz.m.sm.cn")]
    [InlineData("https://search.yahoo.com/", SearchEngine.Yahoo, "search.yahoo.com")]
    [InlineData("https://www.youdao.com/", SearchEngine.Youdao, "youdao.com")]
    [InlineData("https://m.youdao.com/", SearchEngine.Youdao, "m.youdao.com")]
    public void Each_engines_search_hosts_are_a_search_even_when_only_the_origin_is_sent(string referrer, SearchEngine engine, string host)
    {
        var source = TrafficSource.Classify(referrer, Site);

        Assert.Equal(new TrafficSource(TrafficSourceKind.SearchEngine, engine, null, host), source);
    }

    [Theory]
    [InlineData("https://forum.baidu.com/")]
    [InlineData("https://image.baidu.com/")]
    [InlineData("https://zhidao.baidu.com/question/1")]
    [InlineData("https://news.sogou.com/")]
    public void Other_hosts_of_an_engines_domain_without_a_keyword_are_referrals(string referrer) =>
        Assert.Equal(TrafficSourceKind.Referral, TrafficSource.Classify(referrer, Site).Kind);

    [Theory]
    [InlineData("ie")]
    [InlineData("oe")]
    [InlineData("inputencoding")]
    [InlineData("IE")]
    public void A_keyword_declared_as_gbk_is_read_as_gbk_even_when_its_bytes_are_also_valid_utf8(string parameter)
    {
        // E5 A5 B3 E7 BA A2 is 女红 in UTF-8 and 濂崇孩 in GBK: only the declaration can tell them apart.
        var source = TrafficSource.Classify($"https://www.baidu.com/s?{parameter}=GBK&wd=%E5%A5%B3%E7%BA%A2", Site);

        Assert.Equal("濂崇孩", source.Keyword);
    }

    [Fact]
    public void A_keyword_declared_as_utf8_is_read_as_utf8()
    {
        var source = TrafficSource.Classify("https://www.baidu.com/s?ie=utf-8&wd=%E5%A5%B3%E7%BA%A2", Site);

        Assert.Equal("女红", source.Keyword);
    }

    [Theory]
    [InlineData("https://www.baidu.com/s?wd")]
    [InlineData("https://www.baidu.com/s?wd&rsv_spt=1")]
    public void A_keyword_parameter_without_a_value_is_no_keyword(string referrer)
    {
        var source = TrafficSource.Classify(referrer, Site);

        Assert.Equal((TrafficSourceKind.SearchEngine, null), (source.Kind, source.Keyword));
    }

    [Fact]
    public void A_keyword_of_exactly_the_maximum_length_is_kept_whole()
    {
        var keyword = new string('k', TrafficSource.KeywordMaxLength);

        Assert.Equal(keyword, TrafficSource.Classify("https://www.so.com/s?q=" + keyword, Site).Keyword);
    }
}

