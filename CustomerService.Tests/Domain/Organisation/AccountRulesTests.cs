using CustomerService.Domain.Organisation;

namespace CustomerService.Tests.Domain.Organisation;

/// <summary>SPEC C2 field rules; seed 002 “修改密码”: 6 to 16 characters.</summary>
public sealed class AccountRulesTests
{
    [Theory]
    [InlineData("abcdef", true)]
    [InlineData("abcdefghijklmnop", true)]
    [InlineData("abcde", false)]
    [InlineData("abcdefghijklmnopq", false)]
    [InlineData(null, false)]
    public void Passwords_of_six_to_sixteen_characters_are_accepted(string? password, bool accepted) =>
        Assert.Equal(accepted, AccountRules.CheckPassword(password) is null);

    [Theory]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(0, false)]
    [InlineData(101, false)]
    public void Max_load_from_one_to_one_hundred_is_accepted(int maxLoad, bool accepted) =>
        Assert.Equal(accepted, AccountRules.CheckMaxLoad(maxLoad) is null);

    [Theory]
    [InlineData("sales.1_a-b", null)]
    [InlineData("", "LoginNameRequired")]
    [InlineData("  ", "LoginNameRequired")]
    [InlineData("销售", "LoginNameFormat")]
    [InlineData("sales 1", "LoginNameFormat")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", "LoginNameFormat")]
    public void Login_names_are_ascii_letters_digits_dot_underscore_and_dash_up_to_32(string loginName, string? code) =>
        Assert.Equal(code, AccountRules.CheckLoginName(loginName)?.Code);

    [Fact]
    public void A_login_name_of_32_characters_is_accepted() =>
        Assert.Null(AccountRules.CheckLoginName(new string('a', 32)));

    [Theory]
    [InlineData("小美", null)]
    [InlineData(" ", "Required")]
    [InlineData(null, "Required")]
    public void A_name_is_required(string? name, string? code) =>
        Assert.Equal(code, AccountRules.CheckName(name, "Account.ExternalName")?.Code);

    [Fact]
    public void A_name_of_32_characters_is_accepted_and_33_is_too_long()
    {
        Assert.Null(AccountRules.CheckName(new string('美', 32), "Account.ExternalName"));
        Assert.Equal("TooLong", AccountRules.CheckName(new string('美', 33), "Account.ExternalName")?.Code);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("sales1@shop.example.com", true)]
    [InlineData("sales1", false)]
    [InlineData("sales1@shop", false)]
    [InlineData("a b@shop.example.com", false)]
    public void Email_is_optional_and_must_look_like_an_address(string? email, bool accepted) =>
        Assert.Equal(accepted, AccountRules.CheckEmail(email) is null);

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("+86 138-0013-8000", true)]
    [InlineData("13800138000", true)]
    [InlineData("1234", false)]
    [InlineData("138abc", false)]
    [InlineData("123456789012345678901", false)]
    public void Phone_is_optional_and_digits_spaces_and_dashes(string? phone, bool accepted) =>
        Assert.Equal(accepted, AccountRules.CheckPhone(phone) is null);

    [Theory]
    [InlineData(0, null, null, "MaxLoadRange")]
    [InlineData(5, "abc", null, "PhoneFormat")]
    [InlineData(5, null, "abc", "EmailFormat")]
    [InlineData(5, null, null, null)]
    public void Editable_fields_are_checked_in_order(int maxLoad, string? phone, string? email, string? code) =>
        Assert.Equal(code, AccountRules.CheckEditableFields(new AccountProfile("小美", "王美"), maxLoad, phone, email)?.Code);

    [Fact]
    public void A_profile_needs_both_names_and_a_signature_of_at_most_200_characters()
    {
        Assert.Equal("Account.ExternalName", new AccountProfile(" ", "王美").Check()?.Arguments[0]);
        Assert.Equal("Account.InternalName", new AccountProfile("小美", "").Check()?.Arguments[0]);
        Assert.Null(new AccountProfile("小美", "王美", Signature: new string('签', 200)).Check());
        Assert.Equal("TooLong", new AccountProfile("小美", "王美", Signature: new string('签', 201)).Check()?.Code);
    }

    [Fact]
    public void A_refused_password_states_the_allowed_lengths() =>
        Assert.Equal("PasswordLength(6, 16)", AccountRules.CheckPassword("12345")?.ToString());

    [Fact]
    public void Of_several_wrong_editable_fields_the_first_in_the_forms_order_is_reported()
    {
        var blankName = new AccountProfile(" ", "王美");

        Assert.Equal("Required", AccountRules.CheckEditableFields(blankName, 0, "abc", "abc")?.Code);
        Assert.Equal("MaxLoadRange", AccountRules.CheckEditableFields(new AccountProfile("小美", "王美"), 0, "abc", "abc")?.Code);
        Assert.Equal("PhoneFormat", AccountRules.CheckEditableFields(new AccountProfile("小美", "王美"), 5, "abc", "abc")?.Code);
    }

    [Fact]
    public void Of_several_wrong_profile_fields_the_first_in_the_forms_order_is_reported()
    {
        var longSignature = new string('签', 201);

        Assert.Equal("Required(Account.ExternalName)", new AccountProfile(" ", "", Signature: longSignature).Check()?.ToString());
        Assert.Equal("Required(Account.InternalName)", new AccountProfile("小美", "", Signature: longSignature).Check()?.ToString());
        Assert.Equal("TooLong(Account.Signature, 200)", new AccountProfile("小美", "王美", Signature: longSignature).Check()?.ToString());
    }
}

