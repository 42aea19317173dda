using CustomerService.Domain.Conversations;
using CustomerService.Web.Features.Conversations.Engine;

namespace CustomerService.Web.Features.Visitors.Api;

// The JSON of SPEC N2. Public contract: add fields freely, never rename.
public sealed record PageInfo(string? Url, string? Title, string? Referrer);

public sealed record SignedUser(string? Id, string? Name, bool Vip, long Ts, string? Sig);

public sealed record ProductInfo(string? Id, string? Name, string? Price, string? Url, string? Image);

public sealed record StartSessionRequest(string? Entry, PageInfo? Page, SignedUser? User, ProductInfo? Product, string? VisitorToken = null);

/// <param name="Signature">The agent's signature, or the unified one (统一客服); null when there is none.</param>
public sealed record AgentInfo(string Name, string? Avatar, string? Signature = null);

public sealed record SessionResponse(
    string VisitorToken,
    long? ConversationId,
    string State,
    int? QueuePosition,
    int? EstimatedWaitSeconds,
    AgentInfo? Agent,
    string? LeaveMessageReason,
    bool IsWorkingTime,
    string Identity = "anonymous",
    string? IdentityReason = null);

/// <summary>The widget's own check of the user its page passed (SPEC M): <c>verified</c>, <c>anonymous</c> or <c>rejected</c> with the reason.</summary>
public sealed record IdentityResponse(string Identity, string? IdentityReason);

public sealed record ConversationResponse(long Id, string State, int? QueuePosition, int? EstimatedWaitSeconds, AgentInfo? Agent, long LastSeq, string? EndReason)
{
    public static ConversationResponse From(ConversationView view) => new(
        view.Id,
        StateName(view.State),
        view.QueuePosition,
        view.EstimatedWait is { } wait ? (int)Math.Ceiling(wait.TotalSeconds) : null,
        view.AgentName is { } name ? new AgentInfo(name, view.AgentAvatarUrl) : null,
        view.LastSeq,
        view.EndReason?.ToString());

    public static string StateName(ConversationState state) => state switch
    {
        ConversationState.Queued => "queued",
        ConversationState.Active => "active",
        _ => "ended",
    };
}

public sealed record PostMessageRequest(string? ClientId, string? Text);

public sealed record FileInfo(string Name, string Url, string? ContentType, long? Size);

public sealed record MessageResponse(
    long Id,
    long Seq,
    DateTime SentAt,
    string Sender,
    string? SenderName,
    string? Avatar,
    string Kind,
    string Text,
    string? Notice,
    string? ClientId,
    FileInfo? File)
{
    /// <param name="noticeText">Notices carry a code; the visitor sees the sentence in the request's language.</param>
    /// <param name="fileLinks">Files are linked with signed URLs: the chat page's img and a elements cannot send the token.</param>
    public static MessageResponse From(MessageView message, Func<string, string, string> noticeText, VisitorFileLinks fileLinks) => new(
        message.Id,
        message.Seq,
        message.SentAt,
        message.Sender.ToString().ToLowerInvariant(),
        message.SenderName,
        null,
        message.Kind.ToString().ToLowerInvariant(),
        message.Notice is { } code ? noticeText(code, message.Text) : message.Text,
        message.Notice,
        message.ClientId,
        message.StorageKey is null ? null : new FileInfo(message.FileName ?? message.Text, fileLinks.UrlFor(message.Id), message.ContentType, message.FileSize));
}

public sealed record TypingRequest(string? Text);

/// <param name="Solved">问题是否解决: the visitor's answer, when he gave one (SPEC I0 已解决 / 未解决).</param>
public sealed record EvaluationRequest(int Level, string? Comment, bool? Solved = null);

public sealed record LeaveMessageRequest(string? Entry, string? Name, string? Phone, string? Email, string? Content, long? ConversationId);

public sealed record TrackRequest(string? Url, string? Title, string? Referrer);

public sealed record EntryResponse(string Code, string Name, string SkinColor);
