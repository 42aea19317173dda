namespace CustomerService.Domain.Conversations;

/// <summary>
/// One stay of a conversation in a queue (SPEC D3): when it entered, when and how it left (served / left a message /
/// abandoned). A conversation whose agent was lost waits again (SPEC D5 Active → Queued), so it may have several;
/// queue reports count each one (seed 002 排队分析).
/// </summary>
public class ConversationQueueEntry
{
    private ConversationQueueEntry()
    {
    }

    public ConversationQueueEntry(long conversationId, int receptionGroupId, int? queuedForAgentId, DateTime enteredAt, bool afterAgentLost)
    {
        ConversationId = conversationId;
        ReceptionGroupId = receptionGroupId;
        QueuedForAgentId = queuedForAgentId;
        EnteredAt = enteredAt;
        AfterAgentLost = afterAgentLost;
    }

    public long Id { get; private set; }
    public long ConversationId { get; private set; }
    public int ReceptionGroupId { get; private set; }

    /// <summary>Set while the entry waits for a private-contact agent only (SPEC D2.2).</summary>
    public int? QueuedForAgentId { get; private set; }

    public DateTime EnteredAt { get; private set; }
    public DateTime? LeftAt { get; private set; }
    public QueueOutcome? Outcome { get; private set; }

    /// <summary>The conversation came back because its agent's console was gone past the grace period (SPEC D5).</summary>
    public bool AfterAgentLost { get; private set; }

    public bool IsOpen => Outcome is null;

    public TimeSpan? Wait => LeftAt - EnteredAt;

    /// <summary>The first outcome stands: a visitor who left a message was not also abandoned by the end that followed.</summary>
    public void Close(QueueOutcome outcome, DateTime at)
    {
        if (Outcome is not null)
        {
            return;
        }

        Outcome = outcome;
        LeftAt = at < EnteredAt ? EnteredAt : at;
    }

    /// <summary>A gone visitor's wait ends at his last sign of life, not when the sweep noticed (the end already closed it).</summary>
    public void MoveLeftAt(DateTime at) => LeftAt = at < EnteredAt ? EnteredAt : at;
}
