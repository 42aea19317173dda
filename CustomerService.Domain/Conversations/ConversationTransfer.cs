namespace CustomerService.Domain.Conversations;

/// <summary>A transfer or invitation and its answer (SPEC D4); also the fact behind the KPI 转接咨询.</summary>
public class ConversationTransfer
{
    private ConversationTransfer()
    {
    }

    public ConversationTransfer(long id, long conversationId, TransferKind kind, int fromAgentId, int? toAgentId, int? toGroupId, DateTime requestedAt)
    {
        if ((toAgentId is null) == (toGroupId is null))
        {
            throw new ArgumentException("A transfer targets exactly one agent or one reception group.");
        }

        Id = id;
        ConversationId = conversationId;
        Kind = kind;
        FromAgentId = fromAgentId;
        ToAgentId = toAgentId;
        ToGroupId = toGroupId;
        RequestedAt = requestedAt;
        Outcome = TransferOutcome.Pending;
    }

    public long Id { get; private set; }
    public long ConversationId { get; private set; }
    public TransferKind Kind { get; private set; }
    public int FromAgentId { get; private set; }
    public int? ToAgentId { get; private set; }
    public int? ToGroupId { get; private set; }
    public DateTime RequestedAt { get; private set; }
    public TransferOutcome Outcome { get; private set; }
    public DateTime? RespondedAt { get; private set; }

    /// <summary>Who answered: the target agent, or the group member who took it.</summary>
    public int? RespondedByAgentId { get; private set; }

    public bool IsPending => Outcome == TransferOutcome.Pending;

    public void Resolve(TransferOutcome outcome, int? byAgentId, DateTime now)
    {
        if (!IsPending)
        {
            throw new InvalidOperationException($"Transfer {Id} was already answered.");
        }

        Outcome = outcome;
        RespondedByAgentId = byAgentId;
        RespondedAt = now;
    }
}
