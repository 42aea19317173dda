using System.Net;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;

namespace CustomerService.Tests.Features.Auth;

/// <summary>The app with the default throttle: 10 failed sign-ins per address per minute (the test host is one address).</summary>
public sealed class DefaultThrottleAppFactory() : AppFactory(new Dictionary<string, string?>
{
    ["Auth:FailedSignInsPerIp"] = "10",
    ["Auth:FailedSignInWindowSeconds"] = "60",
});

/// <summary>The per-address throttle on failed sign-ins, over HTTP as a browser posts the form.</summary>
public sealed class LoginThrottleTests(DefaultThrottleAppFactory app) : IClassFixture<DefaultThrottleAppFactory>
{
    [Fact]
    public async Task The_eleventh_failure_within_a_minute_is_throttled_and_a_good_sign_in_before_it_neither_fails_nor_counts()
    {
        var account = new NewAccountBuilder();
        await app.CreateAccountAsync(account);
        using var client = app.CreateCookieClient();
        // Five failures, then a good sign-in: it works and is not counted...
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await AppFactory.PostLoginAsync(client, "nobody-" + attempt, "whatever1");
            Assert.Contains(UiTexts.Chinese("Login.Invalid"), await failed.ReadHtmlAsync());
        }

        using var good = await AppFactory.PostLoginAsync(app.CreateCookieClient(), "sales1", AppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);

        // ...so the tenth failure is still an ordinary refusal...
        for (var attempt = 6; attempt <= 10; attempt++)
        {
            using var failed = await AppFactory.PostLoginAsync(client, "nobody-" + attempt, "whatever1");
            Assert.Contains(UiTexts.Chinese("Login.Invalid"), await failed.ReadHtmlAsync());
        }

        // ...and the eleventh attempt is refused without checking the password, even the right one.
        using var eleventh = await AppFactory.PostLoginAsync(client, account.LoginName, account.Password);
        var html = await eleventh.ReadHtmlAsync();
        Assert.Equal(HttpStatusCode.OK, eleventh.StatusCode);
        Assert.Matches(ThrottledPattern(), html);
        Assert.DoesNotContain(UiTexts.Chinese("Login.Invalid"), html);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    /// <summary>The localized “try again in N seconds” with N within the minute.</summary>
    private static string ThrottledPattern()
    {
        var text = UiTexts.Chinese("Login.Throttled", 12345);
        return System.Text.RegularExpressions.Regex.Escape(text).Replace("12345", "([1-9]|[1-5][0-9]|60)", StringComparison.Ordinal);
    }
}
