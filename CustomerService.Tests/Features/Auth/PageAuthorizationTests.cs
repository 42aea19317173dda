using System.Net;
using System.Reflection;
using CustomerService.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using RouteAttribute = Microsoft.AspNetCore.Components.RouteAttribute;

namespace CustomerService.Tests.Features.Auth;

/// <summary>
/// SPEC B over HTTP: who gets which page, checked on the server's answers (not on hidden links).
/// A refused signed-in account is redirected to /access-denied, which itself answers 403.
/// </summary>
public sealed class PageAuthorizationTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>
    /// Every enterprise settings page of the app, found by its <c>@page "/settings/…"</c> route, so pages added later
    /// (SPEC K: reception groups, entries, working hours, key pages, enterprise…) are covered the day they exist.
    /// </summary>
    public static readonly IReadOnlyList<string> SettingsPages = typeof(Program).Assembly.GetTypes()
        .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
        .Select(route => route.Template)
        .Where(template => template.StartsWith("/settings/", StringComparison.Ordinal) && !template.Contains('{'))
        .Distinct()
        .Order()
        .ToList();

    public static TheoryData<string> SettingsPageData => new(SettingsPages);

    public static TheoryData<string, string> SettingsPagesForNonAdmins
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var login in new[] { "lead", "sales1", "qc" })
            {
                foreach (var page in SettingsPages)
                {
                    data.Add(login, page);
                }
            }

            return data;
        }
    }

    public static TheoryData<string> AllDemoRoles => new("admin", "lead", "sales1", "qc");

    [Fact]
    public void The_settings_pages_are_found()
    {
        Assert.Contains("/settings/accounts", SettingsPages);
        Assert.Contains("/settings/account-groups", SettingsPages);
    }

    [Theory]
    [MemberData(nameof(SettingsPageData))]
    public async Task Admin_opens_every_settings_page(string page)
    {
        using var admin = await app.SignInAsync("admin");

        using var response = await admin.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("data-testid=\"access-denied\"", await response.ReadHtmlAsync());
    }

    [Theory]
    [MemberData(nameof(SettingsPagesForNonAdmins))]
    public async Task Non_admins_are_refused_every_settings_page(string login, string page)
    {
        using var client = await app.SignInAsync(login);

        using var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(app.BaseAddress, response.Headers.Location!);
        Assert.Equal("/access-denied", location.AbsolutePath);
        Assert.Equal(page, QueryHelpers.ParseQuery(location.Query)["ReturnUrl"]);

        using var denied = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("data-testid=\"access-denied\"", await denied.ReadHtmlAsync());
    }

    [Theory]
    [MemberData(nameof(AllDemoRoles))]
    public async Task Every_role_opens_the_home_page(string login)
    {
        using var client = await app.SignInAsync(login);

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"current-user\"", await response.ReadHtmlAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/settings/accounts")]
    [InlineData("/settings/account-groups")]
    public async Task Anonymous_visitors_are_sent_to_the_login_page(string page)
    {
        using var client = app.CreateCookieClient();

        using var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(app.BaseAddress, response.Headers.Location!);
        Assert.Equal("/login", location.AbsolutePath);
        Assert.Equal(page, QueryHelpers.ParseQuery(location.Query)["ReturnUrl"]);
    }

    [Fact]
    public async Task Health_check_answers_anonymously()
    {
        using var client = app.CreateCookieClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sales_navigation_has_no_settings_and_admin_navigation_has()
    {
        using var sales = await app.SignInAsync("sales1");
        using var admin = await app.SignInAsync("admin");

        var salesHome = await sales.GetStringAsync("/");
        var adminHome = await admin.GetStringAsync("/");

        Assert.Contains("data-testid=\"nav-menu\"", salesHome);
        Assert.DoesNotContain("data-testid=\"nav-settings\"", salesHome);
        Assert.DoesNotContain("href=\"/settings/", salesHome);
        Assert.Contains("data-testid=\"nav-settings\"", adminHome);
        Assert.Contains("href=\"/settings/accounts\"", adminHome);
    }
}
