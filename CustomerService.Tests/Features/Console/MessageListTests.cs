using System.Collections.Immutable;
using Bunit;
using CustomerService.Domain.Conversations;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Console;
using CustomerService.Web.Features.Conversations.Engine;

namespace CustomerService.Tests.Features.Console;

/// <summary>The transcript in the console (SPEC F, N3, M): who said what, notices in the reader's language, text as text.</summary>
public sealed class MessageListTests : BunitTestBase
{
    private static readonly DateTime At = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Each_message_says_who_sent_it_and_notices_are_written_in_the_readers_language()
    {
        var list = Render(
            Message(1, MessageSender.System, "您好，很高兴为您服务"),
            Message(2, MessageSender.Visitor, "在吗"),
            Message(3, MessageSender.Agent, "在的", agentId: 7),
            Notice(4, NoticeCode.Transferred, "客服小丽"),
            Notice(5, NoticeCode.Ended, nameof(EndReason.Visitor)));

        var messages = list.FindAll("[data-testid=message]");

        Assert.Equal(["system", "visitor", "agent", "system", "system"], messages.Select(m => m.GetAttribute("data-sender")));
        Assert.Contains(UiTexts.Chinese("Notice.Transferred", "客服小丽"), messages[3].TextContent);
        Assert.Contains(
            UiTexts.Chinese("Console.NoticeWithReason", UiTexts.Chinese("Notice.Ended"), UiTexts.Chinese("EndReason.Visitor")),
            messages[4].TextContent);
        Assert.Contains(UiTexts.Chinese("Console.Me"), messages[2].TextContent);
    }

    [Fact]
    public void Markup_in_a_message_is_shown_as_text_and_never_becomes_html()
    {
        const string hostile = "<img src=x onerror=alert(1)><b>买</b>";

        var list = Render(Message(1, MessageSender.Visitor, hostile));

        Assert.Equal(hostile, list.Find("[data-testid=message-text]").TextContent);
        Assert.Empty(list.FindAll("[data-testid=message] img"));
        Assert.Empty(list.FindAll("[data-testid=message] b"));
    }

    [Fact]
    public void A_message_still_on_its_way_shows_as_sending_and_a_failed_one_offers_a_resend()
    {
        var list = Render(
            [Message(1, MessageSender.Visitor, "在吗")],
            [new OutgoingMessage("c1", "马上", At), new OutgoingMessage("c2", "稍等", At, Failed: true)]);

        var outgoing = list.FindAll("[data-testid=message][data-pending=true]");

        Assert.Equal(["false", "true"], outgoing.Select(m => m.GetAttribute("data-failed")));
        Assert.Empty(outgoing[0].QuerySelectorAll("[data-testid=message-retry]"));
        Assert.Single(outgoing[1].QuerySelectorAll("[data-testid=message-retry]"));
    }

    private IRenderedComponent<MessageList> Render(params MessageView[] messages) => Render(messages, []);

    private IRenderedComponent<MessageList> Render(MessageView[] messages, OutgoingMessage[] outgoing) =>
        Render<MessageList>(p => p
            .Add(c => c.Thread, new ConversationThread(messages.ToImmutableSortedDictionary(m => m.Seq, m => m), [.. outgoing], IsLoaded: true))
            .Add(c => c.Now, At)
            .Add(c => c.VisitorName, "张先生")
            .Add(c => c.MyAgentId, 7));

    private static MessageView Message(long seq, MessageSender sender, string text, int? agentId = null) =>
        new(seq, 1, seq, sender, agentId, agentId is null ? null : "客服小美", MessageKind.Text, text, null, null, At);

    private static MessageView Notice(long seq, string code, string argument) =>
        new(seq, 1, seq, MessageSender.System, null, null, MessageKind.Notice, argument, code, null, At);
}
