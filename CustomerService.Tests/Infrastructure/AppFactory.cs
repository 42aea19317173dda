using System.Net;
using System.Text.RegularExpressions;
using CustomerService.Data;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Demo;
using CustomerService.Web.Features.Settings.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Infrastructure;

/// <summary>
/// Hosts the real app (Program.cs, migrations, SPEC N1 demo seed) on a fresh SQLite database in a temporary
/// directory of its own, deleted on dispose. Use it as an xunit class fixture so one host serves a whole test class:
/// <code>public sealed class MyTests(AppFactory app) : IClassFixture&lt;AppFactory&gt;</code>
/// The default host is in-memory (TestServer); <see cref="KestrelAppFactory"/> listens on a real loopback port for
/// the browser. Tests that change shared state (lock an account, disable one) create their own accounts with
/// <see cref="Builders.NewAccountBuilder"/> so they do not disturb the demo accounts other tests sign in with.
/// </summary>
public partial class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Password of every demo account (SPEC N1).</summary>
    public const string DemoPassword = DemoSeeder.Password;

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _useKestrel;
    private bool _deleted;

    public AppFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="settings">Configuration overrides (e.g. <c>["Auth:MaxFailedAccessAttempts"] = "3"</c>), applied
    /// after the defaults below so they win.</param>
    /// <param name="useKestrel">Serve on a real loopback port (for a browser) instead of the in-memory TestServer.</param>
    protected AppFactory(IReadOnlyDictionary<string, string?> settings, bool useKestrel = false)
    {
        _settings = settings;
        _useKestrel = useKestrel;
        DataDirectory = Path.Combine(Path.GetTempPath(), "cs-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        if (useKestrel)
        {
            UseKestrel(0);
        }
    }

    /// <summary>The app's <c>Database:DataDirectory</c>: SQLite file, data-protection keys, uploads.</summary>
    public string DataDirectory { get; }

    /// <summary>Where the app answers: the Kestrel address, or <c>http://localhost/</c> for TestServer.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            return new Uri(address is null ? ClientOptions.BaseAddress.ToString() : address.TrimEnd('/') + "/");
        }
    }

    /// <summary>
    /// A client that keeps cookies between requests and does <b>not</b> follow redirects, so tests can assert the
    /// 302s of sign-in and authorization themselves.
    /// </summary>
    public HttpClient CreateCookieClient() =>
        _useKestrel
            // On Kestrel the factory's clients ignore AllowAutoRedirect/HandleCookies: talk to the socket ourselves.
            ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
            {
                BaseAddress = BaseAddress,
            }
            : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = BaseAddress });

    /// <summary>A cookie client signed in as <paramref name="loginName"/> through the real login form.</summary>
    /// <exception cref="InvalidOperationException">The login form did not sign in (its page is in the message).</exception>
    public async Task<HttpClient> SignInAsync(string loginName, string password = DemoPassword)
    {
        var client = CreateCookieClient();
        using var response = await PostLoginAsync(client, loginName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"Signing in as '{loginName}' answered {(int)response.StatusCode}, not a redirect:\n{page}");
        }

        return client;
    }

    /// <summary>
    /// Posts the login form exactly as a browser would: GET /login, then POST every hidden field of the form
    /// (<c>_handler</c>, antiforgery token) with the login name and password under the <c>name</c>s the page gives its
    /// <c>login-username</c> / <c>login-password</c> inputs. Returns the POST's response: 302 to the return URL on
    /// success, 200 with <c>data-testid="login-error"</c> on refusal.
    /// </summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string loginName, string password, string? returnUrl = null)
    {
        var path = returnUrl is null ? "/login" : "/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var page = await client.GetStringAsync(path);
        var fields = HiddenInputs(page);
        fields[InputNameByTestId(page, "login-username")] = loginName;
        fields[InputNameByTestId(page, "login-password")] = password;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>Every <c>type="hidden"</c> input of a page by name (antiforgery token, <c>_handler</c> of SSR forms).</summary>
    /// <remarks>When several forms repeat a name (each form has its antiforgery token), the first one wins.</remarks>
    public static Dictionary<string, string> HiddenInputs(string html)
    {
        var fields = new Dictionary<string, string>();
        foreach (var input in InputTag().Matches(html).Select(match => match.Value))
        {
            if (Attribute(input, "type") == "hidden" && Attribute(input, "name") is { } name)
            {
                fields.TryAdd(name, Attribute(input, "value") ?? string.Empty);
            }
        }

        return fields;
    }

    /// <summary>The <c>name</c> attribute of the input carrying <c>data-testid="<paramref name="testId"/>"</c>.</summary>
    public static string InputNameByTestId(string html, string testId) =>
        InputTag().Matches(html)
            .Select(input => input.Value)
            .Where(input => Attribute(input, "data-testid") == testId)
            .Select(input => Attribute(input, "name"))
            .FirstOrDefault() ?? throw new InvalidOperationException($"The page has no named input data-testid=\"{testId}\":\n{html}");

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{Regex.Escape(name)}=\"([^\"]*)\"") is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : null;

    /// <summary>
    /// Creates an account in the running app through <see cref="AccountSettingsService"/> (in the first account group
    /// unless the builder names one) and returns its id. For tests that lock, disable or delete an account, so the
    /// demo accounts stay usable by the other tests sharing this host.
    /// </summary>
    public async Task<int> CreateAccountAsync(NewAccountBuilder account)
    {
        await using var scope = CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountSettingsService>();
        if (account.AccountGroupId == 0)
        {
            account.InGroup((await accounts.GroupOptionsAsync()).First().Id);
        }

        var created = await accounts.CreateAsync(account.BuildForm());
        return created.Succeeded
            ? created.Value
            : throw new InvalidOperationException($"Could not create account '{account.LoginName}': {created.Violation}");
    }

    /// <summary>The id of an account by login name (demo accounts: admin, lead, sales1, sales2, sales3, qc).</summary>
    public async Task<int> AccountIdAsync(string loginName)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        return await db.Accounts.Where(a => a.LoginName == loginName).Select(a => a.Id).SingleAsync();
    }

    /// <summary>The id of an account group (账号分组) by name (demo: 管理部, 售前组, 售后组, 质检组).</summary>
    public async Task<int> AccountGroupIdAsync(string name)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        return await db.AccountGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync();
    }

    /// <summary>The id of a reception group (接待组) by name (demo: 售前, 售后).</summary>
    public async Task<int> ReceptionGroupIdAsync(string name)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        return await db.ReceptionGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync();
    }

    /// <summary>A DI scope of the running app, for arranging or checking data through its own services.</summary>
    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program.cs reads Database:* before the app is built, and only
        // host settings are visible that early.
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", string.Empty);
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Demo:Seed", "true");
        // Expected refusals (wrong passwords, denied pages) log warnings; keep the test output to real errors.
        builder.UseSetting("Logging:LogLevel:Default", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        // Every client of a test host comes from one address; a class's deliberate wrong passwords must not throttle the
        // sign-ins of its other tests. Tests of the throttle set their own limit.
        builder.UseSetting("Auth:FailedSignInsPerIp", "100000");
        // Every test client shares one (loopback) address, and a class starts many sessions; the per-IP session limit
        // has no loopback exemption, so the tests raise it. The session-flood test sets its own low limit.
        builder.UseSetting("VisitorApi:SessionStartsPerIpPerWindow", "1000000");
        // The demo API key serves every integration API test of a class; the rate-limit test sets its own low limit.
        builder.UseSetting("IntegrationApi:RequestsPerMinute", "1000000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    Task IAsyncLifetime.InitializeAsync()
    {
        // Starts the host now (migrate + seed run before the first test), so a broken start fails the fixture once.
        StartServer();
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteDataDirectory();
        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DeleteDataDirectory();
        }
    }

    private void DeleteDataDirectory()
    {
        if (_deleted)
        {
            return;
        }

        _deleted = true;
        // Pooled connections keep the file open; on Windows that would block the delete.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();
}

/// <summary>The app on real Kestrel at a random loopback port: for Playwright, which needs a real URL.</summary>
public sealed class KestrelAppFactory() : AppFactory(new Dictionary<string, string?>(), useKestrel: true);
