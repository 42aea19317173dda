using CustomerService.Domain.Conversations;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>SPEC D6: what a chat message may contain, and what it keeps of an attachment.</summary>
public sealed class ChatMessageTests
{
    private static readonly DateTime SentAt = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n ")]
    public void A_blank_message_is_empty(string? text) =>
        Assert.Equal("MessageEmpty", ChatMessage.CheckText(text)?.ToString());

    [Fact]
    public void Five_thousand_characters_are_accepted_and_one_more_is_too_long()
    {
        Assert.Null(ChatMessage.CheckText(new string('鞋', 5000)));
        Assert.Equal("MessageTooLong(5000)", ChatMessage.CheckText(new string('鞋', 5001))?.ToString());
    }

    [Fact]
    public void Line_feeds_and_tabs_are_text_but_other_control_characters_are_refused()
    {
        Assert.Null(ChatMessage.CheckText("尺码\t42\n颜色\t黑"));
        Assert.Equal("ControlCharacters(Message.Text)", ChatMessage.CheckText("你好\u001b[31m")?.ToString());
    }

    [Fact]
    public void A_client_id_of_sixty_four_characters_is_accepted_and_one_more_is_too_long()
    {
        Assert.Null(ChatMessage.CheckClientId(null));
        Assert.Null(ChatMessage.CheckClientId(new string('c', 64)));
        Assert.Equal("ClientIdTooLong(64)", ChatMessage.CheckClientId(new string('c', 65))?.ToString());
    }

    [Fact]
    public void A_message_keeps_what_it_was_created_with()
    {
        var message = new ChatMessage(9, 4, 3, MessageSender.Agent, 7, "小美", MessageKind.Text, "您好", SentAt, clientId: "c-1", notice: "Welcome");

        Assert.Equal(
            (9L, 4L, 3L, MessageSender.Agent, (int?)7, "小美", MessageKind.Text, "您好", SentAt, "c-1", "Welcome"),
            (message.Id, message.ConversationId, message.Seq, message.Sender, message.AgentId, message.SenderName, message.Kind,
                message.Text, message.SentAt, message.ClientId, message.Notice));
        Assert.Equal((null, null, null, null), (message.FileName, message.ContentType, message.FileSize, message.StorageKey));
    }

    [Fact]
    public void An_attachment_is_kept_with_its_name_type_size_and_storage_key()
    {
        var attachment = new Attachment("发票.pdf", "application/pdf", 1234, "2026/03/abc");

        var message = new ChatMessage(9, 4, 3, MessageSender.Visitor, null, null, MessageKind.File, "发票.pdf", SentAt, attachment: attachment);

        Assert.Equal(
            ("发票.pdf", "application/pdf", (long?)1234, "2026/03/abc"),
            (message.FileName, message.ContentType, message.FileSize, message.StorageKey));
    }
}
