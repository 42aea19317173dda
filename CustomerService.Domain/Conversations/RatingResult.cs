namespace CustomerService.Domain.Conversations;

/// <summary>
/// The outcome of <see cref="ConversationEvaluation.Rate"/>; on rejection the evaluation is unchanged.
/// </summary>
public sealed record RatingResult
{
    private RatingResult(ConversationEvaluation evaluation, RatingRejection? rejection)
    {
        Evaluation = evaluation;
        Rejection = rejection;
    }

    public ConversationEvaluation Evaluation { get; }

    public RatingRejection? Rejection { get; }

    public bool IsAccepted => Rejection is null;

    internal static RatingResult Accepted(ConversationEvaluation evaluation) => new(evaluation, null);

    internal static RatingResult Rejected(ConversationEvaluation evaluation, RatingRejection rejection) =>
        new(evaluation, rejection);
}
