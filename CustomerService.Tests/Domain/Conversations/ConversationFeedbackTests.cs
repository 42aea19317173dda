using CustomerService.Domain.Conversations;
using CustomerService.Tests.Builders;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>SPEC D9 evaluation and D10 summary, as the conversation aggregate records them.</summary>
public sealed class ConversationFeedbackTests
{
    private const int Owner = 11;
    private static readonly DateTime Now = ConversationBuilder.RequestedAt.AddMinutes(5);
    private static readonly EvaluationSettings AfterTwoMessages = new(visitorMayRateUnprompted: true, minVisitorMessages: 2, promptOnVisitorClose: false);
    private static readonly EvaluationSettings InvitedOnly = new(visitorMayRateUnprompted: false, minVisitorMessages: 0, promptOnVisitorClose: false);

    [Fact]
    public void An_agent_in_the_conversation_may_invite_a_rating_and_the_visitor_answers_it()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();

        Assert.True(conversation.InviteEvaluation(Owner).Succeeded);
        Assert.True(conversation.EvaluationInvited);
        var rated = conversation.Rate(EvaluationLevel.Satisfied, "  很好  ", InvitedOnly);

        Assert.Equal(EvaluationLevel.Satisfied, rated.Value);
        Assert.Equal(EvaluationLevel.Satisfied, conversation.EvaluationLevel);
        Assert.Equal("很好", conversation.EvaluationComment);
        Assert.False(conversation.EvaluationInvited);
        Assert.Equal(1, conversation.RatingCount);
    }

    [Fact]
    public void Only_an_agent_in_an_open_conversation_may_invite_a_rating()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        var ended = new ConversationBuilder().AssignedTo(Owner).Build();
        ended.End(EndReason.Agent, Owner, Now);

        Assert.Equal("NotAParticipant", conversation.InviteEvaluation(12).Violation?.Code);
        Assert.Equal("ConversationEnded", ended.InviteEvaluation(Owner).Violation?.Code);
        Assert.False(conversation.EvaluationInvited);
        Assert.False(ended.EvaluationInvited);
    }

    [Fact]
    public void A_refused_rating_says_why_and_changes_nothing()
    {
        var disabled = new ConversationBuilder().AssignedTo(Owner).Build();
        var tooEarly = new ConversationBuilder().AssignedTo(Owner).Build();
        tooEarly.RecordMessage(MessageSender.Visitor, MessageKind.Text, Now);
        var twice = new ConversationBuilder().AssignedTo(Owner).Build();
        twice.RecordMessage(MessageSender.Visitor, MessageKind.Text, Now);
        twice.RecordMessage(MessageSender.Visitor, MessageKind.Text, Now);
        twice.Rate(EvaluationLevel.Neutral, "first", AfterTwoMessages);

        Assert.Equal("RatingVisitorRatingDisabled", disabled.Rate(EvaluationLevel.Satisfied, null, InvitedOnly).Violation?.Code);
        Assert.Equal("RatingNotEnoughVisitorMessages", tooEarly.Rate(EvaluationLevel.Satisfied, null, AfterTwoMessages).Violation?.Code);
        Assert.Equal("RatingAlreadyRated", twice.Rate(EvaluationLevel.VerySatisfied, "second", AfterTwoMessages).Violation?.Code);
        Assert.Null(disabled.EvaluationLevel);
        Assert.Equal(0, tooEarly.RatingCount);
        Assert.Equal((EvaluationLevel.Neutral, "first", 1), (twice.EvaluationLevel!.Value, twice.EvaluationComment, twice.RatingCount));
    }

    [Fact]
    public void The_best_rating_counts_and_a_rating_without_comment_keeps_the_earlier_comment()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        conversation.InviteEvaluation(Owner);
        conversation.Rate(EvaluationLevel.Dissatisfied, "slow", InvitedOnly);
        conversation.InviteEvaluation(Owner);

        var best = conversation.Rate(EvaluationLevel.VerySatisfied, "   ", InvitedOnly);

        Assert.Equal(EvaluationLevel.VerySatisfied, best.Value);
        Assert.Equal("slow", conversation.EvaluationComment);
        Assert.Equal(2, conversation.Evaluation.RatingCount);
    }

    [Fact]
    public void A_rating_comment_is_kept_up_to_500_characters()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();

        conversation.ApplyEvaluation(ConversationEvaluation.NotRated.Invite(), new string('a', 500));
        Assert.Equal(500, conversation.EvaluationComment!.Length);
        conversation.ApplyEvaluation(ConversationEvaluation.NotRated, new string('b', 501));

        Assert.Equal(new string('b', 500), conversation.EvaluationComment);
        Assert.False(conversation.EvaluationInvited);
        Assert.False(conversation.VisitorRatedUnprompted);
    }

    [Fact]
    public void A_summary_is_filed_with_its_author_and_time_and_a_blank_note_is_none()
    {
        var conversation = new ConversationBuilder().AssignedTo(Owner).Build();
        Assert.False(conversation.IsSummarized);

        conversation.Summarize(new ConsultationSummary(5, "  退货咨询  "), Owner, Now);
        Assert.Equal((5, "退货咨询", Owner, Now), (conversation.SummaryTypeId!.Value, conversation.SummaryNote, conversation.SummarizedByAccountId!.Value, conversation.SummarizedAt!.Value));
        Assert.True(conversation.IsSummarized);

        conversation.Summarize(new ConsultationSummary(6, " "), 1, Now.AddMinutes(1));
        Assert.Equal((6, (string?)null, 1), (conversation.SummaryTypeId!.Value, conversation.SummaryNote, conversation.SummarizedByAccountId!.Value));
        Assert.Throws<ArgumentNullException>(() => conversation.Summarize(null!, Owner, Now));
    }
}
