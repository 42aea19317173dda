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
    /// <summary>The FTS5 table; its rowid is the message's <see cref="Key"/>.</summary>
    public const string Table = "MessageSearch";

    /// <summary>
    /// Bits of a rowid that hold the message's <c>Seq</c>; the conversation's id is above them. A search then reads the
    /// matching conversations straight from the index — no lookup of each matching message (95k of them for 发票 in
    /// the 60-day demo history) — and a conversation's 16.7 million messages are far beyond any real one (a message
    /// past that is refused rather than mis-indexed).
    /// </summary>
    public const int SeqBits = 24;

    /// <summary>A message's rowid in the index, as SQL over a row of <c>Messages</c> (<c>new</c> / <c>old</c> in the triggers).</summary>
    private static string Key(string row) => $"(({row}.ConversationId << {SeqBits}) + {row}.Seq)";

    private static string Insert(string row) =>
        $"INSERT INTO {Table}(rowid, Text) VALUES ({Key(row)}, {MessageSearchFunction.Name}({row}.Text));";

    private const string SeqGuard = "SELECT RAISE(ABORT, 'Message Seq beyond the keyword index key') WHERE new.Seq < 0 OR new.Seq >= (1 << 24);";

    /// <summary>
    /// Contentless (the bigram text is not stored twice), with <c>contentless_delete</c> so a deleted message leaves
    /// the index; <c>detail=full</c> (the default) keeps positions, which phrase queries need.
    /// </summary>
    public static readonly string[] Create =
    [
        $"CREATE VIRTUAL TABLE {Table} USING fts5(Text, content='', contentless_delete=1, tokenize='unicode61');",
        $"""
        CREATE TRIGGER {Table}_AfterInsert AFTER INSERT ON Messages BEGIN
            {SeqGuard}
            {Insert("new")}
        END;
        """,
        $"""
        CREATE TRIGGER {Table}_AfterDelete AFTER DELETE ON Messages BEGIN
            DELETE FROM {Table} WHERE rowid = {Key("old")};
        END;
        """,
        $"""
        CREATE TRIGGER {Table}_AfterUpdate AFTER UPDATE OF ConversationId, Seq, Text ON Messages BEGIN
            {SeqGuard}
            DELETE FROM {Table} WHERE rowid = {Key("old")};
            {Insert("new")}
        END;
        """,
        // Backfill: every message already stored.
        $"INSERT INTO {Table}(rowid, Text) SELECT {Key("Messages")}, {MessageSearchFunction.Name}(Text) FROM Messages;",
    ];

    public static readonly string[] Drop =
    [
        $"DROP TRIGGER IF EXISTS {Table}_AfterUpdate;",
        $"DROP TRIGGER IF EXISTS {Table}_AfterDelete;",
        $"DROP TRIGGER IF EXISTS {Table}_AfterInsert;",
        $"DROP TABLE IF EXISTS {Table};",
    ];

    /// <summary>
    /// The ids of the conversations with a message whose text matches an FTS5 expression
    /// (<see cref="Domain.Records.MessageSearchText.Query"/>), once per matching message, within a rowid range ({1}..{2}:
    /// <see cref="RowidRange"/> of the period's conversations, so a search over a day reads a day's hits).
    /// </summary>
    public static readonly string MatchingConversationIds =
        $"SELECT rowid >> {SeqBits} AS Value FROM {Table} WHERE {Table} MATCH {{0}} AND rowid BETWEEN {{1}} AND {{2}}";

    /// <summary>How many messages match an FTS5 expression within a rowid range (what the records search plans by).</summary>
    public static readonly string CountMatchingMessages =
        $"SELECT count(*) AS Value FROM {Table} WHERE {Table} MATCH {{0}} AND rowid BETWEEN {{1}} AND {{2}}";

    /// <summary>The rowids of every message of the conversations with ids <paramref name="firstId"/>..<paramref name="lastId"/>.</summary>
    public static (long Low, long High) RowidRange(long firstId, long lastId) =>
        (firstId << SeqBits, ((lastId + 1) << SeqBits) - 1);
}
