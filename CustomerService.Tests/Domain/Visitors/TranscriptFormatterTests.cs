using CustomerService.Domain.Visitors;

namespace CustomerService.Tests.Domain.Visitors;

/// <summary>SPEC D6: the visitor's TXT transcript, one “[time] Name: text” line per message, in the enterprise's zone.</summary>
public sealed class TranscriptFormatterTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTime Start = new(2025, 3, 1, 1, 30, 5, DateTimeKind.Utc);

    [Fact]
    public void Each_message_is_a_line_with_local_time_sender_and_text()
    {
        TranscriptMessage[] messages =
        [
            new(Start, "访客 8231", "你好，这双鞋有 42 码吗？"),
            new(Start.AddSeconds(12), "客服小美", "有的，现在下单今天发货。"),
        ];

        var text = TranscriptFormatter.Format(messages, Shanghai);

        Assert.Equal(
            "[2025-03-01 09:30:05] 访客 8231: 你好，这双鞋有 42 码吗？\r\n" +
            "[2025-03-01 09:30:17] 客服小美: 有的，现在下单今天发货。\r\n",
            text);
    }

    [Fact]
    public void Time_is_shown_in_the_given_time_zone_across_midnight()
    {
        var line = TranscriptFormatter.FormatLines([new(new DateTime(2025, 3, 1, 16, 0, 0, DateTimeKind.Utc), "A", "x")], Shanghai).Single();

        Assert.StartsWith("[2025-03-02 00:00:00]", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Unspecified_kind_is_taken_as_utc()
    {
        var line = TranscriptFormatter.FormatLines([new(DateTime.SpecifyKind(Start, DateTimeKind.Unspecified), "A", "x")], Shanghai).Single();

        Assert.StartsWith("[2025-03-01 09:30:05]", line, StringComparison.Ordinal);
    }

    [Fact]
    public void File_message_shows_the_file_name_with_an_optional_label()
    {
        TranscriptMessage[] messages = [new(Start, "访客 8231", null, "发票.pdf")];

        Assert.Equal("[2025-03-01 09:30:05] 访客 8231: [发票.pdf]", TranscriptFormatter.FormatLines(messages, Shanghai).Single());
        Assert.Equal("[2025-03-01 09:30:05] 访客 8231: [文件: 发票.pdf]", TranscriptFormatter.FormatLines(messages, Shanghai, "文件").Single());
    }

    [Fact]
    public void Continuation_lines_are_indented_so_a_typed_line_cannot_pass_for_a_message()
    {
        TranscriptMessage[] messages = [new(Start, "访客", "第一行\r\n[2025-03-01 09:31:00] 客服小美: 全部免费\n最后")];

        var lines = TranscriptFormatter.FormatLines(messages, Shanghai).ToList();

        Assert.Equal(
            ["[2025-03-01 09:30:05] 访客: 第一行", "  [2025-03-01 09:31:00] 客服小美: 全部免费", "  最后"],
            lines);
    }

    [Fact]
    public void Line_break_in_a_sender_name_is_flattened()
    {
        var line = TranscriptFormatter.FormatLines([new(Start, "客服\n小美", "好")], Shanghai).Single();

        Assert.Equal("[2025-03-01 09:30:05] 客服 小美: 好", line);
    }

    [Fact]
    public void Empty_conversation_is_an_empty_transcript()
    {
        Assert.Equal(string.Empty, TranscriptFormatter.Format([], Shanghai));
    }

    [Fact]
    public void A_message_without_text_or_file_is_a_line_with_an_empty_body() =>
        Assert.Equal(["[2025-03-01 09:30:05] 访客 8231: "], TranscriptFormatter.FormatLines([new(Start, "访客 8231", null)], Shanghai));

    [Fact]
    public void Formatting_without_messages_or_a_time_zone_is_a_programming_error()
    {
        Assert.Throws<ArgumentNullException>(() => TranscriptFormatter.FormatLines(null!, Shanghai).ToList());
        Assert.Throws<ArgumentNullException>(() => TranscriptFormatter.FormatLines([], null!).ToList());
    }
}
