using CustomerService.Domain.Branding;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Branding;
using CustomerService.Web.Features.Settings.Enterprise;
using CustomerService.Web.Features.Visitors.Api;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Branding;

/// <summary>A replaced logo or unified avatar is deleted, row and file — unless the other setting still shows it.</summary>
public sealed class BrandImageReleaseTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddEnterpriseAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<(string Url, string StorageKey)> UploadAsync()
    {
        var png = UploadSamples.Png();
        var url = (await _database.GetRequiredService<BrandImages>().SaveAsync(new MemoryStream(png), "logo.png", png.Length)).Value!;
        await using var db = _database.NewContext();
        return (url, (await db.BrandImages.SingleAsync(i => i.Id == BrandImage.IdOf(url))).StorageKey);
    }

    private async Task SaveLogoAsync(string? url)
    {
        var service = _database.GetRequiredService<EnterpriseSettingsService>();
        var model = (await service.GetAsync())!;
        model.LogoUrl = url;
        Assert.True((await service.SaveAsync(model.Info)).Succeeded);
    }

    private async Task<bool> IsStoredAsync((string Url, string StorageKey) image)
    {
        await using var db = _database.NewContext();
        using var file = _database.GetRequiredService<UploadStore>().Open(image.StorageKey);
        var row = await db.BrandImages.AnyAsync(i => i.Id == BrandImage.IdOf(image.Url));
        Assert.Equal(row, file is not null); // never a row without its file, nor a file without its row
        return row;
    }

    [Fact]
    public async Task A_replaced_logo_is_deleted_and_the_new_one_kept()
    {
        var first = await UploadAsync();
        await SaveLogoAsync(first.Url);
        var second = await UploadAsync();

        await SaveLogoAsync(second.Url);

        Assert.False(await IsStoredAsync(first));
        Assert.True(await IsStoredAsync(second));
    }

    [Fact]
    public async Task A_logo_the_unified_avatar_still_shows_is_kept_and_a_replaced_avatar_is_deleted()
    {
        var shared = await UploadAsync();
        await SaveLogoAsync(shared.Url);
        var unified = _database.GetRequiredService<UnifiedAgentImageService>();
        Assert.True((await unified.SaveAsync(new UnifiedAgentImageInput(true, shared.Url, false, null, false, null, false))).Succeeded);

        await SaveLogoAsync("https://shop.example.com/logo.png");
        Assert.True(await IsStoredAsync(shared));

        var avatar = await UploadAsync();
        Assert.True((await unified.SaveAsync(new UnifiedAgentImageInput(true, avatar.Url, false, null, false, null, false))).Succeeded);
        Assert.False(await IsStoredAsync(shared));
        Assert.True(await IsStoredAsync(avatar));
    }

    [Theory]
    [InlineData("/api/branding/images/42", 42L)]
    [InlineData("/api/branding/images/-1", null)]
    [InlineData("/api/branding/images/4x", null)]
    [InlineData("https://shop.example.com/api/branding/images/42", null)]
    [InlineData(null, null)]
    public void Only_our_own_image_address_names_a_brand_image(string? url, long? id) => Assert.Equal(id, BrandImage.IdOf(url));
}
