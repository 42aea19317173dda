using CustomerService.Domain.Common;

namespace CustomerService.Domain.Conversations;

/// <summary>黑名单 (SPEC D11): a blocked visitor, optionally with his IP; lifted entries are kept for the record.</summary>
public class BlacklistEntry
{
    public const int ReasonMaxLength = 200;

    private BlacklistEntry()
    {
        Reason = string.Empty;
    }

    public BlacklistEntry(long id, long? visitorId, string? ip, string reason, int createdByAccountId, DateTime createdAt)
    {
        if (visitorId is null && string.IsNullOrWhiteSpace(ip))
        {
            throw new ArgumentException("A blacklist entry blocks a visitor, an IP or both.");
        }

        Id = id;
        VisitorId = visitorId;
        Ip = string.IsNullOrWhiteSpace(ip) ? null : ip.Trim();
        Reason = reason.Trim();
        CreatedByAccountId = createdByAccountId;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public long? VisitorId { get; private set; }
    public string? Ip { get; private set; }
    public string Reason { get; private set; }
    public int CreatedByAccountId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? LiftedAt { get; private set; }
    public int? LiftedByAccountId { get; private set; }

    public bool IsActive => LiftedAt is null;

    public static RuleViolation? CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? new RuleViolation("Required", "Blacklist.Reason")
        : reason.Trim().Length > ReasonMaxLength ? new RuleViolation("TooLong", "Blacklist.Reason", ReasonMaxLength)
        : null;

    public void Lift(int byAccountId, DateTime now)
    {
        LiftedAt ??= now;
        LiftedByAccountId ??= byAccountId;
    }
}
