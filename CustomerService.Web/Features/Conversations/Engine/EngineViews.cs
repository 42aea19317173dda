using CustomerService.Domain.Conversations;
using CustomerService.Domain.Routing;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>A stored message as callers and subscribers see it.</summary>
public sealed record MessageView(
    long Id,
    long ConversationId,
    long Seq,
    MessageSender Sender,
    int? AgentId,
    string? SenderName,
    MessageKind Kind,
    string Text,
    string? Notice,
    string? ClientId,
    DateTime SentAt,
    string? FileName = null,
    string? ContentType = null,
    long? FileSize = null,
    string? StorageKey = null)
{
    public static MessageView From(ChatMessage message) => new(
        message.Id, message.ConversationId, message.Seq, message.Sender, message.AgentId, message.SenderName,
        message.Kind, message.Text, message.Notice, message.ClientId, message.SentAt, message.FileName,
        message.ContentType, message.FileSize, message.StorageKey);
}

public sealed record ParticipantView(int AgentId, string Name, ParticipantRole Role, DateTime JoinedAt);

/// <summary>A conversation's current state, as of the moment the engine produced it.</summary>
public sealed record ConversationView(
    long Id,
    long VisitorId,
    int EntryId,
    int ReceptionGroupId,
    ConversationState State,
    bool IsVip,
    int? AgentId,
    string? AgentName,
    string? AgentAvatarUrl,
    IReadOnlyList<ParticipantView> Participants,
    int? QueuePosition,
    TimeSpan? EstimatedWait,
    DateTime RequestedAt,
    DateTime? AssignedAt,
    DateTime? EndedAt,
    EndReason? EndReason,
    long LastSeq,
    DateTime? UnansweredSince,
    int? QueuedForAgentId)
{
    /// <summary>
    /// While queued: since when it waits in this stay in the queue — later than <see cref="RequestedAt"/> for a
    /// conversation requeued after its agent was lost (SPEC D3, D5).
    /// </summary>
    public DateTime? QueuedSince { get; init; }
}

public enum StartOutcome
{
    Active,
    Queued,
    LeaveMessage,
}

/// <summary>The answer to a visitor's request (SPEC N2 <c>state</c>): a conversation, or the leave-message form and why.</summary>
public sealed record StartResult(StartOutcome Outcome, ConversationView? Conversation, LeaveMessageReason? LeaveMessageReason = null);

public sealed record TransferView(
    long Id,
    long ConversationId,
    TransferKind Kind,
    int FromAgentId,
    string FromAgentName,
    int? ToAgentId,
    int? ToGroupId,
    TransferOutcome Outcome,
    int? RespondedByAgentId,
    DateTime RequestedAt);

public sealed record AgentPresenceView(int AgentId, AgentStatus Status, DateTime? Since, int Load, int MaxLoad)
{
    /// <summary>False while his every console is gone (grace period): he is not offered transfers or invitations.</summary>
    public bool IsConsoleConnected { get; init; } = true;
}

/// <summary>The visitor's request (SPEC N2 POST /api/visitor/sessions, after the token and signature are checked).</summary>
public sealed record StartRequest(long VisitorId, string EntryCode, bool IsVip = false, StartContext? Context = null);

/// <summary>Who or what a transfer or invitation goes to: exactly one of the two.</summary>
public sealed record TransferTarget(int? AgentId, int? ReceptionGroupId)
{
    public static TransferTarget ToAgent(int agentId) => new(agentId, null);

    public static TransferTarget ToGroup(int receptionGroupId) => new(null, receptionGroupId);
}
