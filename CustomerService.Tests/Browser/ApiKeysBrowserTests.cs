using System.Net;
using CustomerService.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CustomerService.Tests.Browser;

/// <summary>
/// SPEC K, L end to end: an admin creates an API key, sees it once, the merchant's system calls the API with it, and
/// after the admin revokes it the same call is a 401.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiKeysBrowserTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    private const string Conversations = "/api/v1/conversations?from=2026-01-01&to=2026-01-31";

    [Fact]
    public Task The_key_shown_once_works_until_it_is_revoked() =>
        browser.RunAsync(app.BaseAddress, async page =>
        {
            await page.SignInAsync("admin", AppFactory.DemoPassword);
            await page.GotoInteractiveAsync("/settings/api-keys");

            await page.GetByTestId("api-key-create").ClickAsync();
            await page.GetByTestId("api-key-name-input").FillAndCommitAsync("ERP 对接");
            await page.GetByTestId("api-key-create-confirm").ClickAsync();
            await Expect(page.GetByTestId("api-key-shown-once")).ToHaveTextAsync(UiTexts.Chinese("ApiKeys.ShownOnce"));
            var secret = (await page.GetByTestId("api-key-secret").TextContentAsync())!.Trim();
            await page.GetByTestId("api-key-done").ClickAsync();
            await Expect(page.GetByTestId("api-key-dialog")).ToHaveCountAsync(0);
            await Expect(page.GetByText(secret)).ToHaveCountAsync(0);

            using var api = new HttpClient { BaseAddress = app.BaseAddress };
            api.DefaultRequestHeaders.Add("X-Api-Key", secret);
            using var before = await api.GetAsync(Conversations);
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

            var row = page.GetByTestId("api-key-row").Filter(new() { HasText = "ERP 对接" });
            await Expect(row).ToHaveAttributeAsync("data-state", "active");
            await page.Locator("tr").Filter(new() { HasText = "ERP 对接" }).GetByTestId("api-key-revoke").ClickAsync();
            await page.GetByTestId("confirm-yes").ClickAsync();
            await Expect(row).ToHaveAttributeAsync("data-state", "revoked");

            using var after = await api.GetAsync(Conversations);
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        });
}
