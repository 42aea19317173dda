using Microsoft.Playwright;

namespace CustomerService.Tests.Browser;

/// <summary>Steps every browser test repeats, in terms of the SPEC N3 test ids.</summary>
public static class PageExtensions
{
    /// <summary>Signs in through the login page and waits until the app has left it.</summary>
    public static async Task SignInAsync(this IPage page, string loginName, string password)
    {
        await page.GotoAsync("/login");
        await page.GetByTestId("login-username").FillAsync(loginName);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal));
    }

    public static async Task SignOutAsync(this IPage page)
    {
        await page.GetByTestId("logout").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");
    }

    /// <summary>
    /// Clicks <paramref name="target"/> until <paramref name="appears"/> is visible. A prerendered Blazor page shows
    /// its buttons before the circuit is connected, and a click in that moment does nothing; this waits on the
    /// outcome instead of guessing when the page became interactive. The wait after each click doubles, so a slow
    /// but working click is not repeated quickly, and a click blocked by what is appearing (a dialog's overlay) is
    /// not waited for.
    /// </summary>
    public static async Task ClickUntilVisibleAsync(this ILocator target, ILocator appears, float timeoutMs = BrowserFixture.TimeoutMs)
    {
        var waited = 0f;
        for (var attempt = 250f; ; attempt *= 2)
        {
            if (await appears.First.IsVisibleAsync())
            {
                return;
            }

            var wait = Math.Max(Math.Min(attempt, timeoutMs - waited), 1);
            try
            {
                await target.ClickAsync(new LocatorClickOptions { Timeout = wait });
                await appears.First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = wait });
                return;
            }
            catch (TimeoutException) when (waited + wait < timeoutMs)
            {
                waited += wait;
            }
        }
    }
}
