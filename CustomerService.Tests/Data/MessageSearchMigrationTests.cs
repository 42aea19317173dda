using CustomerService.Data;
using CustomerService.Data.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Data;

/// <summary>
/// Issue 12: the RecordSearch migration indexes the messages already stored (the backfill), and the index then follows
/// every insert, change and delete of a message through its triggers — whoever writes (here: plain SQL).
/// </summary>
public sealed class MessageSearchMigrationTests
{
    private const string MigrationBeforeRecordSearch = "20261201142650_SaleKinds";

    [Fact]
    public async Task Messages_stored_before_the_migration_are_found_and_later_writes_follow()
    {
        var directory = Directory.CreateTempSubdirectory("cs-tests-search-migrate-");
        var file = Path.Combine(directory.FullName, "old.db");
        try
        {
            await using var services = new ServiceCollection().AddLogging()
                .AddCustomerServiceDatabase(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False")
                .BuildServiceProvider();
            var factory = services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>();
            await using (var db = await factory.CreateDbContextAsync())
            {
                await db.GetService<IMigrator>().MigrateAsync(MigrationBeforeRecordSearch);
            }

            await ExecuteAsync(file, registerFunction: false,
                "INSERT INTO Messages (Id, ConversationId, Seq, Sender, Kind, Text, SentAt) VALUES (1, 7, 1, 'Visitor', 'Text', '我要退款，谢谢', '2026-03-10 04:00:00')",
                "INSERT INTO Messages (Id, ConversationId, Seq, Sender, Kind, Text, SentAt) VALUES (2, 7, 2, 'Agent', 'Text', '好的', '2026-03-10 04:00:05')",
                "INSERT INTO Messages (Id, ConversationId, Seq, Sender, Kind, Text, SentAt) VALUES (3, 8, 1, 'Visitor', 'Text', '能开发票吗', '2026-03-10 05:00:00')");

            await using (var db = await factory.CreateDbContextAsync())
            {
                await db.Database.MigrateAsync();
            }

            // Rowids are (conversation << 24) + seq: conversation 7's first message, conversation 8's first.
            Assert.Equal([(7L << 24) + 1], await MatchAsync(file, "\" 退款  \""));
            Assert.Equal([(8L << 24) + 1], await MatchAsync(file, "\" 发票  \""));

            await ExecuteAsync(file, registerFunction: true,
                "INSERT INTO Messages (Id, ConversationId, Seq, Sender, Kind, Text, SentAt) VALUES (4, 8, 2, 'Agent', 'Text', '发票已开', '2026-03-10 05:00:05')",
                "UPDATE Messages SET Text = '不用了' WHERE Id = 3",
                "DELETE FROM Messages WHERE Id = 1");

            Assert.Equal([(8L << 24) + 2], await MatchAsync(file, "\" 发票  \""));
            Assert.Empty(await MatchAsync(file, "\" 退款  \""));
            Assert.Equal([(8L << 24) + 1], await MatchAsync(file, "\" 不用 用了  \""));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task ExecuteAsync(string file, bool registerFunction, params string[] statements)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False;Foreign Keys=False");
        await connection.OpenAsync();
        if (registerFunction)
        {
            MessageSearchFunction.Register(connection);
        }

        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<List<long>> MatchAsync(string file, string expression)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False;Foreign Keys=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rowid FROM {MessageSearchSql.Table} WHERE {MessageSearchSql.Table} MATCH $q ORDER BY rowid";
        command.Parameters.AddWithValue("$q", expression);
        var rowids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rowids.Add(reader.GetInt64(0));
        }

        return rowids;
    }
}
