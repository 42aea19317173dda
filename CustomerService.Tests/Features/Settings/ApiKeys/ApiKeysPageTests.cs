using System.Net;
using Bunit;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Integration.Authentication;
using CustomerService.Web.Features.Settings.ApiKeys;
using CustomerService.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CustomerService.Tests.Features.Settings.ApiKeys;

/// <summary>SPEC K, L: 设置 → API 密钥 shows a new key once, and revoking it stops it working at once.</summary>
public sealed class ApiKeysPageTests : BunitTestBase
{
    [Fact]
    public async Task Creating_shows_the_key_once_and_revoking_it_stops_it_working()
    {
        await using var db = await TestDatabase.CreateAsync();
        Services.AddSingleton(db.GetRequiredService<ApiKeyService>());
        Services.AddSingleton(db.GetRequiredService<EnterpriseTimeZone>());
        var verifier = db.GetRequiredService<ApiKeyVerifier>();
        SignInAs(AccountRole.Admin, accountId: 1);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ApiKeysPage>();

        page.Find("[data-testid=api-key-create]").Click();
        dialogs.WaitForElement("[data-testid=api-key-name-input]").Input("ERP");
        dialogs.Find("[data-testid=api-key-create-confirm]").Click();
        var secret = dialogs.WaitForElement("[data-testid=api-key-secret]").TextContent.Trim();
        var warning = dialogs.Find("[data-testid=api-key-shown-once]").TextContent;
        var keyId = await verifier.VerifyAsync(secret);
        dialogs.Find("[data-testid=api-key-done]").Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=api-key-row]")));

        Assert.StartsWith("cs_live_", secret, StringComparison.Ordinal);
        Assert.Contains(UiTexts.Chinese("ApiKeys.ShownOnce"), warning, StringComparison.Ordinal);
        Assert.NotNull(keyId);
        Assert.DoesNotContain(secret, dialogs.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, page.Markup, StringComparison.Ordinal);
        Assert.Equal(secret[..12] + "…", page.Find("[data-testid=api-key-prefix]").TextContent);
        Assert.Equal("active", page.Find("[data-testid=api-key-row]").GetAttribute("data-state"));

        page.Find("[data-testid=api-key-revoke]").Click();
        dialogs.WaitForElement("[data-testid=confirm-yes]").Click();
        page.WaitForAssertion(() => Assert.Equal("revoked", page.Find("[data-testid=api-key-row]").GetAttribute("data-state")));

        Assert.Null(await verifier.VerifyAsync(secret));
        Assert.Empty(page.FindAll("[data-testid=api-key-revoke]"));
    }

    [Fact]
    public async Task A_taken_name_is_refused_in_the_dialog_and_nothing_is_created()
    {
        await using var db = await TestDatabase.CreateAsync();
        var keys = db.GetRequiredService<ApiKeyService>();
        await keys.CreateAsync("ERP", 1);
        Services.AddSingleton(keys);
        Services.AddSingleton(db.GetRequiredService<EnterpriseTimeZone>());
        SignInAs(AccountRole.Admin, accountId: 1);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ApiKeysPage>();

        page.Find("[data-testid=api-key-create]").Click();
        dialogs.WaitForElement("[data-testid=api-key-name-input]").Input("erp");
        dialogs.Find("[data-testid=api-key-create-confirm]").Click();

        Assert.Equal(UiTexts.Chinese("Error.ApiKeyNameTaken", "erp"), dialogs.WaitForElement("[data-testid=api-key-error]").TextContent.Trim());
        Assert.Empty(dialogs.FindAll("[data-testid=api-key-secret]"));
        Assert.Single(await keys.ListAsync());
    }
}

/// <summary>SPEC B: only admins open the API keys page; everyone else gets the refusal page.</summary>
public sealed class ApiKeysPageAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("sales1")]
    [InlineData("lead")]
    public async Task Non_admins_are_sent_to_access_denied(string login)
    {
        using var client = await app.SignInAsync(login);

        using var response = await client.GetAsync("/settings/api-keys");
        using var denied = await client.GetAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/access-denied", new Uri(app.BaseAddress, response.Headers.Location!).AbsolutePath);
        Assert.Contains("data-testid=\"access-denied\"", await denied.ReadHtmlAsync());
    }

    [Fact]
    public async Task The_admin_sees_the_demo_key_and_the_reference_link()
    {
        using var admin = await app.SignInAsync("admin");

        var html = await (await admin.GetAsync("/settings/api-keys")).ReadHtmlAsync();

        Assert.Contains("演示密钥", html);
        Assert.Contains("demo-api-key…", html);
        Assert.Contains("href=\"/api-reference\"", html);
        Assert.DoesNotContain("demo-api-key-0123456789", html);
    }
}
