using CustomerService.Domain.Common;

namespace CustomerService.Domain.Colleagues;

/// <summary>A message between two colleagues (SPEC F9 internal chat); visitors never see these.</summary>
public class InternalMessage
{
    public const int TextMaxLength = 2000;

    private InternalMessage()
    {
        Text = string.Empty;
    }

    public InternalMessage(int fromAccountId, int toAccountId, string text, DateTime sentAt)
    {
        RuleViolationException.ThrowIf(CheckText(text) ?? (fromAccountId == toAccountId ? new RuleViolation("InternalChatSelf") : null));
        FromAccountId = fromAccountId;
        ToAccountId = toAccountId;
        Text = text.Trim();
        SentAt = sentAt;
    }

    public long Id { get; private set; }
    public int FromAccountId { get; private set; }
    public int ToAccountId { get; private set; }
    public string Text { get; private set; }
    public DateTime SentAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public static RuleViolation? CheckText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? new RuleViolation("MessageEmpty")
        : text.Trim().Length > TextMaxLength ? new RuleViolation("MessageTooLong", TextMaxLength)
        : null;

    public void MarkRead(DateTime now) => ReadAt ??= now;
}
