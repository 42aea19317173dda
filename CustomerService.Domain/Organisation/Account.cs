using CustomerService.Domain.Common;

namespace CustomerService.Domain.Organisation;

/// <summary>
/// An agent, team lead, QC inspector or admin (SPEC C2). Credentials live with the identity user that shares
/// this account's id; everything the business cares about lives here.
/// </summary>
public class Account : IAudited
{
    private Account()
    {
        LoginName = ExternalName = InternalName = string.Empty;
    }

    public Account(int id, string loginName, AccountProfile profile, AccountRole role, int accountGroupId, int maxLoad)
    {
        RuleViolationException.ThrowIf(AccountRules.CheckLoginName(loginName));
        Id = id;
        LoginName = loginName;
        ExternalName = InternalName = string.Empty;
        UpdateProfile(profile);
        ChangeRole(role);
        MoveToGroup(accountGroupId);
        ChangeMaxLoad(maxLoad);
        LeaveMessageScope = role == AccountRole.Admin ? LeaveMessageScope.All : LeaveMessageScope.Own;
        ParticipatesInDistribution = true;
        IsEnabled = true;
    }

    public int Id { get; private set; }

    /// <summary>登陆名; fixed once created because people sign in with it and logs refer to it.</summary>
    public string LoginName { get; private set; }

    /// <summary>外部名称: the name visitors see.</summary>
    public string ExternalName { get; private set; }

    /// <summary>内部名称: the real name colleagues see.</summary>
    public string InternalName { get; private set; }

    public AccountRole Role { get; private set; }
    public int AccountGroupId { get; private set; }
    public AccountGroup? AccountGroup { get; private set; }

    /// <summary>最大接待量: routing never gives the account more concurrent conversations than this (SPEC D2.3).</summary>
    public int MaxLoad { get; private set; }

    public LeaveMessageScope LeaveMessageScope { get; private set; }
    public string? NotifyPhone { get; private set; }
    public string? NotifyEmail { get; private set; }
    public string? AvatarUrl { get; private set; }
    public string? Signature { get; private set; }

    /// <summary>参与分流 (seed 001): when false the account keeps its contacts but routing never picks it.</summary>
    public bool ParticipatesInDistribution { get; private set; }

    public bool IsEnabled { get; private set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public void UpdateProfile(AccountProfile profile)
    {
        RuleViolationException.ThrowIf(profile.Check());
        ExternalName = profile.ExternalName.Trim();
        InternalName = profile.InternalName.Trim();
        AvatarUrl = string.IsNullOrWhiteSpace(profile.AvatarUrl) ? null : profile.AvatarUrl.Trim();
        Signature = string.IsNullOrWhiteSpace(profile.Signature) ? null : profile.Signature.Trim();
    }

    public void ChangeRole(AccountRole role) => Role = role;

    public void MoveToGroup(int accountGroupId) => AccountGroupId = accountGroupId;

    public void ChangeMaxLoad(int maxLoad)
    {
        RuleViolationException.ThrowIf(AccountRules.CheckMaxLoad(maxLoad));
        MaxLoad = maxLoad;
    }

    public void ConfigureLeaveMessages(LeaveMessageScope scope, string? notifyPhone, string? notifyEmail)
    {
        RuleViolationException.ThrowIf(AccountRules.CheckPhone(notifyPhone) ?? AccountRules.CheckEmail(notifyEmail));
        LeaveMessageScope = scope;
        NotifyPhone = string.IsNullOrWhiteSpace(notifyPhone) ? null : notifyPhone.Trim();
        NotifyEmail = string.IsNullOrWhiteSpace(notifyEmail) ? null : notifyEmail.Trim();
    }

    public void SetDistribution(bool participates) => ParticipatesInDistribution = participates;

    public void Enable() => IsEnabled = true;

    public void Disable() => IsEnabled = false;
}

/// <summary>What an account holder may edit about himself (seed 002 “个人信息”).</summary>
public sealed record AccountProfile(string ExternalName, string InternalName, string? AvatarUrl = null, string? Signature = null)
{
    public RuleViolation? Check() =>
        AccountRules.CheckName(ExternalName, "Account.ExternalName")
        ?? AccountRules.CheckName(InternalName, "Account.InternalName")
        ?? (Signature is { Length: > AccountRules.SignatureMaxLength }
            ? new RuleViolation("TooLong", "Account.Signature", AccountRules.SignatureMaxLength)
            : null);
}
