using CustomerService.Domain.Common;
using CustomerService.Domain.Visitors;

namespace CustomerService.Domain.Branding;

/// <summary>
/// The image checks of emoji, logos and the unified avatar: the type is decided by the content with the same
/// <see cref="UploadSniffer"/> as conversation uploads (an executable renamed .png is refused), and only the formats
/// seed 002 names for emoji are kept — bmp, jpg, png, gif.
/// </summary>
public static class EmojiImage
{
    /// <summary>Largest emoji image. Emoji are small pictures; 256 KB holds an animated GIF.</summary>
    public const long MaxEmojiBytes = 256 * 1024;

    /// <summary>Largest logo or avatar.</summary>
    public const long MaxBrandImageBytes = 1024 * 1024;

    private static readonly string[] AllowedContentTypes = ["image/png", "image/jpeg", "image/gif", "image/bmp"];

    /// <param name="head">The first <see cref="UploadSniffer.HeaderLength"/> bytes (all of them when shorter).</param>
    /// <param name="fileName">The uploader's name; only its extension is compared with the content.</param>
    /// <param name="length">The whole file's length.</param>
    /// <param name="maxBytes">The limit for this use (<see cref="MaxEmojiBytes"/>, <see cref="MaxBrandImageBytes"/>).</param>
    public static Outcome<SniffedUpload> Check(ReadOnlySpan<byte> head, string? fileName, long length, long maxBytes)
    {
        var sniffed = UploadSniffer.Sniff(head, fileName);
        if (sniffed.Violation is { Code: "UploadExecutable" or "UploadEmpty" } refused)
        {
            return refused;
        }

        if (sniffed.Value is not { Kind: UploadKind.Image } image || !AllowedContentTypes.Contains(image.ContentType))
        {
            return new RuleViolation("ImageTypeNotAllowed", NameOf(fileName));
        }

        return length > maxBytes ? new RuleViolation("ImageTooLarge", NameOf(fileName), maxBytes / 1024) : image;
    }

    private static string NameOf(string? fileName) => string.IsNullOrWhiteSpace(fileName) ? "?" : Path.GetFileName(fileName.Trim());
}
