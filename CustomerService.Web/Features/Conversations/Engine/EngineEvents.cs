using CustomerService.Domain.Conversations;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>
/// Something the engine has stored and now announces. Every event is published only after the change is committed
/// (SPEC A), carries the topics it is published to, and holds only plain data, so a backplane can serialise it.
/// </summary>
public abstract record EngineEvent(IReadOnlyList<EventTopic> Topics);

public sealed record MessageAppended(MessageView Message, IReadOnlyList<EventTopic> Topics) : EngineEvent(Topics);

/// <summary>State, agent or participants changed (assigned, transferred, joined, ended…).</summary>
public sealed record ConversationChanged(ConversationView Conversation, IReadOnlyList<EventTopic> Topics) : EngineEvent(Topics);

/// <summary>A queued visitor's new place (SPEC D3).</summary>
public sealed record QueuePositionChanged(long ConversationId, int Position, TimeSpan EstimatedWait, IReadOnlyList<EventTopic> Topics)
    : EngineEvent(Topics);

/// <summary>How many visitors wait in a reception group's queue (SPEC F4 queue count).</summary>
public sealed record QueueLengthChanged(int ReceptionGroupId, int Length, IReadOnlyList<EventTopic> Topics) : EngineEvent(Topics);

public sealed record AgentStatusChanged(int AgentId, AgentStatus Status, DateTime Since, IReadOnlyList<EventTopic> Topics)
    : EngineEvent(Topics);

/// <summary>What the visitor is typing (SPEC D7); never stored.</summary>
public sealed record TypingPreviewed(long ConversationId, string Text, IReadOnlyList<EventTopic> Topics) : EngineEvent(Topics);

public sealed record TransferRequested(TransferView Transfer, IReadOnlyList<EventTopic> Topics) : EngineEvent(Topics);

public sealed record TransferResolved(TransferView Transfer, IReadOnlyList<EventTopic> Topics) : EngineEvent(Topics);

public sealed record EvaluationInvited(long ConversationId, IReadOnlyList<EventTopic> Topics) : EngineEvent(Topics);

public sealed record EvaluationRecorded(long ConversationId, EvaluationLevel FinalLevel, IReadOnlyList<EventTopic> Topics)
    : EngineEvent(Topics)
{
    /// <summary>The conversation's stored rating comment after this rating (the agent sees it, issue 15).</summary>
    public string? Comment { get; init; }

    /// <summary>问题是否解决 as stored after this rating.</summary>
    public bool? ProblemSolved { get; init; }
}

public sealed record LeaveMessageCreated(long LeaveMessageId, int ReceptionGroupId, int? ResponsibleAgentId, IReadOnlyList<EventTopic> Topics)
    : EngineEvent(Topics);
