using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Domain.Organisation;
using CustomerService.Web.Features.Settings.KeyPages;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Settings.KeyPages;

public sealed class KeyPageServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private KeyPageService Service => _database.GetRequiredService<KeyPageService>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Key_pages_are_added_edited_deleted_and_matched_against_urls()
    {
        var product = await Service.CreateAsync("商品页", @"/item/\d+", KeyPageType.Product);
        var cart = await Service.CreateAsync("购物车", "/cart", KeyPageType.Other);
        Assert.True(product.Succeeded && cart.Succeeded);

        Assert.True((await Service.UpdateAsync(cart.Value, "购物车", "/cart", KeyPageType.Cart)).Succeeded);

        Assert.Equal(KeyPageType.Cart, (await Service.FindMatchAsync("https://shop.example.com/CART?x=1"))?.PageType);
        Assert.Equal("商品页", (await Service.FindMatchAsync("https://shop.example.com/item/42"))?.Name);
        Assert.Null(await Service.FindMatchAsync("https://shop.example.com/about"));

        Assert.True((await Service.DeleteAsync(product.Value)).Succeeded);
        Assert.Equal(["购物车"], (await Service.ListAsync()).Select(p => p.Name));
    }

    [Fact]
    public async Task An_invalid_regex_is_refused_with_the_parser_message_and_nothing_is_added()
    {
        var created = await Service.CreateAsync("商品页", "/item/(\\d+", KeyPageType.Product);

        Assert.Equal("InvalidRegex", created.Violation?.Code);
        Assert.False(string.IsNullOrWhiteSpace(created.Violation!.Arguments.Single() as string));
        await using var db = _database.NewContext();
        Assert.False(await db.KeyPages.AnyAsync());
    }

    [Fact]
    public async Task Editing_a_key_page_to_an_invalid_regex_is_refused_and_keeps_the_old_pattern()
    {
        var created = await Service.CreateAsync("商品页", "/item/", KeyPageType.Product);

        var updated = await Service.UpdateAsync(created.Value, "商品页", "[unclosed", KeyPageType.Product);

        Assert.Equal("InvalidRegex", updated.Violation?.Code);
        await using var db = _database.NewContext();
        Assert.Equal("/item/", (await db.KeyPages.SingleAsync()).UrlPattern);
    }
}
