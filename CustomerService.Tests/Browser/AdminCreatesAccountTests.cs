using CustomerService.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>SPEC C2 end to end in Chromium: an admin opens an account, and its owner signs in with the SPEC B limits.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminCreatesAccountTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public Task Admin_creates_an_account_whose_owner_signs_in_without_settings_access() =>
        browser.RunAsync(app.BaseAddress, async page =>
        {
            const string login = "xiaoxin";
            const string password = "Xin12345";
            const string internalName = "张小新";

            await page.SignInAsync("admin", AppFactory.DemoPassword);
            await page.GotoInteractiveAsync("/settings/accounts");
            await page.GetByTestId("account-create").ClickAsync();
            await Expect(page.GetByTestId("account-form")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("account-form-error")).ToHaveCountAsync(0);
            await page.GetByTestId("account-login").FillAndCommitAsync(login);
            await page.GetByTestId("account-password").FillAndCommitAsync(password);
            await page.GetByTestId("account-external").FillAndCommitAsync("客服小新");
            await page.GetByTestId("account-internal").FillAndCommitAsync(internalName);
            await page.GetByTestId("account-save").ClickAsync();

            await Expect(page.GetByTestId("account-form")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("account-row-login").GetByText(login, new() { Exact = true })).ToBeVisibleAsync();

            await page.SignOutAsync();
            await page.SignInAsync(login, password);

            // An agent lands on 咨询接待 (issue 15), not on 首页.
            Assert.Equal("/console", new Uri(page.Url).AbsolutePath);
            await page.GotoInteractiveAsync("/");
            await Expect(page.GetByTestId("current-user")).ToContainTextAsync(internalName);
            await Expect(page.GetByTestId("nav-menu")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("nav-settings")).ToHaveCountAsync(0);

            await page.GotoAsync("/settings/accounts");

            await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("accounts-table")).ToHaveCountAsync(0);
        });
}
