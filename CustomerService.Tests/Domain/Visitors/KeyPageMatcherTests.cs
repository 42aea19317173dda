using CustomerService.Domain.Organisation;
using CustomerService.Domain.Visitors;

namespace CustomerService.Tests.Domain.Visitors;

/// <summary>SPEC E3 key-page type of a visited URL; D2.7 VIP from cart and order pages.</summary>
public sealed class KeyPageMatcherTests
{
    // The SPEC N1 demo rules, in the order the settings list shows them.
    private static readonly KeyPage[] DemoPages =
    [
        new("商品页", "/demo/shop/product", KeyPageType.Product),
        new("购物车", "/demo/shop/cart", KeyPageType.Cart),
        new("订单填写", "/demo/shop/order", KeyPageType.OrderFill),
    ];

    [Theory]
    [InlineData("https://shop.example.com/demo/shop/product?id=7", KeyPageType.Product)]
    [InlineData("https://shop.example.com/demo/shop/cart", KeyPageType.Cart)]
    [InlineData("https://shop.example.com/DEMO/SHOP/ORDER", KeyPageType.OrderFill)]
    public void Url_gets_the_type_of_the_key_page_it_matches(string url, KeyPageType type)
    {
        Assert.Equal(type, KeyPageMatcher.Match(DemoPages, url));
    }

    [Theory]
    [InlineData("https://shop.example.com/about")]
    [InlineData("")]
    [InlineData(null)]
    public void Url_matching_no_key_page_has_no_type(string? url)
    {
        Assert.Null(KeyPageMatcher.Match(DemoPages, url));
    }

    [Fact]
    public void First_matching_page_in_the_given_order_wins()
    {
        KeyPage[] pages =
        [
            new("订单成功", @"/order/success", KeyPageType.OrderSuccess),
            new("订单", @"/order/", KeyPageType.OrderFill),
        ];

        var found = KeyPageMatcher.FindFirst(pages, "https://shop.example.com/order/success?no=1");

        Assert.Same(pages[0], found);
        Assert.Equal(KeyPageType.OrderFill, KeyPageMatcher.Match(pages.Reverse(), "https://shop.example.com/order/success"));
    }

    [Fact]
    public void Pattern_that_times_out_counts_as_no_match_and_later_pages_still_match()
    {
        // Catastrophic backtracking: without the timeout this would run for ages on the URL below.
        KeyPage[] pages =
        [
            new("坏规则", @"(a+)+$", KeyPageType.Home),
            new("购物车", @"cart", KeyPageType.Cart),
        ];
        var url = "https://shop.example.com/cart/" + new string('a', 40) + "!";

        Assert.Equal(KeyPageType.Cart, KeyPageMatcher.Match(pages, url));
    }

    [Theory]
    [InlineData("https://shop.example.com/demo/shop/cart", true)]
    [InlineData("https://shop.example.com/demo/shop/order", true)]
    [InlineData("https://shop.example.com/demo/shop/product", false)]
    [InlineData("https://shop.example.com/", false)]
    public void Cart_and_order_pages_make_the_visitor_vip(string url, bool vip)
    {
        Assert.Equal(vip, KeyPageMatcher.MakesVisitorVip(DemoPages, url));
    }

    [Fact]
    public void Matching_against_no_key_page_list_is_a_programming_error() =>
        Assert.Equal("keyPages", Assert.Throws<ArgumentNullException>(() => KeyPageMatcher.FindFirst(null!, "https://shop.example.com/")).ParamName);
}
