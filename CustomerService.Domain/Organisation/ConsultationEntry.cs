using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CustomerService.Domain.Common;

namespace CustomerService.Domain.Organisation;

/// <summary>
/// 咨询入口: a code embedded in the merchant's page, bound to exactly one reception group (SPEC C4). The secret
/// signs the logged-in user / VIP data the merchant passes to the widget (SPEC E1).
/// </summary>
public partial class ConsultationEntry : IAudited
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 32;

    private ConsultationEntry()
    {
        Code = Name = Secret = string.Empty;
    }

    public ConsultationEntry(string code, string name, int receptionGroupId)
    {
        RuleViolationException.ThrowIf(CheckCode(code));
        Code = code;
        Name = string.Empty;
        Rename(name);
        ReceptionGroupId = receptionGroupId;
        Secret = NewSecret();
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public int ReceptionGroupId { get; private set; }
    public ReceptionGroup? ReceptionGroup { get; private set; }
    public string Secret { get; private set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static RuleViolation? CheckCode(string? code) =>
        string.IsNullOrWhiteSpace(code) ? new RuleViolation("Required", "Entry.Code")
        : code.Length > CodeMaxLength || !CodePattern().IsMatch(code) ? new RuleViolation("EntryCodeFormat", CodeMaxLength)
        : null;

    public static RuleViolation? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? new RuleViolation("Required", "Entry.Name")
        : name.Trim().Length > NameMaxLength ? new RuleViolation("TooLong", "Entry.Name", NameMaxLength)
        : null;

    /// <summary>A code for a new entry: short, unambiguous, safe in a URL and an HTML attribute.</summary>
    public static string GenerateCode()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        return "e-" + RandomNumberGenerator.GetString(alphabet, 8);
    }

    public void Rename(string name)
    {
        RuleViolationException.ThrowIf(CheckName(name));
        Name = name.Trim();
    }

    public void BindTo(int receptionGroupId) => ReceptionGroupId = receptionGroupId;

    /// <summary>Invalidates every signature made with the old secret.</summary>
    public void RotateSecret() => Secret = NewSecret();

    /// <summary>
    /// A secret chosen by the caller rather than drawn: the demo entries' well-known secrets (SPEC N1b), so the demo
    /// shop and a developer's test page can sign users without reading the database. Production entries keep random ones.
    /// </summary>
    public void UseSecret(string secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length is < 16 or > 64)
        {
            throw new ArgumentException("An entry secret is 16–64 characters.", nameof(secret));
        }

        Secret = secret;
    }

    private static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex CodePattern();
}
