namespace CustomerService.Data.Queue;

/// <summary>
/// Raw SQL of the LiveFixes migration, kept here so it survives a regenerated migration. Before queue entries were
/// rows of their own (SPEC D3), a conversation held its one queue stay in its own columns; each such conversation gets
/// that stay as its first entry, so queue reports over old days count the same after the migration as before. The
/// statement is plain SQL both providers run (booleans are 0/1 in both).
/// </summary>
public static class QueueEntryBackfillSql
{
    public const string FromConversations =
        """
        INSERT INTO QueueEntries (ConversationId, ReceptionGroupId, QueuedForAgentId, EnteredAt, LeftAt, Outcome, AfterAgentLost)
        SELECT Id, ReceptionGroupId, QueuedForAgentId, RequestedAt, DequeuedAt, QueueOutcome, 0
        FROM Conversations
        WHERE QueueSequence IS NOT NULL OR QueueOutcome IS NOT NULL
        """;
}
