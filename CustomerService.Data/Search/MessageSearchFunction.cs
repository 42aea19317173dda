using System.Data.Common;
using CustomerService.Domain.Records;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerService.Data.Search;

/// <summary>
/// Registers <see cref="MessageSearchText.Index"/> as the SQL function the keyword index's triggers call
/// (<see cref="MessageSearchSql"/>), on every connection the SQLite context opens: the app, migrations (the backfill),
/// the demo history writer and tests all go through it. A connection opened without it (the sqlite3 shell) cannot
/// insert a message — it fails loudly rather than leaving a message out of the index.
/// </summary>
public sealed class MessageSearchFunction : DbConnectionInterceptor
{
    public const string Name = "cs_message_search_text";

    public static MessageSearchFunction Instance { get; } = new();

    private MessageSearchFunction()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    /// <summary>For a connection opened outside a context (tools, tests that write with plain ADO.NET).</summary>
    public static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction<string?, string>(Name, MessageSearchText.Index, isDeterministic: true);
        }
    }
}
