namespace CustomerService.Domain.Conversations;

/// <summary>
/// A stretch of time an agent spent in one status (SPEC D1). Work-hours KPIs (seed 002 在线时长, 忙碌时长, 离开时长,
/// 登录时长) sum these; the open period of an agent has no <see cref="EndedAt"/>.
/// </summary>
public class AgentStatusPeriod
{
    private AgentStatusPeriod()
    {
    }

    public AgentStatusPeriod(int agentId, AgentStatus status, DateTime startedAt)
    {
        AgentId = agentId;
        Status = status;
        StartedAt = startedAt;
    }

    public long Id { get; private set; }
    public int AgentId { get; private set; }
    public AgentStatus Status { get; private set; }
    public DateTime StartedAt { get; private set; }
    public DateTime? EndedAt { get; private set; }

    public void Close(DateTime now) => EndedAt ??= now < StartedAt ? StartedAt : now;
}
