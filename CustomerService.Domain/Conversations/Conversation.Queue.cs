namespace CustomerService.Domain.Conversations;

/// <summary>
/// The conversation's stays in a queue (SPEC D3, D5). <see cref="QueueOutcome"/> and <see cref="DequeuedAt"/> describe
/// the latest stay, for the conversation's own rules; queue reports read <see cref="QueueEntries"/>, one row per stay.
/// </summary>
public partial class Conversation
{
    private readonly List<ConversationQueueEntry> _queueEntries = [];

    public IReadOnlyList<ConversationQueueEntry> QueueEntries => _queueEntries.AsReadOnly();

    /// <summary>
    /// SPEC D5 Active → Queued: the agent's console was gone past the grace period and nobody else is in the
    /// conversation. It keeps its history and its request time, so it waits ahead of everyone who asked after it, and
    /// waits again under a new queue entry; the lost agent leaves.
    /// </summary>
    public void ReturnToQueue(long queueSequence, DateTime now)
    {
        EnsureState(ConversationState.Active);
        CancelTransfer(now);
        foreach (var participant in _participants)
        {
            participant.Leave(now);
        }

        State = ConversationState.Queued;
        AgentId = null;
        AssignmentReason = null;
        QueuedForAgentId = null;
        QueueSequence = queueSequence;
        QueueOutcome = null;
        DequeuedAt = null;
        AgentWaitReplySent = false;
        LastActivityAt = now;
        _queueEntries.Add(new ConversationQueueEntry(Id, ReceptionGroupId, null, now, afterAgentLost: true));
    }

    /// <summary>When the current stay in the queue began: the request, or the moment its agent was lost.</summary>
    public DateTime QueuedSince => OpenQueueEntry?.EnteredAt ?? RequestedAt;

    private ConversationQueueEntry? OpenQueueEntry => _queueEntries.LastOrDefault(e => e.IsOpen);

    private void LeaveQueue(QueueOutcome outcome, DateTime at)
    {
        QueueOutcome ??= outcome;
        DequeuedAt = at;
        OpenQueueEntry?.Close(outcome, at);
    }
}
