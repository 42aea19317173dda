using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;

namespace CustomerService.Tests.Domain.Organisation;

/// <summary>关键页面 (SPEC K): a name and a URL pattern an admin types; a bad one is refused and changes nothing.</summary>
public sealed class KeyPageTests
{
    [Fact]
    public void Changing_to_an_invalid_pattern_is_refused_and_the_page_keeps_its_rule()
    {
        var page = new KeyPage("购物车", "/cart", KeyPageType.Cart);

        var thrown = Assert.Throws<RuleViolationException>(() => page.Change("购物车", "/cart(", KeyPageType.OrderFill));

        Assert.Equal("InvalidRegex", thrown.Violation.Code);
        Assert.Equal(("/cart", KeyPageType.Cart), (page.UrlPattern, page.PageType));
    }

    [Fact]
    public void Changing_stores_the_trimmed_name_the_pattern_and_the_type()
    {
        var page = new KeyPage("购物车", "/cart", KeyPageType.Cart);

        page.Change(" 下单 ", "/order/fill", KeyPageType.OrderFill);

        Assert.Equal(("下单", "/order/fill", KeyPageType.OrderFill), (page.Name, page.UrlPattern, page.PageType));
    }

    [Theory]
    [InlineData(null, "/cart", "Required", "KeyPage.Name")]
    [InlineData(" ", "/cart", "Required", "KeyPage.Name")]
    [InlineData("购物车", "", "Required", "KeyPage.UrlPattern")]
    [InlineData("购物车", "  ", "Required", "KeyPage.UrlPattern")]
    public void A_blank_name_or_pattern_is_required(string? name, string? pattern, string code, string field)
    {
        var violation = KeyPage.Check(name, pattern);

        Assert.Equal((code, field), (violation?.Code, violation?.Arguments[0]));
    }

    [Fact]
    public void A_name_of_thirty_two_characters_is_accepted_and_thirty_three_is_too_long()
    {
        Assert.Null(KeyPage.Check(new string('页', 32), "/cart"));
        Assert.Equal(new RuleViolation("TooLong", "KeyPage.Name", 32).ToString(), KeyPage.Check(new string('页', 33), "/cart")?.ToString());
    }

    [Fact]
    public void A_pattern_of_five_hundred_characters_is_accepted_and_one_more_is_too_long()
    {
        Assert.Null(KeyPage.Check("商品", new string('a', 500)));
        Assert.Equal(new RuleViolation("TooLong", "KeyPage.UrlPattern", 500).ToString(), KeyPage.Check("商品", new string('a', 501))?.ToString());
    }

    [Fact]
    public void Matching_ignores_case()
    {
        var page = new KeyPage("购物车", "/Cart", KeyPageType.Cart);

        Assert.True(page.Matches("https://shop.example.com/CART?x=1"));
        Assert.False(page.Matches("https://shop.example.com/basket"));
    }

    [Theory]
    [InlineData(KeyPageType.Cart, true)]
    [InlineData(KeyPageType.OrderFill, true)]
    [InlineData(KeyPageType.OrderSuccess, true)]
    [InlineData(KeyPageType.Product, false)]
    [InlineData(KeyPageType.Payment, false)]
    public void Only_cart_and_order_pages_make_the_visitor_vip(KeyPageType type, bool vip) =>
        Assert.Equal(vip, KeyPage.MakesVisitorVip(type));
}
