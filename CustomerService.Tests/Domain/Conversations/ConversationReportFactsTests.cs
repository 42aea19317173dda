using CustomerService.Domain.Conversations;
using CustomerService.Domain.Routing;
using CustomerService.Tests.Builders;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>The facts a conversation keeps for reports (SPEC I0): when the visitor first spoke, when a wait for an answer starts, 问题是否解决.</summary>
public sealed class ConversationReportFactsTests
{
    private const int Owner = 11;
    private static readonly DateTime T0 = ConversationBuilder.RequestedAt;
    private static readonly EvaluationSettings AnyTime = new(visitorMayRateUnprompted: true, minVisitorMessages: 0, promptOnVisitorClose: false);

    [Fact]
    public void The_first_visitor_message_time_is_kept_and_agent_or_system_messages_do_not_set_it()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        conversation.RecordMessage(MessageSender.Agent, MessageKind.Text, T0.AddMinutes(1));
        conversation.RecordMessage(MessageSender.System, MessageKind.Notice, T0.AddMinutes(2));
        Assert.Null(conversation.FirstVisitorMessageAt);

        conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0.AddMinutes(3));
        conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0.AddMinutes(4));

        Assert.Equal(T0.AddMinutes(3), conversation.FirstVisitorMessageAt);
    }

    [Fact]
    public void A_visitor_who_wrote_while_queued_waits_for_an_answer_from_the_assignment()
    {
        var conversation = new ConversationBuilder().Queued().Build();
        conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0.AddSeconds(5));

        conversation.Assign(Owner, AssignmentReason.RoundRobin, T0.AddMinutes(2));
        var (_, response) = conversation.RecordMessage(MessageSender.Agent, MessageKind.Text, T0.AddMinutes(2).AddSeconds(15));

        Assert.Equal(T0.AddSeconds(5), conversation.FirstVisitorMessageAt);
        Assert.Equal((T0.AddMinutes(2), T0.AddMinutes(2).AddSeconds(15), true), (response!.AskedAt, response.AnsweredAt, response.IsFirst));
    }

    [Fact]
    public void A_visitor_who_did_not_write_while_queued_waits_from_his_first_message()
    {
        var conversation = new ConversationBuilder().Queued().Build();
        conversation.Assign(Owner, AssignmentReason.RoundRobin, T0.AddMinutes(2));

        Assert.Null(conversation.UnansweredSince);
        conversation.RecordMessage(MessageSender.Visitor, MessageKind.Text, T0.AddMinutes(3));
        Assert.Equal(T0.AddMinutes(3), conversation.UnansweredSince);
    }

    [Fact]
    public void The_rating_keeps_the_answer_to_whether_the_problem_was_solved_and_a_later_silence_keeps_it()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        Assert.Null(conversation.ProblemSolved);
        Assert.True(conversation.InviteEvaluation(Owner).Succeeded);
        conversation.Rate(EvaluationLevel.Dissatisfied, null, AnyTime, problemSolved: false);
        Assert.False(conversation.ProblemSolved);
        Assert.True(conversation.InviteEvaluation(Owner).Succeeded);

        conversation.Rate(EvaluationLevel.Satisfied, null, AnyTime);

        Assert.False(conversation.ProblemSolved);
    }

    [Fact]
    public void A_refused_rating_does_not_record_the_answer()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        var invitedOnly = new EvaluationSettings(visitorMayRateUnprompted: false, minVisitorMessages: 0, promptOnVisitorClose: false);

        Assert.False(conversation.Rate(EvaluationLevel.Satisfied, null, invitedOnly, problemSolved: true).Succeeded);

        Assert.Null(conversation.ProblemSolved);
    }
}
