using CustomerService.Domain.Common;

namespace CustomerService.Domain.Conversations;

/// <summary>
/// One message of a conversation (SPEC D6). <see cref="Seq"/> orders a conversation's messages and is the visitor
/// stream's event id; <see cref="ClientId"/> makes a sender's resend return the stored message instead of a copy.
/// </summary>
public class ChatMessage
{
    public const int TextMaxLength = InputLimits.MessageText;
    public const int ClientIdMaxLength = InputLimits.MessageClientId;

    private ChatMessage()
    {
        Text = string.Empty;
    }

    public ChatMessage(long id, long conversationId, long seq, MessageSender sender, int? agentId, string? senderName,
        MessageKind kind, string text, DateTime sentAt, string? clientId = null, string? notice = null, Attachment? attachment = null)
    {
        Id = id;
        ConversationId = conversationId;
        Seq = seq;
        Sender = sender;
        AgentId = agentId;
        SenderName = senderName;
        Kind = kind;
        Text = text;
        SentAt = sentAt;
        ClientId = clientId;
        Notice = notice;
        FileName = attachment?.FileName;
        ContentType = attachment?.ContentType;
        FileSize = attachment?.Size;
        StorageKey = attachment?.StorageKey;
    }

    public long Id { get; private set; }
    public long ConversationId { get; private set; }
    public long Seq { get; private set; }
    public MessageSender Sender { get; private set; }

    /// <summary>The agent who wrote it, when <see cref="Sender"/> is <see cref="MessageSender.Agent"/>.</summary>
    public int? AgentId { get; private set; }

    /// <summary>The name shown at the time (the agent's external name), kept so transcripts do not change later.</summary>
    public string? SenderName { get; private set; }

    public MessageKind Kind { get; private set; }
    public string Text { get; private set; }
    public string? Notice { get; private set; }
    public string? ClientId { get; private set; }
    public DateTime SentAt { get; private set; }
    public string? FileName { get; private set; }
    public string? ContentType { get; private set; }
    public long? FileSize { get; private set; }

    /// <summary>Where the upload store keeps the bytes; never a path a visitor can choose.</summary>
    public string? StorageKey { get; private set; }

    public static RuleViolation? CheckText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? new RuleViolation("MessageEmpty")
        : text.Length > TextMaxLength ? new RuleViolation("MessageTooLong", TextMaxLength)
        : InputText.HasForbiddenControlCharacter(text) ? new RuleViolation("ControlCharacters", "Message.Text")
        : null;

    public static RuleViolation? CheckClientId(string? clientId) =>
        clientId is { Length: > ClientIdMaxLength } ? new RuleViolation("ClientIdTooLong", ClientIdMaxLength) : null;
}

/// <summary>An uploaded image or file already stored by the upload store (SPEC D6).</summary>
public sealed record Attachment(string FileName, string ContentType, long Size, string StorageKey);
