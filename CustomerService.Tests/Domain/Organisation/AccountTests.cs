using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;

namespace CustomerService.Tests.Domain.Organisation;

/// <summary>SPEC C2: an account's business fields and the rules guarding their changes.</summary>
public sealed class AccountTests
{
    private static Account NewAccount(AccountRole role = AccountRole.Sales) =>
        new(7, "sales7", new AccountProfile(" 小美 ", " 王美 ", " https://cdn.example.com/a.png ", "  "), role, accountGroupId: 2, maxLoad: 5);

    [Fact]
    public void A_new_account_is_enabled_distributes_and_keeps_its_trimmed_profile()
    {
        var account = NewAccount();

        Assert.Equal((7, "sales7", "小美", "王美"), (account.Id, account.LoginName, account.ExternalName, account.InternalName));
        Assert.Equal(("https://cdn.example.com/a.png", null), (account.AvatarUrl, account.Signature));
        Assert.Equal((AccountRole.Sales, 2, 5), (account.Role, account.AccountGroupId, account.MaxLoad));
        Assert.True(account.IsEnabled);
        Assert.True(account.ParticipatesInDistribution);
    }

    [Theory]
    [InlineData(AccountRole.Admin, LeaveMessageScope.All)]
    [InlineData(AccountRole.Sales, LeaveMessageScope.Own)]
    public void Admins_see_every_leave_message_and_others_their_own(AccountRole role, LeaveMessageScope scope) =>
        Assert.Equal(scope, NewAccount(role).LeaveMessageScope);

    [Fact]
    public void A_login_name_with_spaces_is_refused_at_creation() =>
        Assert.Throws<RuleViolationException>(() =>
            new Account(7, "sales 7", new AccountProfile("小美", "王美"), AccountRole.Sales, 2, 5));

    [Fact]
    public void A_max_load_out_of_range_is_refused_and_the_old_one_stays()
    {
        var account = NewAccount();

        Assert.Throws<RuleViolationException>(() => account.ChangeMaxLoad(101));

        Assert.Equal(5, account.MaxLoad);
    }

    [Fact]
    public void Leave_message_contacts_are_stored_trimmed_and_blank_ones_as_none()
    {
        var account = NewAccount();

        account.ConfigureLeaveMessages(LeaveMessageScope.All, " 13800138000 ", "");

        Assert.Equal((LeaveMessageScope.All, "13800138000", null), (account.LeaveMessageScope, account.NotifyPhone, account.NotifyEmail));
    }

    [Fact]
    public void A_bad_leave_message_email_is_refused_and_nothing_changes()
    {
        var account = NewAccount();

        Assert.Throws<RuleViolationException>(() => account.ConfigureLeaveMessages(LeaveMessageScope.All, null, "nobody"));

        Assert.Equal((LeaveMessageScope.Own, null), (account.LeaveMessageScope, account.NotifyEmail));
    }

    [Fact]
    public void A_leave_message_email_is_stored_and_an_empty_phone_is_none()
    {
        var account = NewAccount();

        account.ConfigureLeaveMessages(LeaveMessageScope.Own, "", "kefu@example.com");

        Assert.Equal((null, "kefu@example.com"), (account.NotifyPhone, account.NotifyEmail));
    }

    [Fact]
    public void A_bad_leave_message_phone_is_refused_and_reported_before_a_bad_email()
    {
        var account = NewAccount();

        var refused = Assert.Throws<RuleViolationException>(() => account.ConfigureLeaveMessages(LeaveMessageScope.All, "call me", "nobody"));

        Assert.Equal("PhoneFormat", refused.Violation.Code);
        Assert.Throws<RuleViolationException>(() => account.ConfigureLeaveMessages(LeaveMessageScope.All, "call me", null));
        Assert.Null(account.NotifyPhone);
    }

    [Fact]
    public void An_account_can_leave_distribution_be_disabled_and_enabled_again()
    {
        var account = NewAccount();

        account.SetDistribution(false);
        account.Disable();
        var disabled = (account.ParticipatesInDistribution, account.IsEnabled);
        account.Enable();

        Assert.Equal((false, false), disabled);
        Assert.True(account.IsEnabled);
    }

    [Fact]
    public void Changing_role_and_group_is_kept()
    {
        var account = NewAccount();

        account.ChangeRole(AccountRole.TeamLead);
        account.MoveToGroup(3);

        Assert.Equal((AccountRole.TeamLead, 3), (account.Role, account.AccountGroupId));
    }

    [Fact]
    public void A_profile_update_with_a_blank_name_is_refused_and_the_names_stay()
    {
        var account = NewAccount();

        Assert.Throws<RuleViolationException>(() => account.UpdateProfile(new AccountProfile(" ", "王美")));

        Assert.Equal("小美", account.ExternalName);
    }

    [Fact]
    public void A_profile_update_keeps_a_trimmed_signature_and_drops_a_blank_avatar()
    {
        var account = NewAccount();

        account.UpdateProfile(new AccountProfile("小美", "王美", " ", " 为您服务 "));

        Assert.Equal((null, "为您服务"), (account.AvatarUrl, account.Signature));
    }
}
