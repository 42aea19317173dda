using CustomerService.Domain.Branding;
using CustomerService.Tests.Builders;

namespace CustomerService.Tests.Domain.Branding;

/// <summary>Emoji, logo and unified avatar are typed by their bytes: bmp / jpg / png / gif only, within the size limit.</summary>
public sealed class EmojiImageTests
{
    [Theory]
    [InlineData("png", "image/png")]
    [InlineData("jpg", "image/jpeg")]
    [InlineData("gif", "image/gif")]
    [InlineData("bmp", "image/bmp")]
    public void The_four_emoji_formats_are_accepted(string extension, string contentType)
    {
        var bytes = extension switch
        {
            "png" => UploadSamples.Png(),
            "jpg" => UploadSamples.Jpeg(),
            "gif" => UploadSamples.Gif(),
            _ => UploadSamples.Bmp(),
        };

        var image = EmojiImage.Check(bytes, "face." + extension, bytes.Length, EmojiImage.MaxEmojiBytes);

        Assert.Equal(contentType, image.Value?.ContentType);
    }

    [Fact]
    public void An_executable_renamed_png_is_refused_as_an_executable()
    {
        var exe = UploadSamples.WindowsExe();

        Assert.Equal("UploadExecutable", EmojiImage.Check(exe, "logo.png", exe.Length, EmojiImage.MaxBrandImageBytes).Violation?.Code);
    }

    [Theory]
    [InlineData("logo.png")]    // a PDF named .png
    [InlineData("logo.pdf")]
    public void A_document_is_not_an_image(string name)
    {
        var pdf = UploadSamples.Pdf();

        Assert.Equal("ImageTypeNotAllowed", EmojiImage.Check(pdf, name, pdf.Length, EmojiImage.MaxBrandImageBytes).Violation?.Code);
    }

    [Fact]
    public void Svg_is_refused_it_can_carry_script()
    {
        var svg = UploadSamples.Svg();

        Assert.Equal("ImageTypeNotAllowed", EmojiImage.Check(svg, "logo.svg", svg.Length, EmojiImage.MaxBrandImageBytes).Violation?.Code);
    }

    [Fact]
    public void Png_named_jpg_is_refused()
    {
        var png = UploadSamples.Png();

        Assert.Equal("ImageTypeNotAllowed", EmojiImage.Check(png, "face.jpg", png.Length, EmojiImage.MaxEmojiBytes).Violation?.Code);
    }

    [Fact]
    public void One_byte_over_the_limit_is_refused_and_the_limit_itself_accepted()
    {
        var png = UploadSamples.Png();

        Assert.Null(EmojiImage.Check(png, "a.png", 256 * 1024, EmojiImage.MaxEmojiBytes).Violation);
        var over = EmojiImage.Check(png, "a.png", 256 * 1024 + 1, EmojiImage.MaxEmojiBytes).Violation;
        Assert.Equal("ImageTooLarge", over?.Code);
        Assert.Equal(256L, over!.Arguments[1]);
    }
}
