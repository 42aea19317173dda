using System.IO.Compression;

namespace CustomerService.Tests.Builders;

/// <summary>
/// ZIP archives for 表情管理 tests, built in memory entry by entry.
/// <code>
/// var zip = new EmojiArchiveBuilder().With("smile.png", UploadSamples.Png()).Build();
/// </code>
/// </summary>
public sealed class EmojiArchiveBuilder
{
    private readonly List<(string Name, byte[] Content, CompressionLevel Level)> _entries = [];

    public EmojiArchiveBuilder With(string name, byte[] content, CompressionLevel level = CompressionLevel.Fastest)
    {
        _entries.Add((name, content, level));
        return this;
    }

    /// <summary><paramref name="count"/> small PNGs named 0.png, 1.png, …</summary>
    public EmojiArchiveBuilder WithPngs(int count)
    {
        for (var i = 0; i < count; i++)
        {
            With($"{i}.png", UploadSamples.Png());
        }

        return this;
    }

    public byte[] Build()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, level) in _entries)
            {
                var entry = zip.CreateEntry(name, level);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A PNG header followed by <paramref name="length"/> zero bytes: compresses to almost nothing (a bomb's payload).</summary>
    public static byte[] HugePng(int length) => [.. UploadSamples.Png(), .. new byte[length]];
}
