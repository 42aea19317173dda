namespace CustomerService.Domain.Conversations;

/// <summary>留言 (SPEC D12): what a visitor left when no agent could take him, and how it was handled.</summary>
public class LeaveMessage
{
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
}

/// <summary>The fields of the leave-message form, already checked against the enterprise's form settings.</summary>
public sealed record LeaveMessageContent(string? Name, string? Phone, string? Email, string Content);
