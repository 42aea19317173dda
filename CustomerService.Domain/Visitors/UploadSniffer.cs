using System.Buffers;
using System.Text;
using CustomerService.Domain.Common;

namespace CustomerService.Domain.Visitors;

public enum UploadKind
{
    /// <summary>Shown inline in the conversation.</summary>
    Image,

    /// <summary>Offered as a download.</summary>
    File,
}

/// <summary>
/// What an accepted upload really is: the kind (which size limit applies), the content type to serve it with, and the
/// extension its stored / downloaded name should carry.
/// </summary>
public sealed record SniffedUpload(UploadKind Kind, string ContentType, string Extension);

/// <summary>
/// Decides an upload's real type from its first bytes, never from what the browser declared (SPEC M: wrong file types
/// are refused, uploads are served with safe content types). Executables are refused whatever their name; the declared
/// extension must agree with the content; an upload without an extension gets the one its content calls for.
/// <para>
/// Accepted: PNG, JPEG, GIF, WebP, BMP as images; PDF, Office Open XML (docx / xlsx / pptx) and ZIP, legacy Office
/// (doc / xls / ppt), and plain text (txt / csv / log / md, UTF-8 or GBK; <c>charset=utf-8</c> only when it is UTF-8)
/// as files. SVG and HTML are refused: a browser runs their scripts. A PNG named .jpg is refused, so is a PDF named
/// .exe. Serve with the returned content type, <c>X-Content-Type-Options: nosniff</c> and, for files,
/// <c>Content-Disposition: attachment</c>.
/// </para>
/// </summary>
public static class UploadSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> needs (pass the whole upload when it is shorter).</summary>
    public const int HeaderLength = 512;

    private const string Utf8Charset = "; charset=utf-8";

    private static readonly string[] ExecutableExtensions =
    [
        "exe", "dll", "com", "scr", "msi", "msp", "bat", "cmd", "ps1", "psm1", "vbs", "vbe", "js", "jse", "wsf", "wsh",
        "hta", "cpl", "jar", "apk", "app", "dmg", "pkg", "deb", "rpm", "sh", "bash", "elf", "bin", "run", "lnk", "reg",
    ];

    // Declared before Formats, which uses them: static fields initialise in textual order.
    // The first row is the default for an upload without an extension.
    private static readonly TypeChoice[] ZipFamily =
    [
        new("zip", "application/zip"),
        new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        new("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ];

    private static readonly TypeChoice[] TextFamily =
        [new("txt", "text/plain"), new("csv", "text/csv"), new("log", "text/plain"), new("md", "text/plain")];

    private static readonly Format[] Formats =
    [
        new(UploadKind.Image, Bytes("\x89PNG\r\n\x1A\n"), [new("png", "image/png")]),
        new(UploadKind.Image, [0xFF, 0xD8, 0xFF], [new("jpg", "image/jpeg"), new("jpeg", "image/jpeg"), new("jpe", "image/jpeg"), new("jfif", "image/jpeg")]),
        new(UploadKind.Image, Bytes("GIF87a"), [new("gif", "image/gif")]),
        new(UploadKind.Image, Bytes("GIF89a"), [new("gif", "image/gif")]),
        new(UploadKind.Image, Bytes("RIFF"), [new("webp", "image/webp")], Also: head => head.Length >= 12 && head[8..12].SequenceEqual(Bytes("WEBP"))),
        new(UploadKind.Image, Bytes("BM"), [new("bmp", "image/bmp")], Also: IsBitmapHeader),
        new(UploadKind.File, Bytes("%PDF-"), [new("pdf", "application/pdf")]),
        new(UploadKind.File, Bytes("PK\x03\x04"), ZipFamily),
        new(UploadKind.File, Bytes("PK\x05\x06"), ZipFamily),
        new(UploadKind.File, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
        [
            new("doc", "application/msword"),
            new("xls", "application/vnd.ms-excel"),
            new("ppt", "application/vnd.ms-powerpoint"),
        ]),
    ];

    private static readonly byte[][] ExecutableMagics =
    [
        Bytes("MZ"), // DOS / Windows PE
        Bytes("\x7F" + "ELF"),
        Bytes("#!"), // script with an interpreter line
        [0xFE, 0xED, 0xFA, 0xCE], [0xFE, 0xED, 0xFA, 0xCF], [0xCE, 0xFA, 0xED, 0xFE], [0xCF, 0xFA, 0xED, 0xFE], // Mach-O
        [0xCA, 0xFE, 0xBA, 0xBE], // Mach-O universal binary (and Java class files)
        [0xEF, 0xBB, 0xBF, (byte)'#', (byte)'!'], // a script saved with a UTF-8 byte order mark
    ];

    /// <param name="head">The first <see cref="HeaderLength"/> bytes of the upload (all of it when shorter).</param>
    /// <param name="fileName">The name the browser sent; only its extension is used.</param>
    public static Outcome<SniffedUpload> Sniff(ReadOnlySpan<byte> head, string? fileName)
    {
        if (head.IsEmpty)
        {
            return new RuleViolation("UploadEmpty");
        }

        var extension = ExtensionOf(fileName);
        foreach (var magic in ExecutableMagics)
        {
            if (head.StartsWith(magic))
            {
                return new RuleViolation("UploadExecutable");
            }
        }

        if (ExecutableExtensions.Contains(extension))
        {
            return new RuleViolation("UploadExecutable");
        }

        foreach (var format in Formats)
        {
            if (head.StartsWith(format.Magic) && (format.Also is null || format.Also(head.ToArray())))
            {
                return Choose(format.Kind, format.Types, extension, new RuleViolation("UploadExtensionMismatch", extension));
            }
        }

        if (LooksLikeText(head))
        {
            // Text is what HTML, SVG and scripts are made of: only the plain-text extensions are accepted.
            var text = Choose(UploadKind.File, TextFamily, extension, new RuleViolation("UploadTypeNotAllowed"));
            return text.Value is { } sniffed && IsUtf8(head) ? sniffed with { ContentType = sniffed.ContentType + Utf8Charset } : text;
        }

        return new RuleViolation("UploadTypeNotAllowed");
    }

    private static Outcome<SniffedUpload> Choose(UploadKind kind, TypeChoice[] types, string extension, RuleViolation otherExtension)
    {
        if (extension.Length == 0)
        {
            return new SniffedUpload(kind, types[0].ContentType, types[0].Extension);
        }

        foreach (var type in types)
        {
            if (type.Extension == extension)
            {
                return new SniffedUpload(kind, type.ContentType, type.Extension);
            }
        }

        return otherExtension;
    }

    private static string ExtensionOf(string? fileName)
    {
        // Browsers send a bare name, but some tools send a path with either separator.
        var name = (fileName ?? string.Empty).Trim().TrimEnd('.');
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? string.Empty : name[(dot + 1)..].ToLowerInvariant();
    }

    // BMP's two-byte magic is weak: also require one of the known DIB header sizes at offset 14.
    private static bool IsBitmapHeader(byte[] head) =>
        head.Length >= 18 && BitConverter.ToUInt32(head, 14) is 12 or 40 or 52 or 56 or 64 or 108 or 124;

    /// <summary>
    /// Text when it has no NUL and no control characters other than tab, line feed, form feed, carriage return and
    /// escape. Bytes ≥ 0x80 are allowed whether UTF-8 or GBK: Chinese Windows still saves text as GBK.
    /// </summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r' or 0x1B))
            {
                return false;
            }

            if (b == 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Valid UTF-8, allowing a character cut off at the end of the head.</summary>
    private static bool IsUtf8(ReadOnlySpan<byte> head)
    {
        while (!head.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(head, out _, out var consumed);
            if (status == OperationStatus.NeedMoreData)
            {
                return true;
            }

            if (status != OperationStatus.Done)
            {
                return false;
            }

            head = head[consumed..];
        }

        return true;
    }

    private static byte[] Bytes(string ascii) => Encoding.Latin1.GetBytes(ascii);

    private sealed record TypeChoice(string Extension, string ContentType);

    private sealed record Format(UploadKind Kind, byte[] Magic, TypeChoice[] Types, Func<byte[], bool>? Also = null);
}
