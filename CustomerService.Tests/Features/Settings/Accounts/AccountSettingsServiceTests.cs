using CustomerService.Data.Identity;
using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Organisation;
using CustomerService.Web.Features.Settings.AccountGroups;
using CustomerService.Web.Features.Settings.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Settings.Accounts;

/// <summary>
/// Account administration against a real SQLite database (SPEC C2, M: bad input is refused with a clear reason and
/// changes nothing). Every refusal is checked twice: the violation code, and the stored state re-read from a new
/// context.
/// </summary>
public sealed class AccountSettingsServiceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private int _groupId;
    private int _adminId;
    private int _leadId;

    private AccountSettingsService Accounts => _db.GetRequiredService<AccountSettingsService>();

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _groupId = (await _db.GetRequiredService<AccountGroupService>().CreateAsync("售前组")).Value;
        _adminId = await CreateAsync(new NewAccountBuilder().WithLoginName("admin").WithRole(AccountRole.Admin));
        _leadId = await CreateAsync(new NewAccountBuilder().WithLoginName("lead").WithRole(AccountRole.TeamLead));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("sales1")]
    [InlineData("SALES1")]
    public async Task Taken_login_name_is_refused_and_nothing_changes(string loginName)
    {
        await CreateAsync(new NewAccountBuilder().WithLoginName("sales1").WithNames("客服小美", "李美"));
        var before = await CountsAsync();

        var outcome = await Accounts.CreateAsync(Account().WithLoginName(loginName).WithNames("冒名者", "冒名者").BuildForm());

        AssertRefused("LoginNameTaken", outcome.Violation);
        Assert.Equal(before, await CountsAsync());
        await using var check = _db.NewContext();
        Assert.Equal("客服小美", (await check.Accounts.SingleAsync(a => a.LoginName == "sales1")).ExternalName);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("12345678901234567")]
    public async Task Password_outside_6_to_16_characters_is_refused_and_nothing_changes(string password)
    {
        var before = await CountsAsync();

        var outcome = await Accounts.CreateAsync(Account().WithPassword(password).BuildForm());

        AssertRefused("PasswordLength", outcome.Violation);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("123456")]
    [InlineData("1234567890123456")]
    public async Task Password_of_6_and_of_16_characters_is_accepted(string password)
    {
        var outcome = await Accounts.CreateAsync(Account().WithPassword(password).BuildForm());

        Assert.True(outcome.Succeeded, outcome.Violation?.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Max_load_outside_1_to_100_is_refused_on_create_and_nothing_changes(int maxLoad)
    {
        var before = await CountsAsync();

        var outcome = await Accounts.CreateAsync(Account().WithMaxLoad(maxLoad).BuildForm());

        AssertRefused("MaxLoadRange", outcome.Violation);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Max_load_outside_1_to_100_is_refused_on_update_and_nothing_changes(int maxLoad)
    {
        var id = await CreateAsync(Account().WithMaxLoad(5));
        var form = (await Accounts.GetAsync(id))!;
        form.MaxLoad = maxLoad;

        var outcome = await Accounts.UpdateAsync(id, form);

        AssertRefused("MaxLoadRange", outcome.Violation);
        Assert.Equal(5, (await StoredAsync(id)).MaxLoad);
    }

    [Fact]
    public async Task Deleting_the_last_admin_is_refused_and_nothing_changes()
    {
        var before = await CountsAsync();

        var outcome = await Accounts.DeleteAsync(_adminId, actingAccountId: _leadId);

        AssertRefused("LastAdmin", outcome.Violation);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_disabled_admin_does_not_count_as_the_remaining_admin()
    {
        var disabledAdmin = await CreateAsync(Account().WithRole(AccountRole.Admin));
        Assert.True((await Accounts.SetEnabledAsync(disabledAdmin, false, _adminId)).Succeeded);

        var outcome = await Accounts.DeleteAsync(_adminId, actingAccountId: _leadId);

        AssertRefused("LastAdmin", outcome.Violation);
        Assert.True((await StoredAsync(_adminId)).IsEnabled);
    }

    [Fact]
    public async Task Disabling_the_last_enabled_admin_is_refused_and_nothing_changes()
    {
        var outcome = await Accounts.SetEnabledAsync(_adminId, enabled: false, actingAccountId: _leadId);

        AssertRefused("LastAdmin", outcome.Violation);
        Assert.True((await StoredAsync(_adminId)).IsEnabled);
    }

    [Fact]
    public async Task Demoting_the_last_admin_is_refused_and_nothing_changes()
    {
        var form = (await Accounts.GetAsync(_adminId))!;
        form.Role = AccountRole.Sales;
        form.ExternalName = "改了名字";

        var outcome = await Accounts.UpdateAsync(_adminId, form);

        AssertRefused("LastAdmin", outcome.Violation);
        var stored = await StoredAsync(_adminId);
        Assert.Equal(AccountRole.Admin, stored.Role);
        Assert.NotEqual("改了名字", stored.ExternalName);
    }

    [Fact]
    public async Task An_admin_may_be_demoted_while_another_enabled_admin_remains()
    {
        var second = await CreateAsync(Account().WithRole(AccountRole.Admin));
        var form = (await Accounts.GetAsync(second))!;
        form.Role = AccountRole.Sales;

        var outcome = await Accounts.UpdateAsync(second, form);

        Assert.True(outcome.Succeeded, outcome.Violation?.ToString());
        Assert.Equal(AccountRole.Sales, (await StoredAsync(second)).Role);
    }

    [Fact]
    public async Task Deleting_yourself_is_refused_and_nothing_changes()
    {
        await CreateAsync(Account().WithRole(AccountRole.Admin));
        var before = await CountsAsync();

        var outcome = await Accounts.DeleteAsync(_adminId, actingAccountId: _adminId);

        AssertRefused("CannotDeleteSelf", outcome.Violation);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Disabling_yourself_is_refused_and_nothing_changes()
    {
        await CreateAsync(Account().WithRole(AccountRole.Admin));

        var outcome = await Accounts.SetEnabledAsync(_adminId, enabled: false, actingAccountId: _adminId);

        AssertRefused("CannotDisableSelf", outcome.Violation);
        Assert.True((await StoredAsync(_adminId)).IsEnabled);
    }

    [Fact]
    public async Task Deleting_an_account_group_that_has_accounts_is_refused_and_nothing_changes()
    {
        var outcome = await _db.GetRequiredService<AccountGroupService>().DeleteAsync(_groupId);

        AssertRefused("AccountGroupHasAccounts", outcome.Violation);
        await using var check = _db.NewContext();
        Assert.True(await check.AccountGroups.AnyAsync(g => g.Id == _groupId));
        Assert.Equal(2, await check.Accounts.CountAsync(a => a.AccountGroupId == _groupId));
    }

    [Fact]
    public async Task Deleting_an_account_removes_its_login_too()
    {
        var id = await CreateAsync(Account());

        var outcome = await Accounts.DeleteAsync(id, actingAccountId: _adminId);

        Assert.True(outcome.Succeeded, outcome.Violation?.ToString());
        await using var check = _db.NewContext();
        Assert.False(await check.Accounts.AnyAsync(a => a.Id == id));
        Assert.False(await check.Users.AnyAsync(u => u.Id == id));
    }

    [Fact]
    public async Task Created_account_is_stored_with_its_fields_and_signs_in()
    {
        var account = Account().WithNames("客服小新", "张新").WithMaxLoad(8)
            .WithLeaveMessages(LeaveMessageScope.All, "13800138000", "zhang@example.com").OutOfDistribution();

        var outcome = await Accounts.CreateAsync(account.BuildForm());

        Assert.True(outcome.Succeeded, outcome.Violation?.ToString());
        var stored = await StoredAsync(outcome.Value);
        Assert.Equal((account.LoginName, "客服小新", "张新", AccountRole.Sales, _groupId, 8), (stored.LoginName, stored.ExternalName, stored.InternalName, stored.Role, stored.AccountGroupId, stored.MaxLoad));
        Assert.Equal((LeaveMessageScope.All, "13800138000", "zhang@example.com", false, true), (stored.LeaveMessageScope, stored.NotifyPhone, stored.NotifyEmail, stored.ParticipatesInDistribution, stored.IsEnabled));
        Assert.Equal(SignInResult.Success, await CheckPasswordAsync(account.LoginName, account.Password));
    }

    [Fact]
    public async Task Resetting_the_password_lifts_the_lockout()
    {
        var account = Account();
        var id = await CreateAsync(account);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await CheckPasswordAsync(account.LoginName, "wrong-password");
        }

        Assert.Equal(SignInResult.LockedOut, await CheckPasswordAsync(account.LoginName, account.Password));
        Assert.True((await Accounts.ListAsync()).Single(r => r.Id == id).IsLockedOut);

        var outcome = await Accounts.ResetPasswordAsync(id, "NewSecret1");

        Assert.True(outcome.Succeeded, outcome.Violation?.ToString());
        Assert.False((await Accounts.ListAsync()).Single(r => r.Id == id).IsLockedOut);
        Assert.Equal(SignInResult.Success, await CheckPasswordAsync(account.LoginName, "NewSecret1"));
        Assert.Equal(SignInResult.Failed, await CheckPasswordAsync(account.LoginName, account.Password));
    }

    [Fact]
    public async Task Resetting_to_a_too_short_password_is_refused_and_the_old_one_still_works()
    {
        var account = Account();
        var id = await CreateAsync(account);

        var outcome = await Accounts.ResetPasswordAsync(id, "12345");

        AssertRefused("PasswordLength", outcome.Violation);
        Assert.Equal(SignInResult.Success, await CheckPasswordAsync(account.LoginName, account.Password));
    }

    private NewAccountBuilder Account() => new NewAccountBuilder().InGroup(_groupId);

    private async Task<int> CreateAsync(NewAccountBuilder account)
    {
        var outcome = await _db.GetRequiredService<AccountSettingsService>().CreateAsync(account.InGroup(_groupId).BuildForm());
        Assert.True(outcome.Succeeded, outcome.Violation?.ToString());
        return outcome.Value;
    }

    private async Task<Account> StoredAsync(int id)
    {
        await using var check = _db.NewContext();
        return await check.Accounts.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    /// <summary>Accounts, logins and enabled admins as stored: a refused command leaves all three as they were.</summary>
    private async Task<(int Accounts, int Users, int EnabledAdmins)> CountsAsync()
    {
        await using var check = _db.NewContext();
        return (await check.Accounts.CountAsync(), await check.Users.CountAsync(),
            await check.Accounts.CountAsync(a => a.Role == AccountRole.Admin && a.IsEnabled));
    }

    /// <summary>The password check of sign-in (lockout and the enabled check included), without HTTP.</summary>
    private async Task<SignInResult> CheckPasswordAsync(string loginName, string password)
    {
        await using var scope = _db.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var user = await users.FindByNameAsync(loginName) ?? throw new InvalidOperationException($"No user {loginName}.");
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? SignInResult.Success
            : result.IsLockedOut ? SignInResult.LockedOut
            : result.IsNotAllowed ? SignInResult.NotAllowed
            : SignInResult.Failed;
    }

    private static void AssertRefused(string code, RuleViolation? violation)
    {
        Assert.NotNull(violation);
        Assert.Equal(code, violation.Code);
    }
}
