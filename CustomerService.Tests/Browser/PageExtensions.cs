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
        // Commit, not the default Load: the next step navigates anyway, and on a loaded CI machine the landing
        // page's load event has come after the 20 s timeout although the sign-in had long succeeded.
        await page.WaitForURLAsync(
            url => !new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.Commit, Timeout = BrowserFixture.TimeoutMs });
    }

    public static async Task SignOutAsync(this IPage page)
    {
        await page.GetByTestId("logout").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");
    }

    /// <summary>
    /// Opens an interactive (Blazor Server) page and waits until its circuit has rendered it. The prerendered HTML
    /// shows buttons before the circuit is connected, and a click in that moment is lost; the layout marks
    /// <c>data-interactive="true"</c> in the very render that attaches the page's event handlers.
    /// </summary>
    public static async Task GotoInteractiveAsync(this IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("[data-testid=app-shell][data-interactive=true]")
            .WaitForAsync(new() { Timeout = BrowserFixture.TimeoutMs });
    }

    /// <summary>Types into a MudTextField and leaves it: MudBlazor commits the value on change, fired on blur.</summary>
    public static async Task FillAndCommitAsync(this ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.BlurAsync();
    }
}
