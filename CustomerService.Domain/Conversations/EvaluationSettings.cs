namespace CustomerService.Domain.Conversations;

/// <summary>
/// Enterprise evaluation settings (SPEC D9, seed 002 设置 “咨询评价”: whether visitors may rate on their own initiative
/// and after how many of their own messages, and whether closing the window forces a rating prompt).
/// </summary>
public sealed record EvaluationSettings
{
    public EvaluationSettings(bool visitorMayRateUnprompted, int minVisitorMessages, bool promptOnVisitorClose)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minVisitorMessages);
        VisitorMayRateUnprompted = visitorMayRateUnprompted;
        MinVisitorMessages = minVisitorMessages;
        PromptOnVisitorClose = promptOnVisitorClose;
    }

    public bool VisitorMayRateUnprompted { get; }

    public int MinVisitorMessages { get; }

    public bool PromptOnVisitorClose { get; }
}
