using CustomerService.Domain.Common;
using CustomerService.Domain.Reporting;

namespace CustomerService.Domain.Orders;

/// <summary>
/// A merchant's order pushed through the integration API (SPEC I5, N4), and its attribution to the consultations of the
/// same signed user (SPEC I0 Orders). Orders link to visitors only through <see cref="UserId"/> (SPEC E1).
/// </summary>
public class Order
{
    private List<int> _assistingAgentIds = [];

    private Order()
    {
        OrderId = UserId = string.Empty;
    }

    private Order(string orderId)
    {
        OrderId = orderId;
        UserId = string.Empty;
    }

    public string OrderId { get; private set; }
    public string UserId { get; private set; }
    public decimal Amount { get; private set; }
    public DateTime PlacedAt { get; private set; }
    public DateTime? PaidAt { get; private set; }
    public OrderStatus Status { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public OrderType Type { get; private set; }

    /// <summary>The conversation the order is credited to: the latest valid one before it (after it, for 咨询前下单).</summary>
    public long? AttributedConversationId { get; private set; }

    /// <summary>When the attributed conversation was requested: the base of 24小时 / 当天 / 3天内订单.</summary>
    public DateTime? AttributedRequestedAt { get; private set; }

    public int? AttributedReceptionGroupId { get; private set; }

    /// <summary>下单客服.</summary>
    public int? OrderAgentId { get; private set; }

    /// <summary>协助下单客服, sorted.</summary>
    public IReadOnlyList<int> AssistingAgentIds => _assistingAgentIds;

    public bool IsCancelled => Status == OrderStatus.Cancelled;

    /// <summary>A new order from checked input (<see cref="OrderInput.Check"/> returned nothing).</summary>
    public static Order Place(string orderId, OrderInput input, DateTime now)
    {
        var order = new Order(orderId) { ReceivedAt = now };
        order.Apply(input, now);
        return order;
    }

    /// <summary>Takes the pushed values; false when they are what is stored already (the same body twice changes nothing).</summary>
    public bool Apply(OrderInput input, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Check(now) is [var first, ..])
        {
            throw new RuleViolationException(first.Violation);
        }

        var userId = input.UserId!.Trim();
        var amount = input.Amount!.Value;
        var placedAt = input.PlacedAt!.Value.UtcDateTime;
        var paidAt = input.PaidAt?.UtcDateTime;
        var status = input.EffectiveStatus;
        if (userId == UserId && amount == Amount && placedAt == PlacedAt && paidAt == PaidAt && status == Status)
        {
            return false;
        }

        UserId = userId;
        Amount = amount;
        PlacedAt = placedAt;
        PaidAt = paidAt;
        Status = status;
        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// Stores a (re)computed attribution with the reception group of the attributed conversation (its figures land in
    /// that group); false when nothing changed.
    /// </summary>
    public bool Attribute(OrderAttributionResult result, int? receptionGroupId)
    {
        ArgumentNullException.ThrowIfNull(result);
        var assisting = result.AssistingAgentIds.Distinct().Order().ToList();
        if (Type == result.Type && AttributedConversationId == result.ConversationId && OrderAgentId == result.OrderAgentId
            && AttributedRequestedAt == result.AttributedRequestedAt && AttributedReceptionGroupId == receptionGroupId
            && assisting.SequenceEqual(_assistingAgentIds))
        {
            return false;
        }

        Type = result.Type;
        AttributedConversationId = result.ConversationId;
        AttributedRequestedAt = result.AttributedRequestedAt;
        AttributedReceptionGroupId = receptionGroupId;
        OrderAgentId = result.OrderAgentId;
        _assistingAgentIds = assisting;
        return true;
    }
}
