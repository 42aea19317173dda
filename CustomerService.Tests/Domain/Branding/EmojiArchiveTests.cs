using CustomerService.Domain.Branding;
using CustomerService.Tests.Builders;

namespace CustomerService.Tests.Domain.Branding;

/// <summary>表情管理 ZIP import (issue 16): all images or none, and every kind of hostile archive refused with its reason.</summary>
public sealed class EmojiArchiveTests
{
    [Fact]
    public void Archive_of_images_yields_each_with_its_sniffed_type()
    {
        var zip = new EmojiArchiveBuilder()
            .With("微笑.png", UploadSamples.Png())
            .With("ok.jpg", UploadSamples.Jpeg())
            .With("dance.gif", UploadSamples.Gif())
            .With("old.bmp", UploadSamples.Bmp())
            .Build();

        var files = EmojiArchive.Read(new MemoryStream(zip));

        Assert.Null(files.Violation);
        Assert.Equal(["微笑.png", "ok.jpg", "dance.gif", "old.bmp"], files.Value!.Select(f => f.Name));
        Assert.Equal(["image/png", "image/jpeg", "image/gif", "image/bmp"], files.Value!.Select(f => f.Type.ContentType));
        Assert.Equal(UploadSamples.Gif(), files.Value![2].Content);
    }

    [Fact]
    public void Ten_thousand_files_are_refused()
    {
        var zip = new EmojiArchiveBuilder().WithPngs(10_000).Build();

        var files = EmojiArchive.Read(new MemoryStream(zip));

        Assert.Equal("EmojiArchiveTooManyFiles", files.Violation?.Code);
        Assert.Equal(200, files.Violation!.Arguments[0]);
    }

    [Fact]
    public void Two_hundred_files_are_the_most_accepted()
    {
        var zip = new EmojiArchiveBuilder().WithPngs(200).Build();

        Assert.Equal(200, EmojiArchive.Read(new MemoryStream(zip)).Value!.Count);
    }

    [Fact]
    public void Huge_uncompressed_size_is_refused_before_it_is_unpacked()
    {
        // 100 entries of 1 MB zeros each: about 100 KB compressed, 100 MB unpacked.
        var builder = new EmojiArchiveBuilder();
        for (var i = 0; i < 100; i++)
        {
            builder.With($"{i}.png", EmojiArchiveBuilder.HugePng(1024 * 1024), System.IO.Compression.CompressionLevel.SmallestSize);
        }

        var zip = builder.Build();
        Assert.True(zip.Length < 1024 * 1024, $"the bomb should be small, is {zip.Length}");

        var files = EmojiArchive.Read(new MemoryStream(zip));

        Assert.Equal("EmojiArchiveUncompressedTooLarge", files.Violation?.Code);
    }

    [Fact]
    public void One_image_over_the_emoji_limit_is_refused_by_name()
    {
        var zip = new EmojiArchiveBuilder()
            .With("small.png", UploadSamples.Png())
            .With("big.png", EmojiArchiveBuilder.HugePng(300 * 1024))
            .Build();

        var files = EmojiArchive.Read(new MemoryStream(zip));

        Assert.Equal("ImageTooLarge", files.Violation?.Code);
        Assert.Equal("big.png", files.Violation!.Arguments[0]);
        Assert.Equal(256L, files.Violation!.Arguments[1]);
    }

    [Theory]
    [InlineData("faces/smile.png", "EmojiArchiveFolder")]
    [InlineData("a/b/c/smile.png", "EmojiArchiveFolder")]
    [InlineData("faces/", "EmojiArchiveFolder")]
    [InlineData("../smile.png", "EmojiArchivePathTraversal")]
    [InlineData("faces/../../etc/smile.png", "EmojiArchivePathTraversal")]
    [InlineData("..\\smile.png", "EmojiArchivePathTraversal")]
    [InlineData("/etc/smile.png", "EmojiArchivePathTraversal")]
    [InlineData("C:\\Windows\\smile.png", "EmojiArchivePathTraversal")]
    public void Nested_folders_and_escaping_names_are_refused(string name, string code)
    {
        var zip = new EmojiArchiveBuilder().With("ok.png", UploadSamples.Png()).With(name, UploadSamples.Png()).Build();

        var files = EmojiArchive.Read(new MemoryStream(zip));

        Assert.Equal(code, files.Violation?.Code);
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("picture.webp")]
    [InlineData("drawing.svg")]
    public void A_file_that_is_not_a_bmp_jpg_png_or_gif_is_refused(string name)
    {
        var content = name.EndsWith(".webp") ? UploadSamples.WebP() : name.EndsWith(".svg") ? UploadSamples.Svg() : UploadSamples.Text();
        var zip = new EmojiArchiveBuilder().With("ok.png", UploadSamples.Png()).With(name, content).Build();

        var files = EmojiArchive.Read(new MemoryStream(zip));

        Assert.Equal("ImageTypeNotAllowed", files.Violation?.Code);
        Assert.Equal(name, files.Violation!.Arguments[0]);
    }

    [Fact]
    public void An_executable_renamed_png_inside_the_archive_is_refused()
    {
        var zip = new EmojiArchiveBuilder().With("smile.png", UploadSamples.WindowsExe()).Build();

        Assert.Equal("UploadExecutable", EmojiArchive.Read(new MemoryStream(zip)).Violation?.Code);
    }

    [Fact]
    public void An_archive_over_ten_megabytes_is_refused()
    {
        var over = new byte[EmojiArchive.MaxArchiveBytes + 1];

        Assert.Equal("EmojiArchiveTooLarge", EmojiArchive.Read(new MemoryStream(over)).Violation?.Code);
    }

    [Fact]
    public void Bytes_that_are_not_a_zip_are_refused()
    {
        Assert.Equal("EmojiArchiveInvalid", EmojiArchive.Read(new MemoryStream(UploadSamples.Png())).Violation?.Code);
    }

    [Fact]
    public void An_empty_archive_is_refused()
    {
        var zip = new EmojiArchiveBuilder().Build();

        Assert.Equal("EmojiArchiveEmpty", EmojiArchive.Read(new MemoryStream(zip)).Violation?.Code);
    }
}
