using CustomerService.Data;
using CustomerService.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Data;

/// <summary>
/// Both providers ship real migrations (SPEC A). A model change without a migration fails here; the fix is the two
/// <c>dotnet ef migrations add</c> commands in the remarks of <see cref="CustomerServiceDbContext"/>.
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var context = new SqliteCustomerServiceDbContext(
            new DbContextOptionsBuilder<SqliteCustomerServiceDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(context.Database.HasPendingModelChanges(), "The SQLite model has changes without a migration.");
    }

    [Fact]
    public void Sql_server_migrations_cover_the_model()
    {
        // Never opened: the model comparison needs the provider, not a server.
        using var context = new SqlServerCustomerServiceDbContext(
            new DbContextOptionsBuilder<SqlServerCustomerServiceDbContext>()
                .UseSqlServer("Server=unused.invalid;Database=CustomerService;User Id=sa;Password=unused;TrustServerCertificate=True")
                .Options);

        Assert.False(context.Database.HasPendingModelChanges(), "The SQL Server model has changes without a migration.");
    }

    [Fact]
    public async Task Sqlite_migrations_apply_to_an_empty_file()
    {
        var directory = Directory.CreateTempSubdirectory("cs-tests-migrate-");
        var file = Path.Combine(directory.FullName, "empty.db");
        try
        {
            await using (var services = new ServiceCollection().AddLogging()
                             .AddCustomerServiceDatabase(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False")
                             .BuildServiceProvider())
            {
                await DatabaseMigrator.MigrateAsync(services);

                await using var db = await services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContextAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
                // The schema is usable, not just recorded: every mapped table answers a query.
                Assert.Equal(0, await db.Accounts.CountAsync());
                Assert.Equal(0, await db.Users.CountAsync());
                Assert.Equal(0, await db.EnterpriseProfiles.CountAsync());
                Assert.Equal(0, await db.ReceptionGroupMembers.CountAsync());
                Assert.Equal(0, await db.ConsultationEntries.CountAsync());
                Assert.Equal(0, await db.KeyPages.CountAsync());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }
}
