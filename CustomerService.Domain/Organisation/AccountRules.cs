using System.Text.RegularExpressions;
using CustomerService.Domain.Common;

namespace CustomerService.Domain.Organisation;

/// <summary>Field rules for accounts (SPEC C2; seed 002 “修改密码”: 密码要求必须为6到16个字符).</summary>
public static partial class AccountRules
{
    public const int PasswordMinLength = 6;
    public const int PasswordMaxLength = 16;
    public const int MaxLoadMin = 1;
    public const int MaxLoadMax = 100;
    public const int LoginNameMaxLength = 32;
    public const int NameMaxLength = 32;
    public const int SignatureMaxLength = 200;

    public static RuleViolation? CheckPassword(string? password) =>
        password is null || password.Length < PasswordMinLength || password.Length > PasswordMaxLength
            ? new RuleViolation("PasswordLength", PasswordMinLength, PasswordMaxLength)
            : null;

    public static RuleViolation? CheckMaxLoad(int maxLoad) =>
        maxLoad is < MaxLoadMin or > MaxLoadMax ? new RuleViolation("MaxLoadRange", MaxLoadMin, MaxLoadMax) : null;

    public static RuleViolation? CheckLoginName(string? loginName)
    {
        if (string.IsNullOrWhiteSpace(loginName))
        {
            return new RuleViolation("LoginNameRequired");
        }

        return loginName.Length > LoginNameMaxLength || !LoginNamePattern().IsMatch(loginName)
            ? new RuleViolation("LoginNameFormat", LoginNameMaxLength)
            : null;
    }

    /// <summary>The fields that can change after an account is created (everything but login name and password).</summary>
    public static RuleViolation? CheckEditableFields(AccountProfile profile, int maxLoad, string? notifyPhone, string? notifyEmail) =>
        profile.Check() ?? CheckMaxLoad(maxLoad) ?? CheckPhone(notifyPhone) ?? CheckEmail(notifyEmail);

    public static RuleViolation? CheckName(string? name, string field) =>
        string.IsNullOrWhiteSpace(name) ? new RuleViolation("Required", field)
        : name.Length > NameMaxLength ? new RuleViolation("TooLong", field, NameMaxLength)
        : null;

    public static RuleViolation? CheckEmail(string? email) =>
        string.IsNullOrEmpty(email) || EmailPattern().IsMatch(email) ? null : new RuleViolation("EmailFormat");

    public static RuleViolation? CheckPhone(string? phone) =>
        string.IsNullOrEmpty(phone) || PhonePattern().IsMatch(phone) ? null : new RuleViolation("PhoneFormat");

    // Login names are typed at a keyboard and appear in URLs and logs: ASCII letters, digits and . _ - only.
    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex LoginNamePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 -]{5,20}$")]
    private static partial Regex PhonePattern();
}
