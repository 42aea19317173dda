using CustomerService.Domain.Conversations;
using CustomerService.Domain.Qc;

namespace CustomerService.Web.Features.Qc;

/// <summary>A dimension as the grading form shows it.</summary>
public sealed record QcDimensionView(string Name, int MaxScore, string? Description, bool AllowsNotApplicable, bool IsCritical)
{
    public static QcDimensionView Of(QcDimension d) => new(d.Name, d.MaxScore, d.Description, d.AllowsNotApplicable, d.IsCritical);
}

/// <summary>A standard an inspector may grade with: its current version.</summary>
public sealed record QcStandardChoice(int StandardId, string Name, bool IsDefault, int VersionId, int VersionNumber, IReadOnlyList<QcDimensionView> Dimensions);

/// <summary>
/// One grade as its readers see it; times are on the enterprise's clock. <see cref="CanDispute"/>,
/// <see cref="CanAnswer"/> and <see cref="CanEdit"/> are what the reader may do with it now.
/// </summary>
public sealed record QcGradeView(
    long Id,
    long ConversationId,
    DateTime ConversationRequestedAt,
    int AgentId,
    string AgentName,
    int InspectorId,
    string InspectorName,
    string StandardName,
    int VersionNumber,
    IReadOnlyList<QcDimensionView> Dimensions,
    IReadOnlyList<int?> Scores,
    QcScore Score,
    IReadOnlyList<int?>? RevisedScores,
    QcScore? RevisedScore,
    string? Comment,
    DateTime GradedAt,
    QcDisputeState DisputeState,
    string? DisputeReason,
    DateTime? DisputedAt,
    string? AnswerComment,
    DateTime? AnsweredAt,
    bool CanEdit,
    bool CanDispute,
    bool CanAnswer)
{
    /// <summary>The score that counts (the revision's, after a revised dispute; SPEC I0).</summary>
    public QcScore EffectiveScore => RevisedScore ?? Score;
}

/// <summary>
/// What the grading panel shows for one conversation: whether the reader may grade, the standards to grade with, his own
/// grade, the grades he may see and the conversation's score (the average of all its grades, SPEC H2).
/// </summary>
public sealed record QcPanel(
    long ConversationId,
    bool CanGrade,
    bool Ended,
    bool HasAgent,
    IReadOnlyList<QcStandardChoice> Standards,
    QcGradeView? Mine,
    IReadOnlyList<QcGradeView> Grades,
    QcScore? ConversationScore);

/// <summary>An ended conversation an inspector may pick (the workspace list and the sampler).</summary>
public sealed record QcCandidate(
    long ConversationId,
    DateTime RequestedAt,
    int AgentId,
    string AgentName,
    string ReceptionGroup,
    bool Valid,
    EvaluationLevel? Evaluation,
    int Grades);

/// <summary>What the workspace lists and samples from: a local period and optional narrowing.</summary>
public sealed record QcCandidateFilter(
    DateOnly From,
    DateOnly To,
    int? AgentId = null,
    int? AccountGroupId = null,
    int? ReceptionGroupId = null,
    EvaluationLevel? Evaluation = null,
    bool Unrated = false,
    bool IncludeGraded = false);

/// <summary>Which grades a list holds.</summary>
public enum QcGradeList
{
    /// <summary>Grades of the reader's own conversations (the agent's view).</summary>
    AboutMe = 0,

    /// <summary>Grades the reader made (the inspector's “my grades”).</summary>
    ByMe = 1,

    /// <summary>Open disputes of the grades the reader made: only a grade's author answers its dispute (SPEC H3).</summary>
    DisputesToAnswer = 2,

    /// <summary>Every disputed grade the reader may see, in any state.</summary>
    Disputes = 3,
}

/// <summary>A person in a picker.</summary>
public sealed record QcPickItem(int Id, string Name);
