using CustomerService.Domain.Conversations;

namespace CustomerService.Domain.Reporting;

/// <summary>
/// A conversation that reached an agent (SPEC I0 咨询总量), as the loader reads it. <see cref="AgentId"/> is the agent
/// responsible when it ended (or now, while open): SPEC I0 credits conversation figures to him, after transfers.
/// <see cref="Evaluation"/> is the conversation's best rating (D9); <see cref="Purchased"/> (已购买咨询, 售前咨询) and
/// <see cref="AfterSale"/> (售后咨询) are decided by the loader with <see cref="OrderAttribution.IsPurchased"/> and
/// <see cref="OrderAttribution.IsAfterSale"/>; the rollup counts them for valid conversations only. All times are UTC.
/// </summary>
public sealed record ConsultationFact(
    long ConversationId,
    long VisitorId,
    string? UserId,
    int ReceptionGroupId,
    int AgentId,
    DateTime RequestedAt,
    DateTime AssignedAt,
    DateTime? EndedAt,
    DateTime? FirstVisitorMessageAt,
    int VisitorMessages,
    int AgentMessages,
    EvaluationLevel? Evaluation,
    bool? Solved,
    bool Summarized,
    bool Purchased,
    bool AfterSale)
{
    /// <summary>有效咨询 (SPEC I0): the visitor and an agent each sent at least one non-system message.</summary>
    public bool Valid => ConsultationClassifier.Classify(VisitorMessages, AgentMessages) == ConsultationValidity.Valid;

    /// <summary>The visitor sent at least one message: the denominator of 30秒应答率 (SPEC I0, seed 003).</summary>
    public bool VisitorSpoke => VisitorMessages > 0;

    /// <summary>
    /// SPEC I0: a user is the signed user id when the visitor carries one, else the visitor. The prefixes keep a visitor
    /// id from ever equalling a signed id, so distinct counts (有效咨询用户) can use this key directly.
    /// </summary>
    public string UserKey => UserKeyOf(UserId, VisitorId);

    /// <summary>The user key of a visitor who carries <paramref name="userId"/> (or none): the one rule for distinct users.</summary>
    public static string UserKeyOf(string? userId, long visitorId) => userId is null ? $"visitor:{visitorId}" : $"user:{userId}";

    /// <summary>平均咨询时长's term (SPEC I0): ended − assigned of a valid, ended conversation; otherwise null.</summary>
    public TimeSpan? Duration => Valid && EndedAt is { } ended ? ended - AssignedAt : null;

    /// <summary>
    /// 无效咨询 平均等待时间's term (SPEC I0): ended − first visitor message of an invalid, ended conversation in which the
    /// visitor spoke; otherwise null. The same value feeds <see cref="RecoverableConsultations.Count"/>.
    /// </summary>
    public TimeSpan? InvalidWait =>
        !Valid && EndedAt is { } ended && FirstVisitorMessageAt is { } spoke ? ended - spoke : null;
}

/// <summary>One agent answer (from <see cref="ResponseFact"/>): credited to the responder, SPEC I0.</summary>
public sealed record ResponseSample(long ConversationId, int AgentId, long Milliseconds, bool IsFirst);

/// <summary>A transfer the agent initiated (转接咨询, accepted or not), counted in the conversation's hour and group.</summary>
public sealed record TransferSample(long ConversationId, int FromAgentId);

/// <summary>One stretch of an agent's status log; an open stretch (no end) runs until the moment of the query (SPEC I0).</summary>
public sealed record StatusSample(int AgentId, AgentStatus Status, DateTime StartedAt, DateTime? EndedAt);

/// <summary>A leave-message (留言), belonging to the period of its creation (SPEC I0).</summary>
public sealed record LeaveMessageSample(
    long Id,
    int ReceptionGroupId,
    int? ResponsibleAgentId,
    int? HandledByAgentId,
    DateTime CreatedAt,
    DateTime? HandledAt);

/// <summary>A request that entered a queue (排队分析); <see cref="Outcome"/> is null while it still waits.</summary>
public sealed record QueueSample(int ReceptionGroupId, DateTime EnteredAt, QueueOutcome? Outcome, DateTime? LeftAt);

/// <summary>A CRM customer an agent created from the console (添加CRM).</summary>
public sealed record CustomerAddedSample(int AgentId, DateTime CreatedAt);

/// <summary>
/// A non-cancelled order with its attribution (<see cref="OrderAttribution.Attribute"/>): <see cref="OrderAgentId"/> is
/// the 下单客服, <see cref="ReceptionGroupId"/> the group of the attributed conversation and
/// <see cref="AttributedRequestedAt"/> its request time. The loader drops cancelled orders (SPEC I0).
/// </summary>
public sealed record OrderSample(
    string OrderId,
    decimal Amount,
    DateTime PlacedAt,
    DateTime? PaidAt,
    OrderType Type,
    int? OrderAgentId,
    int? ReceptionGroupId,
    IReadOnlyList<int> AssistingAgentIds,
    DateTime? AttributedRequestedAt);

/// <summary>
/// One QC grade of a conversation (SPEC H2, I0): its effective points (the revision's after a revised dispute) out of
/// the possible points. The rollup averages a conversation's grades and credits the conversation's final agent.
/// </summary>
public sealed record QcGradeSample(long ConversationId, int Points, int Possible);

/// <summary>订单类型 (SPEC I0 Orders).</summary>
public enum OrderType
{
    /// <summary>No valid conversation of the user within the window on either side of the order.</summary>
    None,

    /// <summary>咨询后下单: a 咨询订单 (a valid conversation in [T − window, T)).</summary>
    AfterConsultation,

    /// <summary>咨询前下单: no conversation before, but one in (T, T + window] (002 售后咨询).</summary>
    BeforeConsultation,
}

/// <summary>
/// Everything <see cref="DailyRollup.Roll"/> reads. The loader may pass more than one day; each rollup picks the facts
/// whose period-membership time falls in its day.
/// </summary>
public sealed class ReportFacts
{
    public IReadOnlyList<ConsultationFact> Consultations { get; init; } = [];
    public IReadOnlyList<ResponseSample> Responses { get; init; } = [];
    public IReadOnlyList<TransferSample> Transfers { get; init; } = [];
    public IReadOnlyList<StatusSample> Statuses { get; init; } = [];
    public IReadOnlyList<LeaveMessageSample> LeaveMessages { get; init; } = [];
    public IReadOnlyList<QueueSample> Queue { get; init; } = [];
    public IReadOnlyList<CustomerAddedSample> CustomersAdded { get; init; } = [];
    public IReadOnlyList<OrderSample> Orders { get; init; } = [];
    public IReadOnlyList<QcGradeSample> QcGrades { get; init; } = [];
}
