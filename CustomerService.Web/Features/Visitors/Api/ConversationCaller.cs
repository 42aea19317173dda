namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>
/// The visitor calling a conversation route and the conversation he asked for, resolved once per request by
/// <see cref="ConversationCallerFilter"/> before any handler runs; handlers take it as a parameter.
/// </summary>
public sealed class ConversationCaller
{
    private long? _visitorId;
    private long _conversationId;

    public long VisitorId => _visitorId ?? throw new InvalidOperationException("The conversation caller is resolved by ConversationCallerFilter; the route lacks it.");

    public long ConversationId => _visitorId is null ? throw new InvalidOperationException("The conversation caller is not resolved.") : _conversationId;

    internal void Resolve(long visitorId, long conversationId)
    {
        _visitorId = visitorId;
        _conversationId = conversationId;
    }
}

/// <summary>Marks the two GET routes that also take the token as <c>?token=</c> (EventSource and links cannot send headers; ADR 005).</summary>
public sealed class VisitorTokenInQuery
{
    public static VisitorTokenInQuery Instance { get; } = new();
}
