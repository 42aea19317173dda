using CustomerService.Data;
using CustomerService.Domain.Branding;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Branding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Branding;

/// <summary>表情管理 and the enterprise's images against the real app: bad input is refused with its reason and stores nothing.</summary>
public sealed class EmojiCatalogTests(AppFactory app) : IClassFixture<AppFactory>
{
    private EmojiCatalog Catalog => app.Services.GetRequiredService<EmojiCatalog>();

    private BrandImages Images => app.Services.GetRequiredService<BrandImages>();

    public static TheoryData<string, string> BadArchives => new()
    {
        { "ten-thousand", "EmojiArchiveTooManyFiles" },
        { "nested", "EmojiArchiveFolder" },
        { "traversal", "EmojiArchivePathTraversal" },
        { "not-image", "ImageTypeNotAllowed" },
        { "executable", "UploadExecutable" },
        { "bomb", "EmojiArchiveUncompressedTooLarge" },
        { "not-zip", "EmojiArchiveInvalid" },
    };

    [Theory]
    [MemberData(nameof(BadArchives))]
    public async Task A_bad_archive_is_refused_and_nothing_is_stored(string kind, string code)
    {
        var group = await NewGroupAsync();
        var zip = kind switch
        {
            "ten-thousand" => new EmojiArchiveBuilder().WithPngs(10_000).Build(),
            "nested" => new EmojiArchiveBuilder().With("a.png", UploadSamples.Png()).With("faces/b.png", UploadSamples.Png()).Build(),
            "traversal" => new EmojiArchiveBuilder().With("a.png", UploadSamples.Png()).With("../../b.png", UploadSamples.Png()).Build(),
            "not-image" => new EmojiArchiveBuilder().With("a.png", UploadSamples.Png()).With("readme.txt", UploadSamples.Text()).Build(),
            "executable" => new EmojiArchiveBuilder().With("a.png", UploadSamples.Png()).With("b.png", UploadSamples.WindowsExe()).Build(),
            "bomb" => Bomb(),
            _ => UploadSamples.Pdf(),
        };
        var before = await SnapshotAsync();

        var outcome = await Catalog.AddArchiveAsync(group, new MemoryStream(zip), zip.Length);

        Assert.Equal(code, outcome.Violation?.Code);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_fifty_megabyte_archive_is_refused_and_nothing_is_stored()
    {
        var group = await NewGroupAsync();
        var archive = new byte[50 * 1024 * 1024];
        var before = await SnapshotAsync();

        var declared = await Catalog.AddArchiveAsync(group, new MemoryStream(archive), archive.Length);
        // A client declaring a small size is stopped by reading, not trusted.
        var lying = await Catalog.AddArchiveAsync(group, new MemoryStream(archive), 1000);

        Assert.Equal("EmojiArchiveTooLarge", declared.Violation?.Code);
        Assert.Equal("EmojiArchiveTooLarge", lying.Violation?.Code);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_good_archive_adds_every_image_served_publicly_with_its_type()
    {
        var group = await NewGroupAsync();
        var zip = new EmojiArchiveBuilder().With("开心.png", UploadSamples.DecodablePng()).With("ok.gif", UploadSamples.Gif()).Build();
        var before = await SnapshotAsync();

        var outcome = await Catalog.AddArchiveAsync(group, new MemoryStream(zip), zip.Length);

        Assert.Equal(2, outcome.Value);
        var after = await SnapshotAsync();
        Assert.Equal(before.Emoji + 2, after.Emoji);
        Assert.Equal(before.Files + 2, after.Files);
        var listed = (await Catalog.ListAsync()).Single(g => g.Id == group);
        Assert.Equal(["开心", "ok"], listed.Emoji.Select(e => e.Name));

        using var client = app.CreateClient();
        var response = await client.GetAsync(listed.Emoji[0].Url);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(UploadSamples.DecodablePng(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Deleting_an_emoji_removes_its_row_and_its_file()
    {
        var group = await NewGroupAsync();
        var png = UploadSamples.Png();
        await Catalog.AddImageAsync(group, new MemoryStream(png), "smile.png", png.Length);
        var emoji = (await Catalog.ListAsync()).Single(g => g.Id == group).Emoji.Single();
        var before = await SnapshotAsync();

        var outcome = await Catalog.DeleteAsync(emoji.Id);

        Assert.True(outcome.Succeeded);
        Assert.Equal((before.Emoji - 1, before.Files - 1, before.BrandImages), await SnapshotAsync());
        using var client = app.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync(emoji.Url)).StatusCode);
    }

    [Theory]
    [InlineData("smile.png", "exe", "UploadExecutable")]
    [InlineData("smile.png", "pdf", "ImageTypeNotAllowed")]
    [InlineData("smile.webp", "webp", "ImageTypeNotAllowed")]
    [InlineData("smile.png", "big", "ImageTooLarge")]
    public async Task A_bad_single_emoji_is_refused_and_nothing_is_stored(string name, string content, string code)
    {
        var group = await NewGroupAsync();
        var bytes = content switch
        {
            "exe" => UploadSamples.WindowsExe(),
            "pdf" => UploadSamples.Pdf(),
            "webp" => UploadSamples.WebP(),
            _ => EmojiArchiveBuilder.HugePng(300 * 1024),
        };
        var before = await SnapshotAsync();

        var outcome = await Catalog.AddImageAsync(group, new MemoryStream(bytes), name, bytes.Length);

        Assert.Equal(code, outcome.Violation?.Code);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Emoji_for_a_group_that_does_not_exist_are_refused()
    {
        var png = UploadSamples.Png();
        var before = await SnapshotAsync();

        var outcome = await Catalog.AddImageAsync(987654, new MemoryStream(png), "a.png", png.Length);

        Assert.Equal("EmojiGroupNotFound", outcome.Violation?.Code);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一")]
    public async Task A_blank_or_overlong_group_name_is_refused(string name)
    {
        var groups = (await Catalog.ListAsync()).Count;

        var outcome = await Catalog.CreateGroupAsync(name);

        Assert.False(outcome.Succeeded);
        Assert.Equal(groups, (await Catalog.ListAsync()).Count);
    }

    [Fact]
    public async Task A_duplicate_group_name_is_refused()
    {
        var name = "重复" + Guid.NewGuid().ToString("N")[..6];
        await Catalog.CreateGroupAsync(name);

        var outcome = await Catalog.CreateGroupAsync(name);

        Assert.Equal("EmojiGroupDuplicate", outcome.Violation?.Code);
    }

    [Fact]
    public async Task A_logo_that_is_an_executable_renamed_png_is_refused_and_nothing_is_stored()
    {
        var exe = UploadSamples.WindowsExe();
        var before = await SnapshotAsync();

        var outcome = await Images.SaveAsync(new MemoryStream(exe), "logo.png", exe.Length);

        Assert.Equal("UploadExecutable", outcome.Violation?.Code);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_logo_image_is_stored_and_served_publicly()
    {
        var png = UploadSamples.DecodablePng();

        var outcome = await Images.SaveAsync(new MemoryStream(png), "logo.png", png.Length);

        Assert.StartsWith("/api/branding/images/", outcome.Value);
        using var client = app.CreateClient();
        var response = await client.GetAsync(outcome.Value);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
    }

    private static byte[] Bomb()
    {
        var builder = new EmojiArchiveBuilder();
        for (var i = 0; i < 100; i++)
        {
            builder.With($"{i}.png", EmojiArchiveBuilder.HugePng(1024 * 1024), System.IO.Compression.CompressionLevel.SmallestSize);
        }

        return builder.Build();
    }

    private async Task<int> NewGroupAsync() => (await Catalog.CreateGroupAsync("组" + Guid.NewGuid().ToString("N")[..8])).Value;

    /// <summary>Rows of emoji and brand images, and files in the upload folder.</summary>
    private async Task<(int Emoji, int Files, int BrandImages)> SnapshotAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContextAsync();
        var uploads = Path.Combine(app.DataDirectory, "uploads");
        var files = Directory.Exists(uploads) ? Directory.EnumerateFiles(uploads, "*", SearchOption.AllDirectories).Count() : 0;
        return (await db.CustomEmojis.CountAsync(), files, await db.BrandImages.CountAsync());
    }
}
