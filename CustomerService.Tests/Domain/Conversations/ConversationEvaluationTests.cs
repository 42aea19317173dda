using CustomerService.Domain.Conversations;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>SPEC D9: the visitor rates once on his own, agents may invite many times, the best rating counts.</summary>
public sealed class ConversationEvaluationTests
{
    private static readonly EvaluationSettings AfterTwoMessages =
        new(visitorMayRateUnprompted: true, minVisitorMessages: 2, promptOnVisitorClose: true);

    [Fact]
    public void Visitor_may_rate_on_his_own_once_he_sent_enough_messages()
    {
        var result = ConversationEvaluation.NotRated.Rate(
            EvaluationLevel.Satisfied, visitorMessageCount: 2, AfterTwoMessages);

        Assert.True(result.IsAccepted);
        Assert.Equal(EvaluationLevel.Satisfied, result.Evaluation.FinalLevel);
    }

    [Fact]
    public void Visitor_may_not_rate_on_his_own_before_sending_enough_messages()
    {
        var result = ConversationEvaluation.NotRated.Rate(
            EvaluationLevel.Satisfied, visitorMessageCount: 1, AfterTwoMessages);

        Assert.Equal(RatingRejection.NotEnoughVisitorMessages, result.Rejection);
        Assert.Null(result.Evaluation.FinalLevel);
    }

    [Fact]
    public void Visitor_may_rate_on_his_own_only_once()
    {
        var rated = ConversationEvaluation.NotRated.Rate(EvaluationLevel.Neutral, 5, AfterTwoMessages).Evaluation;

        var second = rated.Rate(EvaluationLevel.VerySatisfied, 6, AfterTwoMessages);

        Assert.Equal(RatingRejection.AlreadyRated, second.Rejection);
        Assert.Equal(EvaluationLevel.Neutral, second.Evaluation.FinalLevel);
    }

    [Fact]
    public void Visitor_may_not_rate_on_his_own_when_the_enterprise_disabled_it()
    {
        var settings = new EvaluationSettings(
            visitorMayRateUnprompted: false, minVisitorMessages: 0, promptOnVisitorClose: false);

        var result = ConversationEvaluation.NotRated.Rate(EvaluationLevel.Satisfied, 10, settings);

        Assert.Equal(RatingRejection.VisitorRatingDisabled, result.Rejection);
    }

    [Fact]
    public void Invited_rating_is_accepted_without_the_message_threshold()
    {
        var invited = ConversationEvaluation.NotRated.Invite();

        var result = invited.Rate(EvaluationLevel.Dissatisfied, visitorMessageCount: 0, AfterTwoMessages);

        Assert.True(result.IsAccepted);
        Assert.False(result.Evaluation.HasOpenInvitation);
    }

    [Fact]
    public void Best_of_several_ratings_counts()
    {
        var evaluation = ConversationEvaluation.NotRated;
        EvaluationLevel[] levels = [EvaluationLevel.Neutral, EvaluationLevel.VerySatisfied, EvaluationLevel.Dissatisfied];
        foreach (var level in levels)
        {
            evaluation = evaluation.Invite().Rate(level, 3, AfterTwoMessages).Evaluation;
        }

        Assert.Equal(EvaluationLevel.VerySatisfied, evaluation.FinalLevel);
        Assert.Equal(3, evaluation.RatingCount);
    }

    [Fact]
    public void Unprompted_rating_and_invited_ratings_compete_for_best()
    {
        var evaluation = ConversationEvaluation.NotRated
            .Rate(EvaluationLevel.Satisfied, 3, AfterTwoMessages).Evaluation
            .Invite()
            .Rate(EvaluationLevel.VeryDissatisfied, 3, AfterTwoMessages).Evaluation;

        Assert.Equal(EvaluationLevel.Satisfied, evaluation.FinalLevel);
    }

    [Fact]
    public void Repeated_invitations_before_an_answer_allow_one_rating()
    {
        var evaluation = ConversationEvaluation.NotRated.Invite().Invite()
            .Rate(EvaluationLevel.Satisfied, 0, AfterTwoMessages).Evaluation;

        var extra = evaluation.Rate(EvaluationLevel.VerySatisfied, 0, AfterTwoMessages);

        Assert.Equal(RatingRejection.NotEnoughVisitorMessages, extra.Rejection);
    }

    [Fact]
    public void Closing_prompts_for_a_rating_only_when_enabled_unrated_and_past_the_threshold()
    {
        var disabled = new EvaluationSettings(true, 2, promptOnVisitorClose: false);
        var rated = ConversationEvaluation.NotRated.Rate(EvaluationLevel.Satisfied, 2, AfterTwoMessages).Evaluation;

        Assert.True(ConversationEvaluation.NotRated.ShouldPromptOnVisitorClose(2, AfterTwoMessages));
        Assert.False(ConversationEvaluation.NotRated.ShouldPromptOnVisitorClose(1, AfterTwoMessages));
        Assert.False(ConversationEvaluation.NotRated.ShouldPromptOnVisitorClose(2, disabled));
        Assert.False(rated.ShouldPromptOnVisitorClose(2, AfterTwoMessages));
    }

    [Fact]
    public void Restored_state_behaves_like_the_persisted_one()
    {
        var restored = ConversationEvaluation.Restore(
            EvaluationLevel.Neutral, hasOpenInvitation: false, visitorRatedUnprompted: true, ratingCount: 1);

        var result = restored.Rate(EvaluationLevel.VerySatisfied, 9, AfterTwoMessages);

        Assert.Equal(RatingRejection.AlreadyRated, result.Rejection);
    }

    [Fact]
    public void Level_values_are_the_api_scores_from_one_to_five()
    {
        Assert.Equal(1, (int)EvaluationLevel.VeryDissatisfied);
        Assert.Equal(5, (int)EvaluationLevel.VerySatisfied);
    }

    [Fact]
    public void Rating_or_prompting_without_settings_and_restoring_a_negative_count_are_programming_errors()
    {
        Assert.Throws<ArgumentNullException>(() => ConversationEvaluation.NotRated.Rate(EvaluationLevel.Satisfied, 5, null!));
        Assert.Throws<ArgumentNullException>(() => ConversationEvaluation.NotRated.ShouldPromptOnVisitorClose(5, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConversationEvaluation.Restore(null, false, false, -1));
    }
}
