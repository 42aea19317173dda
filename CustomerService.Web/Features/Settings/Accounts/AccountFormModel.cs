using CustomerService.Domain.Organisation;

namespace CustomerService.Web.Features.Settings.Accounts;

/// <summary>The account form's fields (SPEC C2). Password is only used when creating.</summary>
public sealed class AccountFormModel
{
    public string LoginName { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public string ExternalName { get; set; } = string.Empty;
    public string InternalName { get; set; } = string.Empty;
    public AccountRole Role { get; set; } = AccountRole.Sales;
    public int AccountGroupId { get; set; }
    public int MaxLoad { get; set; } = 5;
    public LeaveMessageScope LeaveMessageScope { get; set; } = LeaveMessageScope.Own;
    public string? NotifyPhone { get; set; }
    public string? NotifyEmail { get; set; }
    public string? AvatarUrl { get; set; }
    public string? Signature { get; set; }
    public bool ParticipatesInDistribution { get; set; } = true;

    public AccountProfile Profile => new(ExternalName, InternalName, AvatarUrl, Signature);

    public static AccountFormModel From(Account account) => new()
    {
        LoginName = account.LoginName,
        ExternalName = account.ExternalName,
        InternalName = account.InternalName,
        Role = account.Role,
        AccountGroupId = account.AccountGroupId,
        MaxLoad = account.MaxLoad,
        LeaveMessageScope = account.LeaveMessageScope,
        NotifyPhone = account.NotifyPhone,
        NotifyEmail = account.NotifyEmail,
        AvatarUrl = account.AvatarUrl,
        Signature = account.Signature,
        ParticipatesInDistribution = account.ParticipatesInDistribution,
    };
}

public sealed record AccountRow(
    int Id,
    string LoginName,
    string ExternalName,
    string InternalName,
    AccountRole Role,
    string AccountGroupName,
    int MaxLoad,
    bool ParticipatesInDistribution,
    bool IsEnabled,
    bool IsLockedOut);
