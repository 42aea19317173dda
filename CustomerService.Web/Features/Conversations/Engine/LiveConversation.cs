using CustomerService.Domain.Conversations;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>
/// What the engine keeps beside an open (queued or active) conversation's aggregate: caches and announcements that are
/// no business rule. <see cref="Entity"/> is the row itself, with its participants and pending offer: each batch
/// attaches the rows it touches, so the database and memory change together, and a failed commit reloads both.
/// Only the engine's loop touches the mutable parts; <see cref="AgentIds"/> is swapped whole so other threads
/// (typing previews) can read it.
/// </summary>
internal sealed class LiveConversation(Conversation entity, int? lastAgentId, int? agentBeforeLastId)
{
    private volatile int[] _agentIds = [.. entity.ActiveParticipants.Select(p => p.AgentId)];

    public Conversation Entity { get; } = entity;

    public long Id => Entity.Id;

    public long VisitorId => Entity.VisitorId;

    /// <summary>Captured at request time for 熟客优先 when the request is dequeued later (D2.5).</summary>
    public int? LastAgentId { get; } = lastAgentId;

    public int? AgentBeforeLastId { get; } = agentBeforeLastId;

    /// <summary>Every message with a client id in this conversation, so a resend is answered from memory.</summary>
    public Dictionary<string, MessageView> MessagesByClientId { get; } = new(StringComparer.Ordinal);

    /// <summary>The position last announced to the visitor, so unchanged positions are not re-sent.</summary>
    public int? AnnouncedQueuePosition { get; set; }

    /// <summary>The agents in the conversation as of the last change, for threads other than the loop.</summary>
    public IReadOnlyList<int> AgentIds => _agentIds;

    public bool IsQueued => Entity.State == ConversationState.Queued;

    public bool IsActive => Entity.State == ConversationState.Active;

    /// <summary>Takes a new snapshot of <see cref="AgentIds"/> after the aggregate's participants changed.</summary>
    public void RefreshAgentIds() => _agentIds = [.. Entity.ActiveParticipants.Select(p => p.AgentId)];
}
