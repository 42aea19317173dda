using CustomerService.Domain.Common;

namespace CustomerService.Domain.Qc;

/// <summary>The conversation as grading sees it: who it is credited to (its final agent, SPEC I0) and whether it ended.</summary>
public sealed record QcGradeTarget(long ConversationId, int? AgentId, DateTime RequestedAt, bool Ended);

/// <summary>
/// One inspector's grade of one conversation (SPEC H2, H3): the standard version, a score per dimension, a comment. The
/// graded agent may dispute it once within the deadline; the inspector then upholds it or revises the scores, and the
/// revision is kept beside the original (<see cref="RevisedScores"/>), which stays as it was. Reports read <see
/// cref="EffectiveScore"/>: the revision when there is one (SPEC I0).
/// </summary>
public class QcGrade
{
    public const int CommentMaxLength = 2000;
    public const int DisputeReasonMaxLength = 500;

    private QcGrade()
    {
        Scores = [];
    }

    public long Id { get; private set; }
    public long ConversationId { get; private set; }

    /// <summary>The conversation's final agent: the one graded, who sees the grade and may dispute it.</summary>
    public int AgentId { get; private set; }

    /// <summary>The conversation's request time: the day whose QC figures this grade changes (SPEC I0, I4).</summary>
    public DateTime ConversationRequestedAt { get; private set; }

    public int InspectorId { get; private set; }
    public int StandardVersionId { get; private set; }

    /// <summary>One per dimension in position order; null = N/A.</summary>
    public IReadOnlyList<int?> Scores { get; private set; }

    public int Points { get; private set; }
    public int Possible { get; private set; }
    public string? Comment { get; private set; }
    public DateTime GradedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public QcDisputeState DisputeState { get; private set; }
    public string? DisputeReason { get; private set; }
    public DateTime? DisputedAt { get; private set; }
    public DateTime? AnsweredAt { get; private set; }

    /// <summary>What the inspector said when he upheld or revised.</summary>
    public string? AnswerComment { get; private set; }

    public IReadOnlyList<int?>? RevisedScores { get; private set; }
    public int? RevisedPoints { get; private set; }
    public int? RevisedPossible { get; private set; }

    /// <summary>The score as first given (and as edited by its author before any dispute).</summary>
    public QcScore OriginalScore => QcScore.Of(Points, Possible);

    /// <summary>The score that counts: the revision after a revised dispute, else the original (SPEC I0).</summary>
    public QcScore EffectiveScore => RevisedPoints is { } points && RevisedPossible is { } possible ? QcScore.Of(points, possible) : OriginalScore;

    public static Outcome<QcGrade> Create(
        QcGradeTarget target, int inspectorId, int standardVersionId, IReadOnlyList<QcDimension> dimensions,
        IReadOnlyList<decimal?> scores, string? comment, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.Ended)
        {
            return new RuleViolation("QcConversationNotEnded");
        }

        if (target.AgentId is not { } agentId)
        {
            // Nobody took it (queue abandoned): there is no agent to grade.
            return new RuleViolation("QcConversationWithoutAgent");
        }

        if (CheckComment(comment) is { } violation)
        {
            return violation;
        }

        var sheet = QcScoring.Score(dimensions, scores);
        if (!sheet.Succeeded)
        {
            return sheet.Violation!;
        }

        var grade = new QcGrade
        {
            ConversationId = target.ConversationId,
            AgentId = agentId,
            ConversationRequestedAt = target.RequestedAt,
            InspectorId = inspectorId,
            StandardVersionId = standardVersionId,
            GradedAt = utcNow,
        };
        grade.Apply(sheet.Value!, comment, utcNow);
        return grade;
    }

    /// <summary>Its author changes scores or comment (SPEC H3); once disputed, only the dispute's answer changes it.</summary>
    public Outcome Edit(int inspectorId, IReadOnlyList<QcDimension> dimensions, IReadOnlyList<decimal?> scores, string? comment, DateTime utcNow)
    {
        if (inspectorId != InspectorId)
        {
            return new RuleViolation("QcNotYourGrade");
        }

        if (DisputeState != QcDisputeState.None)
        {
            return new RuleViolation("QcGradeDisputed");
        }

        if (CheckComment(comment) is { } violation)
        {
            return violation;
        }

        var sheet = QcScoring.Score(dimensions, scores);
        if (!sheet.Succeeded)
        {
            return sheet.Violation!;
        }

        Apply(sheet.Value!, comment, utcNow);
        return Outcome.Ok;
    }

    /// <summary>The graded agent disputes the grade: once, with a reason, within <paramref name="deadline"/> of its grading.</summary>
    public Outcome Dispute(int agentId, string? reason, TimeSpan deadline, DateTime utcNow)
    {
        if (agentId != AgentId)
        {
            return new RuleViolation("QcNotYourGrade");
        }

        if (DisputeState != QcDisputeState.None)
        {
            return new RuleViolation("QcAlreadyDisputed");
        }

        if (utcNow > GradedAt + deadline)
        {
            return new RuleViolation("QcDisputeDeadlinePassed", (int)deadline.TotalDays);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new RuleViolation("Required", "Qc.DisputeReason");
        }

        if (InputText.Check("Qc.DisputeReason", reason.Trim(), DisputeReasonMaxLength) is { } violation)
        {
            return violation;
        }

        DisputeState = QcDisputeState.Open;
        DisputeReason = reason.Trim();
        DisputedAt = utcNow;
        UpdatedAt = utcNow;
        return Outcome.Ok;
    }

    /// <summary>The inspector keeps the grade as it is.</summary>
    public Outcome Uphold(int inspectorId, string? comment, DateTime utcNow)
    {
        if (CheckAnswer(inspectorId, comment) is { } violation)
        {
            return violation;
        }

        Answer(QcDisputeState.Upheld, comment, utcNow);
        return Outcome.Ok;
    }

    /// <summary>The inspector revises the scores; the original stays beside the revision.</summary>
    public Outcome Revise(int inspectorId, IReadOnlyList<QcDimension> dimensions, IReadOnlyList<decimal?> scores, string? comment, DateTime utcNow)
    {
        if (CheckAnswer(inspectorId, comment) is { } violation)
        {
            return violation;
        }

        var sheet = QcScoring.Score(dimensions, scores);
        if (!sheet.Succeeded)
        {
            return sheet.Violation!;
        }

        RevisedScores = sheet.Value!.Scores;
        RevisedPoints = sheet.Value.Points;
        RevisedPossible = sheet.Value.Possible;
        Answer(QcDisputeState.Revised, comment, utcNow);
        return Outcome.Ok;
    }

    public static RuleViolation? CheckComment(string? comment) =>
        InputText.Check("Qc.Comment", comment?.Trim(), CommentMaxLength);

    private RuleViolation? CheckAnswer(int inspectorId, string? comment) =>
        inspectorId != InspectorId ? new RuleViolation("QcNotYourGrade")
        : DisputeState != QcDisputeState.Open ? new RuleViolation("QcNoOpenDispute")
        : CheckComment(comment);

    private void Answer(QcDisputeState state, string? comment, DateTime utcNow)
    {
        DisputeState = state;
        AnswerComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        AnsweredAt = utcNow;
        UpdatedAt = utcNow;
    }

    private void Apply(QcScoreSheet sheet, string? comment, DateTime utcNow)
    {
        Scores = sheet.Scores;
        Points = sheet.Points;
        Possible = sheet.Possible;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        UpdatedAt = utcNow;
    }
}

/// <summary>Where a grade's dispute stands (SPEC H3).</summary>
public enum QcDisputeState
{
    /// <summary>Not disputed.</summary>
    None = 0,

    /// <summary>The agent disputed it; the inspector has not answered.</summary>
    Open = 1,

    /// <summary>The inspector kept the grade.</summary>
    Upheld = 2,

    /// <summary>The inspector revised the scores.</summary>
    Revised = 3,
}

/// <summary>QC settings of the enterprise (SPEC H3): how long after grading the agent may dispute.</summary>
public class QcSettings
{
    public const int DefaultDisputeDays = 7;
    public const int MaxDisputeDays = 90;

    private QcSettings()
    {
    }

    public int Id { get; private set; }
    public int DisputeDays { get; private set; } = DefaultDisputeDays;

    public TimeSpan DisputeDeadline => TimeSpan.FromDays(DisputeDays);

    public static QcSettings CreateDefault() => new() { Id = 1 };

    public Outcome ChangeDisputeDays(int days)
    {
        if (days < 1 || days > MaxDisputeDays)
        {
            return new RuleViolation("QcDisputeDaysOutOfRange", 1, MaxDisputeDays);
        }

        DisputeDays = days;
        return Outcome.Ok;
    }
}
