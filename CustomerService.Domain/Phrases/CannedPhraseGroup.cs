using CustomerService.Domain.Common;

namespace CustomerService.Domain.Phrases;

/// <summary>
/// A folder of canned phrases (seed 002 “新建分组”). Enterprise groups have no owner and every agent sees their
/// published phrases; a personal group belongs to one account and only that account ever sees it.
/// </summary>
public class CannedPhraseGroup : IAudited
{
    public const int NameMaxLength = 32;

    private CannedPhraseGroup()
    {
        Name = string.Empty;
    }

    public CannedPhraseGroup(PhraseOwner owner, string name)
    {
        OwnerAccountId = owner.AccountId;
        Name = string.Empty;
        Rename(name);
    }

    public int Id { get; private set; }

    /// <summary>Null for an enterprise group; otherwise the account whose personal group this is.</summary>
    public int? OwnerAccountId { get; private set; }

    public string Name { get; private set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public PhraseOwner Owner => new(OwnerAccountId);

    public static RuleViolation? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? new RuleViolation("Required", "CannedPhraseGroup.Name")
        : name.Trim().Length > NameMaxLength ? new RuleViolation("TooLong", "CannedPhraseGroup.Name", NameMaxLength)
        : null;

    public void Rename(string name)
    {
        RuleViolationException.ThrowIf(CheckName(name));
        Name = name.Trim();
    }
}
