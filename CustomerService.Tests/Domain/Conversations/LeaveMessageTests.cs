using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>SPEC D12: a leave-message is handled once, answered by e-mail at most once.</summary>
public sealed class LeaveMessageTests
{
    private static readonly DateTime Now = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Marking_handled_records_who_and_when()
    {
        var message = Message();

        message.MarkHandled(3, Now);

        Assert.Equal((Now, 3), (message.HandledAt!.Value, message.HandledByAccountId!.Value));
        Assert.True(message.IsHandled);
        Assert.Null(message.Reply);
    }

    [Fact]
    public void A_handled_message_cannot_be_handled_again_and_keeps_its_first_handler()
    {
        var message = Message();
        message.MarkHandled(3, Now);

        var refused = Assert.Throws<RuleViolationException>(() => message.MarkHandled(4, Now.AddHours(1)));

        Assert.Equal("LeaveMessageAlreadyHandled", refused.Violation.Code);
        Assert.Equal((Now, 3), (message.HandledAt!.Value, message.HandledByAccountId!.Value));
    }

    [Fact]
    public void A_reply_handles_the_message_with_the_trimmed_text()
    {
        var message = Message();

        message.RecordReply(3, "  已为您换货。 ", Now);

        Assert.Equal("已为您换货。", message.Reply);
        Assert.Equal((Now, 3), (message.HandledAt!.Value, message.HandledByAccountId!.Value));
    }

    [Fact]
    public void A_message_handled_by_phone_may_still_be_answered_by_mail_and_keeps_its_handler()
    {
        var message = Message();
        message.MarkHandled(3, Now);

        message.RecordReply(4, "补充邮件说明", Now.AddHours(2));

        Assert.Equal("补充邮件说明", message.Reply);
        Assert.Equal((Now, 3), (message.HandledAt!.Value, message.HandledByAccountId!.Value));
    }

    [Theory]
    [InlineData(null, "Required")]
    [InlineData("   ", "Required")]
    public void An_empty_reply_is_refused(string? text, string code)
    {
        Assert.Equal(code, Message().CheckReply(text)?.Code);
    }

    [Fact]
    public void A_reply_over_the_message_length_is_refused()
    {
        Assert.Equal("TooLong", Message().CheckReply(new string('长', LeaveMessage.ReplyMaxLength + 1))?.Code);
    }

    [Fact]
    public void A_message_without_an_email_address_cannot_be_answered_by_mail()
    {
        var message = Message(email: null);

        var refused = Assert.Throws<RuleViolationException>(() => message.RecordReply(3, "您好", Now));

        Assert.Equal("LeaveMessageNoEmail", refused.Violation.Code);
        Assert.False(message.IsHandled);
    }

    [Fact]
    public void A_message_is_answered_by_mail_only_once()
    {
        var message = Message();
        message.RecordReply(3, "第一次回复", Now);

        Assert.Equal("LeaveMessageAlreadyReplied", message.CheckReply("第二次回复")?.Code);
    }

    [Fact]
    public void A_reply_names_its_field_and_a_reply_at_the_message_length_is_accepted()
    {
        Assert.Equal("Required(LeaveMessage.Reply)", Message().CheckReply(" ")?.ToString());
        Assert.Equal("TooLong(LeaveMessage.Reply, 5000)", Message().CheckReply(new string('长', 5001))?.ToString());
        Assert.Null(Message().CheckReply(" " + new string('长', 5000) + " "));
    }

    [Fact]
    public void An_empty_reply_is_reported_before_a_missing_address_and_a_missing_address_before_an_earlier_reply()
    {
        var noEmail = Message(email: null);
        Assert.Equal("Required", noEmail.CheckReply(" ")?.Code);
        Assert.Equal("LeaveMessageNoEmail", noEmail.CheckReply("您好")?.Code);

        var replied = Message();
        replied.RecordReply(3, "第一次回复", Now);
        Assert.Equal("Required", replied.CheckReply("")?.Code);
    }

    [Fact]
    public void A_message_keeps_what_the_visitor_left_and_where()
    {
        var message = new LeaveMessage(1, 10, 2, 3, 7, 40, new LeaveMessageContent("张先生", "13800138000", "zhang@example.com", "能换货吗？"), Now);

        Assert.Equal((10L, 2, 3, 7, 40L), (message.VisitorId!.Value, message.EntryId, message.ReceptionGroupId, message.ResponsibleAgentId!.Value, message.ConversationId!.Value));
        Assert.Equal(("张先生", "13800138000", "zhang@example.com", "能换货吗？", Now), (message.Name, message.Phone, message.Email, message.Content, message.CreatedAt));
    }

    [Fact]
    public void A_message_without_content_is_a_programming_error() =>
        Assert.Throws<ArgumentNullException>(() => new LeaveMessage(1, 10, 2, 3, null, null, null!, Now));

    private static LeaveMessage Message(string? email = "zhang@example.com") =>
        new(1, 10, 1, 1, null, null, new LeaveMessageContent("张先生", null, email, "能换货吗？"), Now.AddDays(-1));
}
