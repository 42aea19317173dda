using CustomerService.Domain.Common;

namespace CustomerService.Domain.Conversations;

/// <summary>
/// 留言 (SPEC D12): what a visitor left when no agent could take him, and how it was handled. Handling happens once
/// (the first handler and time count for 留言处理量 / 24小时处理量); an e-mail reply is sent at most once, and a message
/// marked handled without one (the agent phoned back) may still get one.
/// </summary>
public class LeaveMessage
{
    public const int ReplyMaxLength = ChatMessage.TextMaxLength;
    private LeaveMessage()
    {
        Content = string.Empty;
    }

    public LeaveMessage(long id, long? visitorId, int entryId, int receptionGroupId, int? responsibleAgentId,
        long? conversationId, LeaveMessageContent content, DateTime createdAt)
    {
        ArgumentNullException.ThrowIfNull(content);
        Id = id;
        VisitorId = visitorId;
        EntryId = entryId;
        ReceptionGroupId = receptionGroupId;
        ResponsibleAgentId = responsibleAgentId;
        ConversationId = conversationId;
        Name = content.Name;
        Phone = content.Phone;
        Email = content.Email;
        Content = content.Content;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public long? VisitorId { get; private set; }
    public int EntryId { get; private set; }
    public int ReceptionGroupId { get; private set; }

    /// <summary>The visitor's private contact or last agent; null means the group handles it.</summary>
    public int? ResponsibleAgentId { get; private set; }

    /// <summary>The queued request the visitor gave up for this message, if any.</summary>
    public long? ConversationId { get; private set; }

    public string? Name { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string Content { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? HandledAt { get; private set; }
    public int? HandledByAccountId { get; private set; }
    public string? Reply { get; private set; }

    public bool IsHandled => HandledAt is not null;

    public static RuleViolation? CheckReplyText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? new RuleViolation("Required", "LeaveMessage.Reply")
        : text.Trim().Length > ReplyMaxLength ? new RuleViolation("TooLong", "LeaveMessage.Reply", ReplyMaxLength)
        : null;

    /// <summary>Why <see cref="MarkHandled"/> would refuse, or null.</summary>
    public RuleViolation? CheckMarkHandled() => IsHandled ? new RuleViolation("LeaveMessageAlreadyHandled") : null;

    /// <summary>Why <see cref="RecordReply"/> would refuse <paramref name="text"/>, or null.</summary>
    public RuleViolation? CheckReply(string? text) =>
        CheckReplyText(text)
        ?? (string.IsNullOrWhiteSpace(Email) ? new RuleViolation("LeaveMessageNoEmail") : null)
        ?? (Reply is not null ? new RuleViolation("LeaveMessageAlreadyReplied") : null);

    public void MarkHandled(int byAccountId, DateTime now)
    {
        RuleViolationException.ThrowIf(CheckMarkHandled());
        HandledAt = now;
        HandledByAccountId = byAccountId;
    }

    /// <summary>Records the reply that was e-mailed to the visitor; the message counts as handled from then on.</summary>
    public void RecordReply(int byAccountId, string text, DateTime now)
    {
        RuleViolationException.ThrowIf(CheckReply(text));
        Reply = text.Trim();
        if (!IsHandled)
        {
            HandledAt = now;
            HandledByAccountId = byAccountId;
        }
    }
}

/// <summary>The fields of the leave-message form, already checked against the enterprise's form settings.</summary>
public sealed record LeaveMessageContent(string? Name, string? Phone, string? Email, string Content);
