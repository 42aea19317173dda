using CustomerService.Domain.Colleagues;
using CustomerService.Domain.Common;

namespace CustomerService.Tests.Domain.Colleagues;

/// <summary>SPEC F9 internal chat: what a message between two colleagues may contain, and its read state.</summary>
public sealed class InternalMessageTests
{
    private static readonly DateTime SentAt = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void A_message_keeps_its_sender_recipient_time_and_trimmed_text_and_is_unread()
    {
        var message = new InternalMessage(1, 2, "  帮我看下 3 号会话 \n", SentAt);

        Assert.Equal((1, 2, "帮我看下 3 号会话", SentAt), (message.FromAccountId, message.ToAccountId, message.Text, message.SentAt));
        Assert.Null(message.ReadAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void A_blank_message_is_empty(string? text) =>
        Assert.Equal("MessageEmpty", InternalMessage.CheckText(text)?.ToString());

    [Fact]
    public void Two_thousand_characters_are_accepted_and_one_more_is_too_long()
    {
        Assert.Null(InternalMessage.CheckText(new string('好', 2000)));
        Assert.Equal("MessageTooLong(2000)", InternalMessage.CheckText(new string('好', 2001))?.ToString());
    }

    [Fact]
    public void Surrounding_spaces_do_not_count_towards_the_limit() =>
        Assert.Null(InternalMessage.CheckText("  " + new string('好', 2000) + "  "));

    [Fact]
    public void A_message_to_oneself_is_refused()
    {
        var refused = Assert.Throws<RuleViolationException>(() => new InternalMessage(3, 3, "提醒自己", SentAt));

        Assert.Equal("InternalChatSelf", refused.Violation.Code);
    }

    [Fact]
    public void An_empty_message_is_refused_at_creation()
    {
        var refused = Assert.Throws<RuleViolationException>(() => new InternalMessage(1, 2, " ", SentAt));

        Assert.Equal("MessageEmpty", refused.Violation.Code);
    }

    [Fact]
    public void Reading_again_keeps_the_first_read_time()
    {
        var message = new InternalMessage(1, 2, "在吗", SentAt);

        message.MarkRead(SentAt.AddMinutes(1));
        message.MarkRead(SentAt.AddMinutes(5));

        Assert.Equal(SentAt.AddMinutes(1), message.ReadAt);
    }
}
