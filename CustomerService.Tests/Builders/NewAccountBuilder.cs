using CustomerService.Domain.Organisation;
using CustomerService.Web.Features.Organisation;
using CustomerService.Web.Features.Settings.Accounts;

namespace CustomerService.Tests.Builders;

/// <summary>
/// A valid account (SPEC C2) with a unique login name; override only what the test is about:
/// <code>
/// var form = new NewAccountBuilder().InGroup(groupId).WithRole(AccountRole.Admin).BuildForm();   // account settings
/// var request = new NewAccountBuilder().InGroup(groupId).Build();                             // AccountCreator
/// </code>
/// </summary>
public sealed class NewAccountBuilder
{
    /// <summary>Valid for SPEC C2 (6–16 characters).</summary>
    public const string DefaultPassword = "Secret123";

    private static int _sequence;

    private string _loginName = $"user{Interlocked.Increment(ref _sequence)}";
    private string _password = DefaultPassword;
    private string _externalName = "客服小测";
    private string _internalName = "测试员";
    private AccountRole _role = AccountRole.Sales;
    private int _accountGroupId;
    private int _maxLoad = 5;
    private LeaveMessageScope _leaveMessageScope = LeaveMessageScope.Own;
    private string? _notifyPhone;
    private string? _notifyEmail;
    private bool _participatesInDistribution = true;

    public string LoginName => _loginName;

    public string Password => _password;

    /// <summary>0 until <see cref="InGroup"/> is called.</summary>
    public int AccountGroupId => _accountGroupId;

    public NewAccountBuilder WithLoginName(string loginName)
    {
        _loginName = loginName;
        return this;
    }

    public NewAccountBuilder WithPassword(string password)
    {
        _password = password;
        return this;
    }

    public NewAccountBuilder WithNames(string externalName, string internalName)
    {
        _externalName = externalName;
        _internalName = internalName;
        return this;
    }

    public NewAccountBuilder WithRole(AccountRole role)
    {
        _role = role;
        return this;
    }

    public NewAccountBuilder InGroup(int accountGroupId)
    {
        _accountGroupId = accountGroupId;
        return this;
    }

    public NewAccountBuilder WithMaxLoad(int maxLoad)
    {
        _maxLoad = maxLoad;
        return this;
    }

    public NewAccountBuilder WithLeaveMessages(LeaveMessageScope scope, string? phone = null, string? email = null)
    {
        _leaveMessageScope = scope;
        _notifyPhone = phone;
        _notifyEmail = email;
        return this;
    }

    public NewAccountBuilder OutOfDistribution()
    {
        _participatesInDistribution = false;
        return this;
    }

    /// <summary>The account form's model, as the settings page submits it.</summary>
    public AccountFormModel BuildForm() => new()
    {
        LoginName = _loginName,
        Password = _password,
        ExternalName = _externalName,
        InternalName = _internalName,
        Role = _role,
        AccountGroupId = _accountGroupId,
        MaxLoad = _maxLoad,
        LeaveMessageScope = _leaveMessageScope,
        NotifyPhone = _notifyPhone,
        NotifyEmail = _notifyEmail,
        ParticipatesInDistribution = _participatesInDistribution,
    };

    /// <summary>The request of <see cref="AccountCreator"/> (bootstrap, seeding, settings).</summary>
    public NewAccount Build() => new(
        _loginName, _password, new AccountProfile(_externalName, _internalName), _role, _accountGroupId, _maxLoad,
        _leaveMessageScope, _notifyPhone, _notifyEmail, _participatesInDistribution);
}
