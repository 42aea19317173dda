using System.Globalization;
using System.Text;

namespace CustomerService.Domain.Visitors;

/// <summary>
/// One message of a transcript: when it was sent (UTC), the name the visitor saw for its sender, and either its text
/// or, for an image / file message, the file's name.
/// </summary>
public sealed record TranscriptMessage(DateTime SentAtUtc, string SenderName, string? Text, string? FileName = null);

/// <summary>
/// The visitor's TXT transcript (SPEC D6): one line per message, <c>[yyyy-MM-dd HH:mm:ss] Name: text</c>, in the
/// enterprise's time zone, in the order given (the caller orders by sequence number). Continuation lines of a
/// multi-line message are indented by two spaces, so a message can never pass for a line of its own
/// (<c>[2025-…] 客服: …</c> typed by a visitor stays visibly inside his message). Lines end with CRLF, which every
/// Windows editor shows; write the text as UTF-8 with a byte order mark so old Notepad recognises Chinese.
/// </summary>
public static class TranscriptFormatter
{
    public const string LineBreak = "\r\n";
    public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss";

    private const string Continuation = "  ";

    /// <param name="messages">The conversation's messages, in order.</param>
    /// <param name="timeZone">The enterprise's time zone (EnterpriseProfile.TimeZone).</param>
    /// <param name="fileLabel">
    /// Optional word for file messages in the reader's language (“文件”): <c>[文件: a.pdf]</c>; without it <c>[a.pdf]</c>.
    /// </param>
    public static string Format(IEnumerable<TranscriptMessage> messages, TimeZoneInfo timeZone, string? fileLabel = null)
    {
        var text = new StringBuilder();
        foreach (var line in FormatLines(messages, timeZone, fileLabel))
        {
            text.Append(line).Append(LineBreak);
        }

        return text.ToString();
    }

    /// <summary>The transcript's lines without line ends; a multi-line message yields several.</summary>
    public static IEnumerable<string> FormatLines(IEnumerable<TranscriptMessage> messages, TimeZoneInfo timeZone, string? fileLabel = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(timeZone);

        foreach (var message in messages)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(message.SentAtUtc, DateTimeKind.Utc), timeZone);
            var stamp = local.ToString(TimestampFormat, CultureInfo.InvariantCulture);
            var body = Body(message, fileLabel).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

            yield return $"[{stamp}] {OneLine(message.SenderName)}: {body[0]}";
            foreach (var rest in body.Skip(1))
            {
                yield return Continuation + rest;
            }
        }
    }

    private static string Body(TranscriptMessage message, string? fileLabel) =>
        message.FileName is { Length: > 0 } file
            ? string.IsNullOrWhiteSpace(fileLabel) ? $"[{OneLine(file)}]" : $"[{fileLabel}: {OneLine(file)}]"
            : message.Text ?? string.Empty;

    // Names and file names are one line by nature; a line break in one would break the format.
    private static string OneLine(string? value) =>
        (value ?? string.Empty).Replace('\r', ' ').Replace('\n', ' ').Trim();
}
