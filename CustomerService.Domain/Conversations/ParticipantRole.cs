namespace CustomerService.Domain.Conversations;

/// <summary>How an agent takes part in a conversation (SPEC D4).</summary>
public enum ParticipantRole
{
    /// <summary>Responsible for the conversation; the only role that counts towards max load.</summary>
    Owner,

    /// <summary>Joined through 会话邀请 (three-way conversation).</summary>
    Invited,

    /// <summary>An admin who joined through 插入会话.</summary>
    BargedIn,
}
