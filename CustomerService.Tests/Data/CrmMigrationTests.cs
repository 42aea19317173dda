using CustomerService.Data;
using CustomerService.Domain.Customers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Data;

/// <summary>
/// SPEC J6: the console's customer details of before (one row per visitor) become CRM customers when the <c>Crm</c>
/// migration runs on a database that holds them; nothing is lost and the 添加CRM facts keep their agent and time.
/// </summary>
public sealed class CrmMigrationTests
{
    private const string MigrationBeforeCrm = "20261201130433_Records";

    [Fact]
    public async Task Old_customer_profiles_become_customers_with_their_creator_owner_visitor_and_user_id()
    {
        var directory = Directory.CreateTempSubdirectory("cs-tests-crm-migrate-");
        var file = Path.Combine(directory.FullName, "old.db");
        try
        {
            await using var services = new ServiceCollection().AddLogging()
                .AddCustomerServiceDatabase(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False")
                .BuildServiceProvider();
            var factory = services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>();
            await using (var db = await factory.CreateDbContextAsync())
            {
                await db.GetService<IMigrator>().MigrateAsync(MigrationBeforeCrm);
            }

            await PlantOldRowsAsync(file);

            await using (var db = await factory.CreateDbContextAsync())
            {
                await db.Database.MigrateAsync();
            }

            await using var check = await factory.CreateDbContextAsync();
            var customers = await check.Customers.AsNoTracking().OrderBy(c => c.OriginVisitorId).ToListAsync();
            Assert.Equal(3, customers.Count);

            // Filed by agent 7, who still exists: he stays creator and becomes owner; the visitor's user id is the customer's.
            var first = customers[0];
            Assert.Equal(
                ("张三", "13800138000", "zhang@example.com", "老客户", "u-1", (int?)7, (int?)7, (long?)1, CustomerSource.Console),
                (first.Name, first.Phone, first.Email, first.Notes, first.UserId, first.CreatedByAccountId, first.OwnerAccountId, first.OriginVisitorId, first.Source));
            Assert.Equal(new DateTime(2026, 3, 2, 9, 30, 0), first.CreatedAt);

            // The same user on a second device: one customer per user id, so the later one keeps only his visitor. Agent 8
            // is gone: still the creator (his 添加CRM stays), nobody owns the customer.
            var second = customers[1];
            Assert.Equal(("李四", (string?)null, (int?)8, (int?)null, (long?)2), (second.Name, second.UserId, second.CreatedByAccountId, second.OwnerAccountId, second.OriginVisitorId));
            Assert.Equal(new DateTime(2026, 3, 3, 10, 0, 0), second.CreatedAt);

            // Saved before creation was recorded: created when last changed, owned by who changed him, no 添加CRM author.
            var third = customers[2];
            Assert.Equal(("王五", (int?)null, (int?)7, (int?)7), (third.Name, third.CreatedByAccountId, third.OwnerAccountId, third.UpdatedByAccountId));
            Assert.Equal(new DateTime(2026, 3, 4, 11, 15, 0), third.CreatedAt);

            Assert.Empty(await check.CustomerAssignments.ToListAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Rows as the console wrote them before the CRM, straight into the old tables (the old classes are gone).</summary>
    private static async Task PlantOldRowsAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();

        // Accounts need Identity users; the migration only reads account ids, so the planted rows skip that.
        command.CommandText = """
            PRAGMA foreign_keys = OFF;
            INSERT INTO AccountGroups (Id, Name, CreatedAt, UpdatedAt) VALUES (1, '售前组', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            INSERT INTO Accounts (Id, LoginName, ExternalName, InternalName, Role, AccountGroupId, MaxLoad, LeaveMessageScope,
                                  ParticipatesInDistribution, IsEnabled, CreatedAt, UpdatedAt)
            VALUES (7, 'sales7', '小七', '小七', 'Sales', 1, 5, 'Own', 1, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            INSERT INTO Visitors (Id, TokenHash, ExternalUserId, Name, IsVip, FirstSeenAt, LastSeenAt)
            VALUES (1, 'h1', 'u-1', NULL, 0, '2026-03-01 08:00:00', '2026-03-02 09:00:00'),
                   (2, 'h2', 'u-1', NULL, 0, '2026-03-03 08:00:00', '2026-03-03 09:00:00'),
                   (3, 'h3', NULL, NULL, 0, '2026-03-04 08:00:00', '2026-03-04 09:00:00');
            INSERT INTO CustomerProfiles (VisitorId, Name, Phone, Email, Notes, CreatedByAccountId, CreatedAt, UpdatedByAccountId, UpdatedAt)
            VALUES (1, '张三', '13800138000', 'zhang@example.com', '老客户', 7, '2026-03-02 09:30:00', 7, '2026-03-02 09:30:00'),
                   (2, '李四', NULL, NULL, NULL, 8, '2026-03-03 10:00:00', 8, '2026-03-03 10:00:00'),
                   (3, '王五', '13900139000', NULL, NULL, NULL, NULL, 7, '2026-03-04 11:15:00');
            """;
        await command.ExecuteNonQueryAsync();
    }
}
