using CustomerService.Data;
using CustomerService.Tests.Fakes;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Features.Branding;
using CustomerService.Web.Features.Colleagues;
using CustomerService.Web.Features.Console;
using CustomerService.Web.Features.Crm;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Integration;
using CustomerService.Web.Features.Invitations;
using CustomerService.Web.Features.LeaveMessages;
using CustomerService.Web.Features.Notifications;
using CustomerService.Web.Features.Organisation;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Settings;
using CustomerService.Web.Features.Visitors;
using CustomerService.Web.Features.Visitors.Api;
using CustomerService.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Infrastructure;

/// <summary>
/// A migrated SQLite database in a temporary file with the app's data, Identity, organisation and settings services
/// registered, for service-level integration tests without HTTP. One per test (it is cheap: the schema is migrated
/// once per test run into a template file, which each database copies):
/// <code>
/// await using var db = await TestDatabase.CreateAsync();
/// var accounts = db.GetRequiredService&lt;AccountSettingsService&gt;();   // from a scope as long-lived as db
/// await using var check = db.NewContext();   // re-read what was really stored
/// </code>
/// The database is empty (no enterprise, no account); <see cref="Clock"/> is the registered <see cref="TimeProvider"/>.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _templateFile;

    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;
    private readonly Action<IServiceCollection>? _configure;

    private TestDatabase(string directory, ServiceProvider services, TestClock clock, Action<IServiceCollection>? configure)
    {
        Directory = directory;
        _configure = configure;
        _services = services;
        _scope = services.CreateAsyncScope();
        Clock = clock;
    }

    /// <summary>Folder of the database file; deleted on dispose.</summary>
    public string Directory { get; }

    public string FilePath => Path.Combine(Directory, "customerservice.db");

    public IServiceProvider Services => _services;

    public TestClock Clock { get; }

    /// <param name="configure">Extra or replacement registrations (fakes), applied after the app's.</param>
    public static async Task<TestDatabase> CreateAsync(Action<IServiceCollection>? configure = null)
    {
        var template = await MigratedTemplateAsync();
        var directory = Path.Combine(Path.GetTempPath(), "cs-tests", "db-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "customerservice.db");
        File.Copy(template, file);

        var clock = new TestClock();
        return new TestDatabase(directory, BuildServices(file, clock, configure), clock, configure);
    }

    /// <summary>
    /// A second, independent set of the app's services on this same database file and clock: a new process, as far as
    /// singletons (the conversation engine) are concerned. Crash tests dispose the first engine and start one here.
    /// </summary>
    public ServiceProvider CreateIndependentServices() => BuildServices(FilePath, Clock, _configure);

    private static ServiceProvider BuildServices(string file, TestClock clock, Action<IServiceCollection>? configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        AddAppServices(services, ConnectionString(file));
        // Uploads next to the test's database file, deleted with it.
        services.AddSingleton(new UploadStore(Path.Combine(Path.GetDirectoryName(file)!, "uploads")));
        // Hashing at the production work factor costs ~0.1 s per password; tests check behaviour, not hash strength.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
        configure?.Invoke(services);
        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>
    /// Resolves from one scope that lives as long as this database (as a Blazor circuit's scope does), so scoped
    /// services such as <c>AccountSettingsService</c> can be used directly.
    /// </summary>
    public T GetRequiredService<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A new scope, like one HTTP request: e.g. for Identity's <c>UserManager</c> and <c>SignInManager</c>.</summary>
    public AsyncServiceScope CreateScope() => _services.CreateAsyncScope();

    /// <summary>A new context, independent of any the services used: for arranging data and re-reading results.</summary>
    public CustomerServiceDbContext NewContext() =>
        _services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>
    /// What Program.cs registers for the data, the organisation, settings, notices and leave-messages, minus the web
    /// parts. The SMTP options stay unbound (no mail server): tests that reply register a <c>TestLeaveMessageMailer</c>.
    /// </summary>
    /// <summary>What Program.cs registers for the data, the organisation, settings, notices and the console, minus the web parts.</summary>
    private static void AddAppServices(IServiceCollection services, string connectionString)
    {
        services.AddCustomerServiceDatabase(DatabaseProvider.Sqlite, connectionString);
        services.AddOptions<BootstrapOptions>();
        services.AddOptions<EnterpriseDefaultsOptions>();
        services.AddOptions<AuthOptions>();
        services.AddAuthFeature();
        services.AddOrganisationFeature();
        services.AddSettingsFeature();
        services.AddBrandingFeature();
        services.AddConversationEngine();
        services.AddVisitorsFeature(new ConfigurationBuilder().Build());
        services.AddConsoleFeature();
        services.AddInvitationsFeature();
        services.AddNotificationsFeature();
        services.AddColleaguesFeature();
        services.AddLeaveMessagesFeature();
        services.AddReportingFeature(DatabaseProvider.Sqlite, connectionString);
        services.AddIntegrationFeature();
        services.AddCrmFeature();
    }

    private static string ConnectionString(string file) => $"Data Source={file};Default Timeout=30";

    /// <summary>Migrates an empty file once per test run; every database starts as a copy of it.</summary>
    private static async Task<string> MigratedTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_templateFile is not null)
            {
                return _templateFile;
            }

            var directory = Path.Combine(Path.GetTempPath(), "cs-tests", "template-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(directory);
            var file = Path.Combine(directory, "customerservice.db");
            var services = new ServiceCollection().AddLogging()
                .AddCustomerServiceDatabase(DatabaseProvider.Sqlite, ConnectionString(file) + ";Pooling=False")
                .BuildServiceProvider();
            await using (services)
            {
                await DatabaseMigrator.MigrateAsync(services);
            }

            // The last connection closing checkpoints the WAL into the file, so the copy is complete.
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    System.IO.Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                    // Best effort at exit: it is a temporary folder.
                }
            };
            return _templateFile = file;
        }
        finally
        {
            TemplateLock.Release();
        }
    }
}
