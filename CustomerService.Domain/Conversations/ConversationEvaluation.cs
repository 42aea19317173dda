namespace CustomerService.Domain.Conversations;

/// <summary>
/// The evaluation state of one conversation (SPEC D9; seed 002 “客人可以主动评价一个会话一次,客服可以邀请评价多次,
/// 系统会选择最好的一次作为最终的评价结果”). Immutable: every change returns a new value for the engine to persist.
/// </summary>
/// <remarks>
/// A rating answers the open invitation when there is one; otherwise it is the visitor's single unprompted rating,
/// which the message threshold gates. Invitations are not gated by the threshold: the agent chose to ask. Several invitations
/// sent before the visitor answers collapse into one, so one click in the visitor window is one rating.
/// </remarks>
public sealed record ConversationEvaluation
{
    public static ConversationEvaluation NotRated { get; } = new();

    private ConversationEvaluation()
    {
    }

    /// <summary>Rebuilds the state from persisted columns.</summary>
    public static ConversationEvaluation Restore(
        EvaluationLevel? finalLevel, bool hasOpenInvitation, bool visitorRatedUnprompted, int ratingCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ratingCount);
        return new ConversationEvaluation
        {
            FinalLevel = finalLevel,
            HasOpenInvitation = hasOpenInvitation,
            VisitorRatedUnprompted = visitorRatedUnprompted,
            RatingCount = ratingCount,
        };
    }

    /// <summary>The best level received so far; this is the conversation's evaluation in records and KPIs.</summary>
    public EvaluationLevel? FinalLevel { get; private init; }

    public bool HasOpenInvitation { get; private init; }

    public bool VisitorRatedUnprompted { get; private init; }

    public int RatingCount { get; private init; }

    /// <summary>邀请评价: agents may invite any number of times, during or after the conversation.</summary>
    public ConversationEvaluation Invite() => this with { HasOpenInvitation = true };

    public RatingResult Rate(EvaluationLevel level, int visitorMessageCount, EvaluationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown evaluation level.");
        }

        if (HasOpenInvitation)
        {
            return RatingResult.Accepted(Record(level) with { HasOpenInvitation = false });
        }

        if (!settings.VisitorMayRateUnprompted)
        {
            return RatingResult.Rejected(this, RatingRejection.VisitorRatingDisabled);
        }

        if (VisitorRatedUnprompted)
        {
            return RatingResult.Rejected(this, RatingRejection.AlreadyRated);
        }

        return visitorMessageCount < settings.MinVisitorMessages
            ? RatingResult.Rejected(this, RatingRejection.NotEnoughVisitorMessages)
            : RatingResult.Accepted(Record(level) with { VisitorRatedUnprompted = true });
    }

    /// <summary>
    /// Whether closing the window should show the forced rating prompt. A visitor who never reached the message
    /// threshold is not pushed to rate a conversation that did not happen. The engine answers a prompt by calling
    /// <see cref="Invite"/> first, so the prompt's rating is accepted like any invited one.
    /// </summary>
    public bool ShouldPromptOnVisitorClose(int visitorMessageCount, EvaluationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.PromptOnVisitorClose
            && FinalLevel is null
            && visitorMessageCount >= settings.MinVisitorMessages;
    }

    private ConversationEvaluation Record(EvaluationLevel level) => this with
    {
        FinalLevel = FinalLevel is { } best && best >= level ? best : level,
        RatingCount = RatingCount + 1,
    };
}
