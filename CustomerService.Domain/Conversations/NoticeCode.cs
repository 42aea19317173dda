namespace CustomerService.Domain.Conversations;

/// <summary>
/// Codes of notice messages. Stable strings: they are stored, sent to visitor pages and mobile apps, and used as
/// localization keys (<c>Notice.{Code}</c>).
/// </summary>
public static class NoticeCode
{
    /// <summary>Text = the new agent's external name.</summary>
    public const string Transferred = "Transferred";

    /// <summary>Text = the joining agent's external name.</summary>
    public const string AgentJoined = "AgentJoined";

    /// <summary>Text = the leaving agent's external name.</summary>
    public const string AgentLeft = "AgentLeft";

    /// <summary>Text = the lost agent's external name: his console was gone past the grace period, the visitor waits for another.</summary>
    public const string AgentLost = "AgentLost";

    /// <summary>Text = the <see cref="EndReason"/>.</summary>
    public const string Ended = "Ended";

    public const string EvaluationInvited = "EvaluationInvited";

    /// <summary>Text = the level (1..5).</summary>
    public const string Rated = "Rated";
}
