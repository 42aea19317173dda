using System.Text;
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
    /// Opens an interactive (Blazor Server) page and waits until its circuit has rendered it. The prerendered HTML
    /// shows buttons before the circuit is connected, and a click in that moment is lost; the first render batch on
    /// the page's <c>/_blazor</c> WebSocket is the moment its event handlers are attached.
    /// </summary>
    public static async Task GotoInteractiveAsync(this IPage page, string url)
    {
        var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnFrame(object? sender, IWebSocketFrame frame)
        {
            if (IsRenderBatch(frame))
            {
                rendered.TrySetResult();
            }
        }

        void OnSocket(object? sender, IWebSocket socket)
        {
            if (socket.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                socket.FrameReceived += OnFrame;
            }
        }

        page.WebSocket += OnSocket;
        try
        {
            await page.GotoAsync(url);
            await rendered.Task.WaitAsync(TimeSpan.FromMilliseconds(BrowserFixture.TimeoutMs));
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{url}: the Blazor circuit did not render the page.", exception);
        }
        finally
        {
            page.WebSocket -= OnSocket;
        }
    }

    // Blazor Server speaks MessagePack ("blazorpack"), where the hub method name is plain UTF-8 in the frame.
    private static bool IsRenderBatch(IWebSocketFrame frame) =>
        frame.Binary is { Length: > 0 } binary
            ? Encoding.UTF8.GetString(binary).Contains("JS.RenderBatch", StringComparison.Ordinal)
            : frame.Text?.Contains("JS.RenderBatch", StringComparison.Ordinal) == true;
}
