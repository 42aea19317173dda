using System.IO.Compression;
using CustomerService.Domain.Common;
using CustomerService.Domain.Visitors;

namespace CustomerService.Domain.Branding;

/// <summary>An image taken from an upload or an archive, checked and read into memory, ready to be stored.</summary>
public sealed record EmojiFile(string Name, byte[] Content, SniffedUpload Type);

/// <summary>
/// 表情 ZIP (seed 002 “添加表情前，先维护好表情ZIP格式压缩包，可以批量添加表情”): all the archive's images are added, or
/// none. Refused with the reason, before anything is stored: an archive over <see cref="MaxArchiveBytes"/>, one that is
/// not a ZIP, more than <see cref="MaxEntries"/> files, folders (the images must sit at the top level), names with
/// <c>..</c>, a drive or a leading slash, a total uncompressed size over <see cref="MaxUncompressedBytes"/>, and any file
/// that is not a bmp / jpg / png / gif within <see cref="EmojiImage.MaxEmojiBytes"/>.
/// <para>
/// A ZIP bomb cannot get past the limits: the sizes the archive declares are checked first, and each image is then
/// read through a counter that stops one byte past the limit, so an archive lying about its sizes is caught too and
/// memory never holds more than <see cref="MaxUncompressedBytes"/>.
/// </para>
/// </summary>
public static class EmojiArchive
{
    public const long MaxArchiveBytes = 10 * 1024 * 1024;
    public const int MaxEntries = 200;
    public const long MaxUncompressedBytes = 20 * 1024 * 1024;

    /// <param name="archive">The archive's bytes; the caller has stopped reading at <see cref="MaxArchiveBytes"/> + 1.</param>
    public static Outcome<IReadOnlyList<EmojiFile>> Read(Stream archive)
    {
        if (archive.CanSeek && archive.Length > MaxArchiveBytes)
        {
            return new RuleViolation("EmojiArchiveTooLarge", MaxArchiveBytes / (1024 * 1024));
        }

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            return new RuleViolation("EmojiArchiveInvalid");
        }

        using (zip)
        {
            try
            {
                return ReadEntries(zip);
            }
            catch (InvalidDataException)
            {
                // A damaged entry (bad header, unsupported compression) found while reading it.
                return new RuleViolation("EmojiArchiveInvalid");
            }
        }
    }

    private static Outcome<IReadOnlyList<EmojiFile>> ReadEntries(ZipArchive zip)
    {
        var entries = zip.Entries;
        if (entries.Count > MaxEntries)
        {
            return new RuleViolation("EmojiArchiveTooManyFiles", MaxEntries);
        }

        long declared = 0;
        foreach (var entry in entries)
        {
            if (CheckName(entry.FullName) is { } badName)
            {
                return badName;
            }

            declared += entry.Length;
        }

        if (declared > MaxUncompressedBytes)
        {
            return new RuleViolation("EmojiArchiveUncompressedTooLarge", MaxUncompressedBytes / (1024 * 1024));
        }

        var files = new List<EmojiFile>(entries.Count);
        long total = 0;
        foreach (var entry in entries)
        {
            if (entry.Length > EmojiImage.MaxEmojiBytes)
            {
                return new RuleViolation("ImageTooLarge", entry.FullName, EmojiImage.MaxEmojiBytes / 1024);
            }

            var content = ReadCapped(entry, EmojiImage.MaxEmojiBytes);
            total += content.Length;
            if (content.Length > EmojiImage.MaxEmojiBytes)
            {
                return new RuleViolation("ImageTooLarge", entry.FullName, EmojiImage.MaxEmojiBytes / 1024);
            }

            if (total > MaxUncompressedBytes)
            {
                return new RuleViolation("EmojiArchiveUncompressedTooLarge", MaxUncompressedBytes / (1024 * 1024));
            }

            var type = EmojiImage.Check(content.AsSpan(0, Math.Min(content.Length, UploadSniffer.HeaderLength)), entry.FullName, content.Length, EmojiImage.MaxEmojiBytes);
            if (type.Violation is { } notImage)
            {
                return notImage;
            }

            files.Add(new EmojiFile(entry.FullName, content, type.Value!));
        }

        return files.Count == 0 ? new RuleViolation("EmojiArchiveEmpty") : files;
    }

    /// <summary>Only plain names at the top level: no folder (nested or not), no way out of one, no absolute path.</summary>
    public static RuleViolation? CheckName(string fullName)
    {
        var parts = fullName.Split('/', '\\');
        if (parts.Any(p => p == "..") || fullName.StartsWith('/') || fullName.StartsWith('\\') || fullName.Contains(':'))
        {
            return new RuleViolation("EmojiArchivePathTraversal", fullName);
        }

        return parts.Length > 1 ? new RuleViolation("EmojiArchiveFolder", fullName)
            : string.IsNullOrWhiteSpace(fullName) ? new RuleViolation("EmojiArchiveInvalid")
            : null;
    }

    /// <summary>Reads at most <paramref name="limit"/> + 1 bytes, whatever the entry declares.</summary>
    private static byte[] ReadCapped(ZipArchiveEntry entry, long limit)
    {
        using var source = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length <= limit && (read = source.Read(chunk, 0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
