namespace CustomerService.Domain.Conversations;

/// <summary>
/// Conversation lifecycle (SPEC D5): Queued → Active → Ended; a conversation may also end while queued.
/// </summary>
public enum ConversationState
{
    Queued,
    Active,
    Ended,
}
