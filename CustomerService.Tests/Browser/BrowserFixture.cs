using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace CustomerService.Tests.Browser;

/// <summary>
/// One headless Chromium (Debian's <c>/usr/bin/chromium</c>, driven by Playwright) shared by the
/// <see cref="BrowserCollection"/>; every test gets a fresh context (cookies, storage) from <see cref="RunAsync"/>.
/// Start the app for a test class with <c>IClassFixture&lt;KestrelAppFactory&gt;</c>:
/// <code>
/// [Collection(BrowserCollection.Name)]
/// public sealed class MyTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture&lt;KestrelAppFactory&gt;
/// {
///     [Fact]
///     public Task Something_happens() => browser.RunAsync(app.BaseAddress, async page => { ... });
/// }
/// </code>
/// Wait on conditions only (<c>Assertions.Expect(locator).ToBeVisibleAsync()</c>, <c>WaitForURLAsync</c>); never sleep.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Generous for a loaded CI machine; a passing test never waits this long.</summary>
    public const float TimeoutMs = 20_000;

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser fixture is not initialized.");

    /// <summary>Where failure screenshots go: <c>CustomerService.Tests/TestResults/screenshots</c>.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(TestProjectDirectory(), "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            // Fail loudly: a browser test that silently passes without a browser proves nothing. test.sh installs it.
            throw new InvalidOperationException(
                $"Browser tests need Chromium at {ChromiumPath}. Install it with `apt-get install chromium` (test.sh does).");
        }

        Assertions.SetDefaultExpectTimeout(TimeoutMs);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// Runs <paramref name="test"/> on a new page in a new browser context whose relative URLs resolve against
    /// <paramref name="baseAddress"/>. When the test throws, saves a full-page screenshot as
    /// <c>TestResults/screenshots/&lt;test&gt;.png</c> and rethrows.
    /// </summary>
    public async Task RunAsync(Uri baseAddress, Func<IPage, Task> test, [CallerMemberName] string testName = "")
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(TimeoutMs);
        context.SetDefaultNavigationTimeout(TimeoutMs);
        var page = await context.NewPageAsync();
        try
        {
            await test(page);
        }
        catch (Exception)
        {
            await SaveScreenshotAsync(page, testName);
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private static async Task SaveScreenshotAsync(IPage page, string testName)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, testName + ".png");
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Timeout = 5_000 });
            Console.Error.WriteLine($"Screenshot of the failed browser test: {path}");
        }
        catch (PlaywrightException exception)
        {
            // The page may be gone (crash); the test's own exception is what matters.
            Console.Error.WriteLine($"No screenshot for {testName}: {exception.Message}");
        }
    }

    private static string TestProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CustomerService.Tests.csproj")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}

/// <summary>
/// The browser tests: one Chromium for all of them, tests run one after another (a collection never runs in parallel
/// with itself), while the other collections' tests run alongside.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
