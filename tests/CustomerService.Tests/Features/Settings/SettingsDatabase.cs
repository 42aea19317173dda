using CustomerService.Data;
using CustomerService.Domain.Organisation;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Features.Organisation;
using CustomerService.Web.Features.Settings;
using CustomerService.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Settings;

/// <summary>
/// A migrated SQLite file of its own for one test, with the settings services registered as the app does. Local to
/// the settings tests until the shared test infrastructure exists.
/// </summary>
public sealed class SettingsDatabase : IAsyncDisposable
{
    private readonly string _path;

    // The settings services are scoped like a circuit's; the test plays one circuit.
    private readonly AsyncServiceScope _circuit;

    private SettingsDatabase(string path, ServiceProvider services)
    {
        _path = path;
        Services = services;
        _circuit = services.CreateAsyncScope();
    }

    public ServiceProvider Services { get; }

    public static async Task<SettingsDatabase> CreateAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cs-settings-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection()
            .AddLogging()
            // Pooling off: the file must be deletable as soon as the test is done.
            .AddCustomerServiceDatabase(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False")
            .AddAuthFeature(new AuthOptions())
            .AddOrganisationFeature()
            .AddSettingsFeature()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await DatabaseMigrator.MigrateAsync(services);
        return new SettingsDatabase(path, services);
    }

    public T Get<T>()
        where T : notnull => _circuit.ServiceProvider.GetRequiredService<T>();

    /// <summary>A fresh context for arranging rows or reading what a service left behind.</summary>
    public CustomerServiceDbContext NewContext() =>
        Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContext();

    public async Task<EnterpriseProfile> AddEnterpriseAsync(string timeZoneId = "Asia/Shanghai")
    {
        await using var db = NewContext();
        var profile = new EnterpriseProfile("演示企业", timeZoneId);
        db.EnterpriseProfiles.Add(profile);
        await db.SaveChangesAsync();
        return profile;
    }

    /// <summary>Creates an account (with its identity user) through the same path the app uses.</summary>
    public async Task<int> AddAccountAsync(string loginName, string password = "Passw0rd!", string groupName = "售前组")
    {
        await using var scope = Services.CreateAsyncScope();
        var bootstrap = scope.ServiceProvider.GetRequiredService<OrganisationBootstrap>();
        var group = await bootstrap.EnsureAccountGroupAsync(groupName, CancellationToken.None);
        var creator = scope.ServiceProvider.GetRequiredService<AccountCreator>();
        var created = await creator.CreateAsync(
            new NewAccount(loginName, password, new AccountProfile(loginName, loginName), AccountRole.Sales, group.Id, 5));
        return created.Succeeded ? created.Value : throw new InvalidOperationException(created.Violation!.ToString());
    }

    public async Task<ReceptionGroup> AddReceptionGroupAsync(string name, params MemberAssignment[] members)
    {
        await using var db = NewContext();
        var group = new ReceptionGroup(name, ReceptionGroup.DefaultSkinColor);
        group.SetMembers(members);
        db.ReceptionGroups.Add(group);
        await db.SaveChangesAsync();
        return group;
    }

    public async Task<ConsultationEntry> AddEntryAsync(string code, int receptionGroupId)
    {
        await using var db = NewContext();
        var entry = new ConsultationEntry(code, code, receptionGroupId);
        db.ConsultationEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    public async ValueTask DisposeAsync()
    {
        await _circuit.DisposeAsync();
        await Services.DisposeAsync();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
