using Bunit;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Settings.Accounts;
using Microsoft.AspNetCore.Components.Web;

namespace CustomerService.Tests.Features.Settings.Accounts;

/// <summary>The account form of the settings page (SPEC C2): fields, client-side rules, submit.</summary>
public sealed class AccountFormTests : BunitTestBase
{
    private const int GroupId = 7;

    private static readonly string[] NewAccountFields =
    [
        "account-login", "account-password", "account-external", "account-internal", "account-role", "account-group",
        "account-maxload", "account-scope", "account-phone", "account-email", "account-avatar", "account-signature",
        "account-distribution", "account-save",
    ];

    private readonly List<AccountFormModel> _submitted = [];

    [Fact]
    public void New_account_form_shows_every_c2_field_with_its_test_id_and_label()
    {
        var form = RenderForm(new AccountFormModel { AccountGroupId = GroupId }, isNew: true);

        Assert.All(NewAccountFields, testId => Assert.Single(form.FindAll($"[data-testid={testId}]")));
        foreach (var label in new[] { "LoginName", "Password", "ExternalName", "InternalName", "Role", "AccountGroup", "MaxLoad" })
        {
            Assert.Contains(UiTexts.Chinese($"Field.Account.{label}"), form.Markup);
        }
    }

    [Fact]
    public async Task Five_character_password_shows_the_length_error_and_does_not_submit()
    {
        var form = RenderForm(new AccountFormModel { AccountGroupId = GroupId }, isNew: true);
        FillValidFields(form);
        await form.Find("[data-testid=account-password]").ChangeAsync(new() { Value = "12345" });

        await form.Find("[data-testid=account-save]").ClickAsync(new MouseEventArgs());

        Assert.Contains(UiTexts.Chinese("Error.PasswordLength", AccountRules.PasswordMinLength, AccountRules.PasswordMaxLength), form.Markup);
        Assert.Empty(_submitted);
    }

    [Fact]
    public async Task Valid_form_submits_the_typed_values()
    {
        var form = RenderForm(new AccountFormModel { AccountGroupId = GroupId }, isNew: true);
        FillValidFields(form);
        await form.Find("[data-testid=account-password]").ChangeAsync(new() { Value = "Secret123" });
        await form.Find("[data-testid=account-maxload]").ChangeAsync(new() { Value = "8" });

        await form.Find("[data-testid=account-save]").ClickAsync(new MouseEventArgs());

        var submitted = Assert.Single(_submitted);
        Assert.Equal(("zhangxin", "Secret123", "客服小新", "张新", 8, GroupId, AccountRole.Sales),
            (submitted.LoginName, submitted.Password, submitted.ExternalName, submitted.InternalName, submitted.MaxLoad, submitted.AccountGroupId, submitted.Role));
        Assert.DoesNotContain("mud-input-error", form.Markup);
    }

    [Fact]
    public async Task Empty_form_shows_required_errors_and_does_not_submit()
    {
        var form = RenderForm(new AccountFormModel { AccountGroupId = GroupId }, isNew: true);

        await form.Find("[data-testid=account-save]").ClickAsync(new MouseEventArgs());

        Assert.Contains(UiTexts.Chinese("Error.LoginNameRequired"), form.Markup);
        Assert.Contains(UiTexts.Chinese("Error.Required", UiTexts.Chinese("Field.Account.ExternalName")), form.Markup);
        Assert.Contains(UiTexts.Chinese("Error.Required", UiTexts.Chinese("Field.Account.InternalName")), form.Markup);
        Assert.Empty(_submitted);
    }

    [Fact]
    public void Edit_mode_locks_the_login_name_and_has_no_password_field()
    {
        var model = new NewAccountBuilder().WithLoginName("sales9").InGroup(GroupId).BuildForm();

        var form = RenderForm(model, isNew: false);

        var login = form.Find("[data-testid=account-login]");
        Assert.True(login.HasAttribute("disabled"));
        Assert.Equal("sales9", login.GetAttribute("value"));
        Assert.Empty(form.FindAll("[data-testid=account-password]"));
    }

    [Fact]
    public void Server_error_is_shown_under_the_fields()
    {
        var message = UiTexts.Chinese("Error.LoginNameTaken", "sales1");

        var form = RenderForm(new AccountFormModel { AccountGroupId = GroupId }, isNew: true, error: message);

        Assert.Equal(message, form.Find("[data-testid=account-form-error]").TextContent.Trim());
    }

    [Fact]
    public void Without_a_server_error_no_error_is_shown()
    {
        var form = RenderForm(new AccountFormModel { AccountGroupId = GroupId }, isNew: true);

        Assert.Empty(form.FindAll("[data-testid=account-form-error]"));
    }

    private IRenderedComponent<AccountForm> RenderForm(AccountFormModel model, bool isNew, string? error = null)
    {
        RenderPopoverProvider();
        return Render<AccountForm>(parameters => parameters
            .Add(f => f.Model, model)
            .Add(f => f.Groups, [new AccountGroupOption(GroupId, "售前组"), new AccountGroupOption(GroupId + 1, "售后组")])
            .Add(f => f.IsNew, isNew)
            .Add(f => f.Error, error)
            .Add(f => f.OnSubmit, submitted => _submitted.Add(submitted)));
    }

    private static void FillValidFields(IRenderedComponent<AccountForm> form)
    {
        form.Find("[data-testid=account-login]").Change("zhangxin");
        form.Find("[data-testid=account-external]").Change("客服小新");
        form.Find("[data-testid=account-internal]").Change("张新");
    }
}
