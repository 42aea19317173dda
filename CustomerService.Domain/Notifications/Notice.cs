using CustomerService.Domain.Common;

namespace CustomerService.Domain.Notifications;

/// <summary>
/// 通知 (SPEC F10; seed 002 “七、通知”): an internal notice an admin posts to a scope. Its recipients are fixed when it
/// is posted (one <see cref="NoticeRecipient"/> row each, carrying that person's read state).
/// </summary>
public class Notice : IAudited
{
    public const int TitleMaxLength = 100;
    public const int BodyMaxLength = 2000;

    private readonly List<NoticeRecipient> _recipients = [];

    private Notice()
    {
        Title = Body = AuthorName = string.Empty;
    }

    public Notice(string title, string body, NoticeTarget target, int authorAccountId, string authorName, IReadOnlyCollection<int> recipientIds)
    {
        RuleViolationException.ThrowIf(Check(title, body));
        if (recipientIds.Count == 0)
        {
            throw new RuleViolationException(new RuleViolation("NoticeNoRecipients"));
        }

        Title = title.Trim();
        Body = body.Trim();
        Scope = target.Scope;
        TargetId = target.TargetId;
        AuthorAccountId = authorAccountId;
        AuthorName = authorName;
        _recipients.AddRange(recipientIds.Distinct().Select(id => new NoticeRecipient(id)));
    }

    public int Id { get; private set; }
    public string Title { get; private set; }
    public string Body { get; private set; }
    public NoticeScope Scope { get; private set; }

    /// <summary>The account group or account of the scope; null for everyone.</summary>
    public int? TargetId { get; private set; }

    /// <summary>
    /// Who posted it, kept as id and name without a foreign key: a notice is a record of what was said and outlives
    /// the author's account.
    /// </summary>
    public int AuthorAccountId { get; private set; }

    public string AuthorName { get; private set; }

    public IReadOnlyCollection<NoticeRecipient> Recipients => _recipients;

    /// <summary>When it was posted.</summary>
    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public static RuleViolation? Check(string? title, string? body) =>
        string.IsNullOrWhiteSpace(title) ? new RuleViolation("Required", "Notice.Title")
        : title.Trim().Length > TitleMaxLength ? new RuleViolation("TooLong", "Notice.Title", TitleMaxLength)
        : string.IsNullOrWhiteSpace(body) ? new RuleViolation("Required", "Notice.Body")
        : body.Trim().Length > BodyMaxLength ? new RuleViolation("TooLong", "Notice.Body", BodyMaxLength)
        : null;
}

/// <summary>One person a notice was sent to, and whether (when) he opened it.</summary>
public class NoticeRecipient
{
    private NoticeRecipient()
    {
    }

    internal NoticeRecipient(int accountId) => AccountId = accountId;

    public int NoticeId { get; private set; }
    public int AccountId { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    /// <summary>Opening a notice marks it read; opening it again keeps the first time.</summary>
    public void MarkRead(DateTime utcNow) => ReadAt ??= utcNow;
}
