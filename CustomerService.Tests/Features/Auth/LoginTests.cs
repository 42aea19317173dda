using System.Net;
using System.Net.Http.Json;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Settings.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Auth;

/// <summary>
/// The login form over HTTP, posted as a browser posts it. Tests that lock or disable an account use one of their
/// own, so the demo accounts stay usable for the others.
/// </summary>
public sealed class LoginTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Good_password_signs_in_and_opens_the_home_page()
    {
        using var client = app.CreateCookieClient();

        using var login = await AppFactory.PostLoginAsync(client, "admin", AppFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", new Uri(app.BaseAddress, login.Headers.Location!).AbsolutePath);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("系统管理员", await home.ReadHtmlAsync());
    }

    [Theory]
    [InlineData("sales1", null)]
    [InlineData("lead", "/")]
    [InlineData("qc", null)]
    public async Task An_agent_lands_on_the_console_also_when_the_sign_in_started_from_the_site_root(string login, string? returnUrl)
    {
        using var client = app.CreateCookieClient();

        using var answer = await AppFactory.PostLoginAsync(client, login, AppFactory.DemoPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/console", new Uri(app.BaseAddress, answer.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task An_admin_signing_in_from_the_site_root_lands_on_the_home_page()
    {
        using var client = app.CreateCookieClient();

        using var answer = await AppFactory.PostLoginAsync(client, "admin", AppFactory.DemoPassword, returnUrl: "/");

        Assert.Equal("/", new Uri(app.BaseAddress, answer.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Sign_in_returns_to_the_page_asked_for()
    {
        using var client = app.CreateCookieClient();

        using var login = await AppFactory.PostLoginAsync(client, "admin", AppFactory.DemoPassword, returnUrl: "/settings/accounts");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/settings/accounts", new Uri(app.BaseAddress, login.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Wrong_password_shows_the_localized_error_and_signs_nobody_in()
    {
        var account = new NewAccountBuilder();
        await app.CreateAccountAsync(account);
        using var client = app.CreateCookieClient();

        using var login = await AppFactory.PostLoginAsync(client, account.LoginName, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(LoginError(UiTexts.Chinese("Login.Invalid")), await login.ReadHtmlAsync());
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Unknown_login_name_shows_the_same_error_as_a_wrong_password()
    {
        using var client = app.CreateCookieClient();

        using var login = await AppFactory.PostLoginAsync(client, "nobody-here", AppFactory.DemoPassword);

        Assert.Contains(LoginError(UiTexts.Chinese("Login.Invalid")), await login.ReadHtmlAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_password()
    {
        var account = new NewAccountBuilder();
        await app.CreateAccountAsync(account);
        using var client = app.CreateCookieClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await AppFactory.PostLoginAsync(client, account.LoginName, "wrong-" + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var sixth = await AppFactory.PostLoginAsync(client, account.LoginName, account.Password);

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        // The same answer as a wrong password: a locked account must not tell anyone that it exists.
        Assert.Contains(LoginError(UiTexts.Chinese("Login.Invalid")), await sixth.ReadHtmlAsync());
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        var account = new NewAccountBuilder();
        await app.CreateAccountAsync(account);
        using var client = app.CreateCookieClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await AppFactory.PostLoginAsync(client, account.LoginName, "wrong-" + attempt);
        }

        using var fifth = await AppFactory.PostLoginAsync(client, account.LoginName, account.Password);

        Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
    }

    [Fact]
    public async Task Disabled_account_cannot_sign_in_and_gets_the_same_answer_as_a_wrong_password()
    {
        var account = new NewAccountBuilder();
        var id = await app.CreateAccountAsync(account);
        await using (var scope = app.CreateScope())
        {
            var disabled = await scope.ServiceProvider.GetRequiredService<AccountSettingsService>()
                .SetEnabledAsync(id, enabled: false, actingAccountId: await app.AccountIdAsync("admin"));
            Assert.True(disabled.Succeeded, disabled.Violation?.ToString());
        }

        using var client = app.CreateCookieClient();
        using var login = await AppFactory.PostLoginAsync(client, account.LoginName, account.Password);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(LoginError(UiTexts.Chinese("Login.Invalid")), await login.ReadHtmlAsync());
    }

    [Fact]
    public async Task Unknown_name_wrong_password_and_locked_account_get_the_very_same_answer()
    {
        var locked = new NewAccountBuilder();
        await app.CreateAccountAsync(locked);
        var wrong = new NewAccountBuilder();
        await app.CreateAccountAsync(wrong);
        using var client = app.CreateCookieClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await AppFactory.PostLoginAsync(client, locked.LoginName, "wrong-" + attempt);
        }

        var answers = new List<string>();
        foreach (var (login, password) in new[] { ("nobody-" + Guid.NewGuid().ToString("N")[..8], "whatever1"), (wrong.LoginName, "wrong-1"), (locked.LoginName, locked.Password) })
        {
            using var refused = await AppFactory.PostLoginAsync(client, login, password);
            answers.Add(ErrorOf(await refused.ReadHtmlAsync()));
        }

        Assert.All(answers, answer => Assert.Equal(UiTexts.Chinese("Login.Invalid"), answer));
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused_and_the_user_stays_signed_in()
    {
        using var client = await app.SignInAsync("sales1");

        using var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(UiTexts.Chinese("Error.AntiforgeryInvalid"), (await forged.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task Sign_out_through_the_layouts_form_signs_out()
    {
        using var client = await app.SignInAsync("sales2");
        var page = await client.GetStringAsync("/");

        using var signedOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(AppFactory.HiddenInputs(page)));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/login", new Uri(app.BaseAddress, signedOut.Headers.Location!).AbsolutePath);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Culture_switch_to_english_changes_the_texts()
    {
        using var client = app.CreateCookieClient();

        using var switched = await client.GetAsync("/culture?name=en-US&returnUrl=/login");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/login", new Uri(app.BaseAddress, switched.Headers.Location!).AbsolutePath);
        using var page = await client.GetAsync("/login");
        using var refused = await AppFactory.PostLoginAsync(client, "nobody-here", "whatever1");

        var html = await page.ReadHtmlAsync();
        Assert.Contains("<html lang=\"en-US\">", html);
        Assert.Contains(UiTexts.English("Login.Title"), html);
        Assert.DoesNotContain(UiTexts.Chinese("Login.LoginName"), html);
        Assert.Contains(LoginError(UiTexts.English("Login.Invalid")), await refused.ReadHtmlAsync());
    }

    [Fact]
    public async Task Chinese_is_the_default_language()
    {
        using var client = app.CreateCookieClient();

        using var page = await client.GetAsync("/login");

        var html = await page.ReadHtmlAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains(UiTexts.Chinese("Login.LoginName"), html);
    }

    private static string LoginError(string text) => $"data-testid=\"login-error\">{text}<";

    private static string ErrorOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"login-error\">([^<]*)<") is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("The page shows no login error:\n" + html);
}
