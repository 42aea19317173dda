using CustomerService.Domain.Conversations;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>
/// An open (queued or active) conversation held by the engine. <see cref="Entity"/> is the row itself: each batch
/// attaches the rows it touches, so the database and memory change together, and a failed commit reloads both.
/// Only the engine's loop touches the mutable parts; <see cref="AgentIds"/> is swapped whole so other threads
/// (typing previews) can read it.
/// </summary>
internal sealed class LiveConversation(Conversation entity, int? lastAgentId, int? agentBeforeLastId)
{
    private volatile int[] _agentIds = [];

    public Conversation Entity { get; } = entity;

    public long Id => Entity.Id;

    public long VisitorId => Entity.VisitorId;

    /// <summary>Captured at request time for 熟客优先 when the request is dequeued later (D2.5).</summary>
    public int? LastAgentId { get; } = lastAgentId;

    public int? AgentBeforeLastId { get; } = agentBeforeLastId;

    public List<ConversationParticipant> Participants { get; } = [];

    /// <summary>Every message with a client id in this conversation, so a resend is answered from memory.</summary>
    public Dictionary<string, MessageView> MessagesByClientId { get; } = new(StringComparer.Ordinal);

    public ConversationTransfer? PendingTransfer { get; set; }

    /// <summary>The position last announced to the visitor, so unchanged positions are not re-sent.</summary>
    public int? AnnouncedQueuePosition { get; set; }

    public IReadOnlyList<int> AgentIds => _agentIds;

    public IEnumerable<ConversationParticipant> ActiveParticipants => Participants.Where(p => p.LeftAt is null);

    public ConversationParticipant? ParticipantOf(int agentId) => ActiveParticipants.FirstOrDefault(p => p.AgentId == agentId);

    public bool IsQueued => Entity.State == ConversationState.Queued;

    public bool IsActive => Entity.State == ConversationState.Active;

    public void RefreshAgentIds() => _agentIds = [.. ActiveParticipants.Select(p => p.AgentId)];
}
