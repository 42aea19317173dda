namespace CustomerService.Domain.Conversations;

/// <summary>Where a queued request went (SPEC D3; seed 002 排队分析 进入咨询 / 进入留言 / 放弃).</summary>
public enum QueueOutcome
{
    Served,
    LeftMessage,
    Abandoned,
}
