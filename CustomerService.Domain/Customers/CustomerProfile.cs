using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;

namespace CustomerService.Domain.Customers;

/// <summary>
/// What agents learned about a visitor (SPEC F7 客户信息: name, phone, e-mail, notes), kept for the CRM (SPEC J). One per
/// visitor; the CRM module builds on these rows.
/// </summary>
public class CustomerProfile
{
    public const int NameMaxLength = 32;
    public const int NotesMaxLength = 1000;

    private CustomerProfile()
    {
    }

    public CustomerProfile(long visitorId) => VisitorId = visitorId;

    public long VisitorId { get; private set; }
    public string? Name { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string? Notes { get; private set; }
    public int? UpdatedByAccountId { get; private set; }

    /// <summary>Who first saved details for this visitor: the agent credited with 添加CRM (SPEC I0).</summary>
    public int? CreatedByAccountId { get; private set; }

    public DateTime? CreatedAt { get; private set; }
    public DateTime? UpdatedAt { get; private set; }

    public static RuleViolation? Check(CustomerDetails details) =>
        details.Name is { } name && name.Trim().Length > NameMaxLength ? new RuleViolation("TooLong", "Customer.Name", NameMaxLength)
        : AccountRules.CheckPhone(details.Phone)
        ?? AccountRules.CheckEmail(details.Email)
        ?? (details.Notes is { Length: > NotesMaxLength } ? new RuleViolation("TooLong", "Customer.Notes", NotesMaxLength) : null);

    public void Change(CustomerDetails details, int byAccountId, DateTime now)
    {
        RuleViolationException.ThrowIf(Check(details));
        Name = Blank(details.Name);
        Phone = Blank(details.Phone);
        Email = Blank(details.Email);
        Notes = Blank(details.Notes);
        UpdatedByAccountId = byAccountId;
        UpdatedAt = now;
        CreatedByAccountId ??= byAccountId;
        CreatedAt ??= now;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record CustomerDetails(string? Name, string? Phone, string? Email, string? Notes);
