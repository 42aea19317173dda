namespace CustomerService.Domain.Conversations;

/// <summary>
/// One agent answer to a waiting visitor, written when it happens so KPIs (seed 002 首次响应时间, 平均响应时间) read
/// facts instead of re-scanning messages.
/// </summary>
public class ResponseFact
{
    private ResponseFact()
    {
    }

    public ResponseFact(long conversationId, int agentId, CompletedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        ConversationId = conversationId;
        AgentId = agentId;
        AskedAt = response.AskedAt;
        AnsweredAt = response.AnsweredAt;
        ResponseMilliseconds = (long)(response.AnsweredAt - response.AskedAt).TotalMilliseconds;
        IsFirst = response.IsFirst;
    }

    public long Id { get; private set; }
    public long ConversationId { get; private set; }
    public int AgentId { get; private set; }
    public DateTime AskedAt { get; private set; }
    public DateTime AnsweredAt { get; private set; }
    public long ResponseMilliseconds { get; private set; }
    public bool IsFirst { get; private set; }
}
