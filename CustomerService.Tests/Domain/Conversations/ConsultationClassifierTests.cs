using CustomerService.Domain.Conversations;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>SPEC D5 有效咨询 / 无效咨询.</summary>
public sealed class ConsultationClassifierTests
{
    [Fact]
    public void Conversation_where_visitor_and_agent_both_spoke_is_valid()
    {
        MessageSender[] senders = [MessageSender.System, MessageSender.Visitor, MessageSender.Agent];

        Assert.Equal(ConsultationValidity.Valid, ConsultationClassifier.Classify(senders));
    }

    [Fact]
    public void Visitor_who_got_no_human_answer_makes_an_invalid_consultation()
    {
        MessageSender[] senders = [MessageSender.System, MessageSender.Visitor, MessageSender.Visitor];

        Assert.Equal(ConsultationValidity.Invalid, ConsultationClassifier.Classify(senders));
    }

    [Fact]
    public void Agent_who_got_no_visitor_reply_makes_an_invalid_consultation()
    {
        MessageSender[] senders = [MessageSender.Agent, MessageSender.Agent];

        Assert.Equal(ConsultationValidity.Invalid, ConsultationClassifier.Classify(senders));
    }

    [Fact]
    public void Conversation_without_messages_is_invalid()
    {
        Assert.Equal(ConsultationValidity.Invalid, ConsultationClassifier.Classify([]));
    }

    [Theory]
    [InlineData(1, 1, ConsultationValidity.Valid)]
    [InlineData(5, 0, ConsultationValidity.Invalid)]
    [InlineData(0, 3, ConsultationValidity.Invalid)]
    [InlineData(0, 0, ConsultationValidity.Invalid)]
    public void Message_counts_classify_like_the_messages_themselves(
        int visitorMessages, int agentMessages, ConsultationValidity expected)
    {
        Assert.Equal(expected, ConsultationClassifier.Classify(visitorMessages, agentMessages));
    }

    [Fact]
    public void Classifying_no_message_list_is_a_programming_error() =>
        Assert.Throws<ArgumentNullException>(() => ConsultationClassifier.Classify(null!));
}
