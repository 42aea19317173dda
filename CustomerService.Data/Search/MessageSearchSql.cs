namespace CustomerService.Data.Search;

/// <summary>
/// The SQLite keyword index of messages (issue 12, ADR 018): a contentless FTS5 table of each message's bigram form,
/// kept by triggers on <c>Messages</c> so every writer — the engine, the demo history's bulk writer, tests — indexes in
/// its own transaction and none can forget. The triggers call <see cref="MessageSearchFunction.Name"/>, the C# form of
/// <see cref="Domain.Records.MessageSearchText.Index"/>, which <see cref="MessageSearchFunction"/> registers on every
/// connection the SQLite context opens.
/// </summary>
/// <remarks>
/// Raw SQL outside the generated migration on purpose: when the RecordSearch migration is regenerated, its Up / Down
/// call <see cref="Create"/> / <see cref="Drop"/> again and nothing is lost. SQL Server has no such table (LIKE there;
/// full-text setup in ADR 018).
/// </remarks>
public static class MessageSearchSql
{
    /// <summary>The FTS5 table; its rowid is the message's id.</summary>
    public const string Table = "MessageSearch";

    /// <summary>
    /// Contentless (the bigram text is not stored twice), with <c>contentless_delete</c> so a deleted message leaves
    /// the index; <c>detail=full</c> (the default) keeps positions, which phrase queries need.
    /// </summary>
    public static readonly string[] Create =
    [
        $"CREATE VIRTUAL TABLE {Table} USING fts5(Text, content='', contentless_delete=1, tokenize='unicode61');",
        $"""
        CREATE TRIGGER {Table}_AfterInsert AFTER INSERT ON Messages BEGIN
            INSERT INTO {Table}(rowid, Text) VALUES (new.Id, {MessageSearchFunction.Name}(new.Text));
        END;
        """,
        $"""
        CREATE TRIGGER {Table}_AfterDelete AFTER DELETE ON Messages BEGIN
            DELETE FROM {Table} WHERE rowid = old.Id;
        END;
        """,
        $"""
        CREATE TRIGGER {Table}_AfterUpdate AFTER UPDATE OF Id, Text ON Messages BEGIN
            DELETE FROM {Table} WHERE rowid = old.Id;
            INSERT INTO {Table}(rowid, Text) VALUES (new.Id, {MessageSearchFunction.Name}(new.Text));
        END;
        """,
        // Backfill: every message already stored.
        $"INSERT INTO {Table}(rowid, Text) SELECT Id, {MessageSearchFunction.Name}(Text) FROM Messages;",
    ];

    public static readonly string[] Drop =
    [
        $"DROP TRIGGER IF EXISTS {Table}_AfterUpdate;",
        $"DROP TRIGGER IF EXISTS {Table}_AfterDelete;",
        $"DROP TRIGGER IF EXISTS {Table}_AfterInsert;",
        $"DROP TABLE IF EXISTS {Table};",
    ];

    /// <summary>The ids of the messages whose text matches an FTS5 expression (<see cref="Domain.Records.MessageSearchText.Query"/>).</summary>
    public const string MatchingMessageIds = $"SELECT rowid AS Value FROM {Table} WHERE {Table} MATCH {{0}}";
}
