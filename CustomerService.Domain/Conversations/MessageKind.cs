namespace CustomerService.Domain.Conversations;

/// <summary>What a message carries (SPEC D6).</summary>
public enum MessageKind
{
    Text,
    Image,
    File,

    /// <summary>
    /// An event in the conversation (transfer, join, end, rating invitation). <see cref="ChatMessage.Notice"/> holds
    /// its code and <see cref="ChatMessage.Text"/> its argument, so each reader shows it in his own language.
    /// </summary>
    Notice,
}
