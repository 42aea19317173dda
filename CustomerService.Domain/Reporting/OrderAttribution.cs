namespace CustomerService.Domain.Reporting;

/// <summary>
/// One of the user's valid conversations: <see cref="AgentId"/> is the agent responsible when it ended,
/// <see cref="ParticipantAgentIds"/> every agent who took part (assigned, accepted a transfer, invited, barged in).
/// </summary>
public sealed record UserConsultation(
    long ConversationId,
    DateTime RequestedAt,
    int AgentId,
    IReadOnlyCollection<int> ParticipantAgentIds);

/// <summary>
/// An order's attribution. For a 咨询订单 (<see cref="OrderType.AfterConsultation"/>) the conversation is the latest valid
/// one before the order, <see cref="OrderAgentId"/> its agent (下单客服) and <see cref="AssistingAgentIds"/> the
/// 协助下单客服, distinct and ascending. For 咨询前下单 the conversation is the first one after the order and nobody is
/// credited (the figures count 咨询订单 only). For <see cref="OrderType.None"/> everything is empty.
/// </summary>
public sealed record OrderAttributionResult(
    OrderType Type,
    long? ConversationId,
    int? OrderAgentId,
    IReadOnlyList<int> AssistingAgentIds,
    DateTime? AttributedRequestedAt)
{
    public static OrderAttributionResult None { get; } = new(OrderType.None, null, null, [], null);
}

/// <summary>Order attribution, SPEC I0 Orders (002 订单绩效).</summary>
public static class OrderAttribution
{
    /// <summary>The default attribution window (a setting, SPEC I0 / K).</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(7);

    /// <summary>
    /// SPEC I0: an order of user U at T is a 咨询订单 when U had a valid conversation requested in [T − window, T); its
    /// 下单客服 is the agent of the latest such conversation; its 协助下单客服 are the agents of U's other such
    /// conversations requested after U's previous order (strictly before T), except every agent who took part in the
    /// latest one. Otherwise it is 咨询前下单 when U's valid conversation was requested in (T, T + window], else None.
    /// </summary>
    /// <param name="placedAt">T, the order's placed time.</param>
    /// <param name="validConsultations">The user's valid conversations (any order; others are ignored by time).</param>
    /// <param name="otherOrderTimes">Placed times of the user's other non-cancelled orders.</param>
    /// <param name="window">The attribution window (default 7 days).</param>
    public static OrderAttributionResult Attribute(
        DateTime placedAt,
        IReadOnlyList<UserConsultation> validConsultations,
        IReadOnlyList<DateTime> otherOrderTimes,
        TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(validConsultations);
        ArgumentNullException.ThrowIfNull(otherOrderTimes);

        var before = validConsultations
            .Where(c => c.RequestedAt >= placedAt - window && c.RequestedAt < placedAt)
            .OrderBy(c => c.RequestedAt)
            .ThenBy(c => c.ConversationId)
            .ToList();
        if (before.Count > 0)
        {
            var latest = before[^1];
            var previousOrder = otherOrderTimes.Where(t => t < placedAt).DefaultIfEmpty(DateTime.MinValue).Max();
            // "The other such conversations": the latest one's agent is excluded below with its participants.
            var assisting = before
                .Where(c => c.RequestedAt > previousOrder)
                .Select(c => c.AgentId)
                .Where(agent => agent != latest.AgentId && !latest.ParticipantAgentIds.Contains(agent))
                .Distinct()
                .Order()
                .ToList();
            return new OrderAttributionResult(
                OrderType.AfterConsultation, latest.ConversationId, latest.AgentId, assisting, latest.RequestedAt);
        }

        var after = validConsultations
            .Where(c => c.RequestedAt > placedAt && c.RequestedAt <= placedAt + window)
            .OrderBy(c => c.RequestedAt)
            .ThenBy(c => c.ConversationId)
            .FirstOrDefault();
        return after is null
            ? OrderAttributionResult.None
            : new OrderAttributionResult(OrderType.BeforeConsultation, after.ConversationId, null, [], after.RequestedAt);
    }

    /// <summary>
    /// 已购买咨询 (SPEC I0): a valid conversation requested at <paramref name="requestedAt"/> followed by a 咨询订单 of the
    /// same user placed in (requestedAt, requestedAt + window] — the mirror of the 咨询订单 rule, so both agree.
    /// </summary>
    /// <param name="consultationOrderTimes">Placed times of the user's 咨询订单.</param>
    public static bool IsPurchased(DateTime requestedAt, IReadOnlyList<DateTime> consultationOrderTimes, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(consultationOrderTimes);
        return consultationOrderTimes.Any(t => t > requestedAt && t <= requestedAt + window);
    }

    /// <summary>
    /// 售后咨询 (SPEC I0; seed 002 用户分析 “先下单再咨询”): a valid conversation requested at <paramref name="requestedAt"/>
    /// of a user who placed an order (any type, not cancelled) in [requestedAt − window, requestedAt).
    /// </summary>
    /// <param name="orderTimes">Placed times of the user's non-cancelled orders.</param>
    public static bool IsAfterSale(DateTime requestedAt, IReadOnlyList<DateTime> orderTimes, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(orderTimes);
        return orderTimes.Any(t => t >= requestedAt - window && t < requestedAt);
    }
}
