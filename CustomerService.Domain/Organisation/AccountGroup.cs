using CustomerService.Domain.Common;

namespace CustomerService.Domain.Organisation;

/// <summary>账号分组: a department. Every account belongs to exactly one (SPEC C1).</summary>
public class AccountGroup : IAudited
{
    public const int NameMaxLength = 32;

    private AccountGroup()
    {
        Name = string.Empty;
    }

    public AccountGroup(string name)
    {
        Name = string.Empty;
        Rename(name);
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static RuleViolation? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? new RuleViolation("Required", "AccountGroup.Name")
        : name.Trim().Length > NameMaxLength ? new RuleViolation("TooLong", "AccountGroup.Name", NameMaxLength)
        : null;

    public void Rename(string name)
    {
        RuleViolationException.ThrowIf(CheckName(name));
        Name = name.Trim();
    }
}
