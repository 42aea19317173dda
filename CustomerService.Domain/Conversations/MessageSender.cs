namespace CustomerService.Domain.Conversations;

/// <summary>
/// Who a message is from. Auto-replies (SPEC D8) are <see cref="System"/>: they are not a human answer, so they must
/// not make a conversation valid (D5, seed 002 有效咨询 “客服和客户至少有一个回合的对话”).
/// </summary>
public enum MessageSender
{
    Visitor,
    Agent,
    System,
}
