using CustomerService.Domain.Qc;

namespace CustomerService.Tests.Domain.Qc;

/// <summary>SPEC H2/H3: a grade, its author's edits, the agent's dispute and the inspector's answer.</summary>
public sealed class QcGradeTests
{
    private const int Inspector = 50;
    private const int OtherInspector = 51;
    private const int Agent = 7;
    private static readonly DateTime Requested = new(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly QcGradeTarget Ended = new(900, Agent, Requested, Ended: true);

    private static readonly IReadOnlyList<QcDimension> Demo =
    [
        new(0, "服务态度", 30), new(1, "专业能力", 30), new(2, "响应速度", 20), new(3, "解决问题", 20, allowsNotApplicable: true),
    ];

    [Fact]
    public void A_grade_records_who_graded_whom_with_which_version_and_its_score()
    {
        var grade = QcGrade.Create(Ended, Inspector, 3, Demo, [27m, 24m, 18m, 16m], " 态度好 ", Now).Value!;

        Assert.Equal((900L, Agent, Requested, Inspector, 3), (grade.ConversationId, grade.AgentId, grade.ConversationRequestedAt, grade.InspectorId, grade.StandardVersionId));
        Assert.Equal([27, 24, 18, 16], grade.Scores);
        Assert.Equal((85, 100, "态度好"), (grade.Points, grade.Possible, grade.Comment));
        Assert.Equal((Now, Now), (grade.GradedAt, grade.UpdatedAt));
        Assert.Equal(85m, grade.EffectiveScore.Value);
        Assert.Equal(QcDisputeState.None, grade.DisputeState);
    }

    [Fact]
    public void A_conversation_that_has_not_ended_or_had_no_agent_cannot_be_graded()
    {
        Assert.Equal("QcConversationNotEnded", QcGrade.Create(Ended with { Ended = false }, Inspector, 3, Demo, [27m, 24m, 18m, 16m], null, Now).Violation!.Code);
        Assert.Equal("QcConversationWithoutAgent", QcGrade.Create(Ended with { AgentId = null }, Inspector, 3, Demo, [27m, 24m, 18m, 16m], null, Now).Violation!.Code);
    }

    [Fact]
    public void A_comment_of_2000_characters_is_taken_and_2001_refused()
    {
        Assert.True(QcGrade.Create(Ended, Inspector, 3, Demo, [27m, 24m, 18m, 16m], new string('评', 2000), Now).Succeeded);
        var outcome = QcGrade.Create(Ended, Inspector, 3, Demo, [27m, 24m, 18m, 16m], new string('评', 2001), Now);
        Assert.Equal(("TooLong", "Qc.Comment", 2000), (outcome.Violation!.Code, outcome.Violation.Arguments[0], outcome.Violation.Arguments[1]));
    }

    [Fact]
    public void Bad_scores_are_refused_at_creation()
    {
        Assert.Equal("QcScoreOutOfRange", QcGrade.Create(Ended, Inspector, 3, Demo, [31m, 24m, 18m, 16m], null, Now).Violation!.Code);
        Assert.Equal("QcScoreNotWhole", QcGrade.Create(Ended, Inspector, 3, Demo, [27.5m, 24m, 18m, 16m], null, Now).Violation!.Code);
    }

    [Fact]
    public void Its_author_may_edit_it_and_a_blank_comment_is_none()
    {
        var grade = Graded();

        var outcome = grade.Edit(Inspector, Demo, [20m, 20m, 10m, null], "  ", Now.AddHours(1));

        Assert.True(outcome.Succeeded);
        Assert.Equal([20, 20, 10, null], grade.Scores);
        Assert.Equal((50, 80, (string?)null), (grade.Points, grade.Possible, grade.Comment));
        Assert.Equal((Now, Now.AddHours(1)), (grade.GradedAt, grade.UpdatedAt));
    }

    [Fact]
    public void Another_inspector_may_not_edit_it_and_bad_edits_change_nothing()
    {
        var grade = Graded();

        Assert.Equal("QcNotYourGrade", grade.Edit(OtherInspector, Demo, [1m, 1m, 1m, 1m], null, Now).Violation!.Code);
        Assert.Equal("QcScoreOutOfRange", grade.Edit(Inspector, Demo, [1m, 1m, 21m, 1m], null, Now).Violation!.Code);
        Assert.Equal("TooLong", grade.Edit(Inspector, Demo, [1m, 1m, 1m, 1m], new string('评', 2001), Now).Violation!.Code);
        Assert.Equal((85, "态度好"), (grade.Points, grade.Comment));
    }

    [Fact]
    public void The_graded_agent_disputes_once_within_the_deadline()
    {
        var grade = Graded();

        Assert.True(grade.Dispute(Agent, " 我已经解决了 ", Week, Now + Week).Succeeded);

        Assert.Equal((QcDisputeState.Open, "我已经解决了", (DateTime?)(Now + Week)), (grade.DisputeState, grade.DisputeReason, grade.DisputedAt));
        Assert.Equal("QcAlreadyDisputed", grade.Dispute(Agent, "再来一次", Week, Now + Week).Violation!.Code);
        Assert.Equal("QcGradeDisputed", grade.Edit(Inspector, Demo, [1m, 1m, 1m, 1m], null, Now).Violation!.Code);
    }

    [Fact]
    public void A_dispute_past_the_deadline_by_someone_else_or_without_a_reason_is_refused()
    {
        var grade = Graded();

        Assert.Equal("QcDisputeDeadlinePassed", grade.Dispute(Agent, "理由", Week, Now + Week + TimeSpan.FromSeconds(1)).Violation!.Code);
        Assert.Equal("QcNotYourGrade", grade.Dispute(8, "理由", Week, Now).Violation!.Code);
        Assert.Equal("Required", grade.Dispute(Agent, "  ", Week, Now).Violation!.Code);
        Assert.Equal("TooLong", grade.Dispute(Agent, new string('理', 501), Week, Now).Violation!.Code);
        Assert.Equal(QcDisputeState.None, grade.DisputeState);
        Assert.True(grade.Dispute(Agent, new string('理', 500), Week, Now).Succeeded);
    }

    [Fact]
    public void Upholding_keeps_the_score_and_answers_the_dispute()
    {
        var grade = Disputed();

        Assert.True(grade.Uphold(Inspector, "评分无误", Now.AddDays(2)).Succeeded);

        Assert.Equal((QcDisputeState.Upheld, "评分无误", (DateTime?)Now.AddDays(2)), (grade.DisputeState, grade.AnswerComment, grade.AnsweredAt));
        Assert.Equal(85m, grade.EffectiveScore.Value);
        Assert.Null(grade.RevisedScores);
        Assert.Equal("QcNoOpenDispute", grade.Uphold(Inspector, null, Now).Violation!.Code);
    }

    [Fact]
    public void Revising_keeps_the_original_beside_the_revision_which_counts()
    {
        var grade = Disputed();

        Assert.True(grade.Revise(Inspector, Demo, [30m, 30m, 20m, null], null, Now.AddDays(2)).Succeeded);

        Assert.Equal(QcDisputeState.Revised, grade.DisputeState);
        Assert.Equal([27, 24, 18, 16], grade.Scores);
        Assert.Equal((85, 100), (grade.Points, grade.Possible));
        Assert.Equal([30, 30, 20, null], grade.RevisedScores);
        Assert.Equal((80, 80), (grade.RevisedPoints!.Value, grade.RevisedPossible!.Value));
        Assert.Equal(85m, grade.OriginalScore.Value);
        Assert.Equal(100m, grade.EffectiveScore.Value);
        Assert.Null(grade.AnswerComment);
    }

    [Fact]
    public void Only_the_author_answers_an_open_dispute_and_bad_revisions_change_nothing()
    {
        Assert.Equal("QcNoOpenDispute", Graded().Revise(Inspector, Demo, [1m, 1m, 1m, 1m], null, Now).Violation!.Code);
        var grade = Disputed();

        Assert.Equal("QcNotYourGrade", grade.Revise(OtherInspector, Demo, [1m, 1m, 1m, 1m], null, Now).Violation!.Code);
        Assert.Equal("QcNotYourGrade", grade.Uphold(OtherInspector, null, Now).Violation!.Code);
        Assert.Equal("QcScoreNotWhole", grade.Revise(Inspector, Demo, [1.5m, 1m, 1m, 1m], null, Now).Violation!.Code);
        Assert.Equal("TooLong", grade.Revise(Inspector, Demo, [1m, 1m, 1m, 1m], new string('评', 2001), Now).Violation!.Code);
        Assert.Equal("TooLong", grade.Uphold(Inspector, new string('评', 2001), Now).Violation!.Code);
        Assert.Equal(QcDisputeState.Open, grade.DisputeState);
        Assert.Null(grade.RevisedPoints);
    }

    [Fact]
    public void The_dispute_deadline_setting_is_1_to_90_days_and_7_by_default()
    {
        var settings = QcSettings.CreateDefault();

        Assert.Equal((1, 7, TimeSpan.FromDays(7)), (settings.Id, settings.DisputeDays, settings.DisputeDeadline));
        Assert.Equal("QcDisputeDaysOutOfRange", settings.ChangeDisputeDays(0).Violation!.Code);
        Assert.Equal("QcDisputeDaysOutOfRange", settings.ChangeDisputeDays(91).Violation!.Code);
        Assert.Equal(7, settings.DisputeDays);
        Assert.True(settings.ChangeDisputeDays(1).Succeeded);
        Assert.True(settings.ChangeDisputeDays(90).Succeeded);
        Assert.Equal(90, settings.DisputeDays);
    }

    private static QcGrade Graded() => QcGrade.Create(Ended, Inspector, 3, Demo, [27m, 24m, 18m, 16m], "态度好", Now).Value!;

    private static QcGrade Disputed()
    {
        var grade = Graded();
        Assert.True(grade.Dispute(Agent, "理由", Week, Now.AddDays(1)).Succeeded);
        return grade;
    }
}
