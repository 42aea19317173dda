using CustomerService.Domain.Common;
using CustomerService.Domain.Orders;
using CustomerService.Domain.Reporting;

namespace CustomerService.Tests.Domain.Orders;

/// <summary>SPEC I0 Orders / N4: an order keeps what was pushed, tells whether anything changed, and stores its attribution.</summary>
public sealed class OrderTests
{
    private static readonly DateTime Now = new(2026, 1, 5, 4, 0, 0, DateTimeKind.Utc);
    private static readonly DateTimeOffset Placed = new(2026, 1, 5, 11, 0, 0, TimeSpan.FromHours(8));

    private static OrderInput Input => new("SO-1", " user-1 ", 199.50m, Placed, null, "placed");

    [Fact]
    public void A_placed_order_stores_the_pushed_values_in_utc_with_a_trimmed_user()
    {
        var order = Order.Place("SO-1", Input, Now);

        Assert.Equal(("SO-1", "user-1", 199.50m, Placed.UtcDateTime, (DateTime?)null, OrderStatus.Placed), (order.OrderId, order.UserId, order.Amount, order.PlacedAt, order.PaidAt, order.Status));
        Assert.Equal(DateTimeKind.Utc, order.PlacedAt.Kind);
        Assert.Equal((Now, Now), (order.ReceivedAt, order.UpdatedAt));
        Assert.Equal((OrderType.None, (int?)null, (long?)null), (order.Type, order.OrderAgentId, order.AttributedConversationId));
        Assert.Empty(order.AssistingAgentIds);
        Assert.False(order.IsCancelled);
    }

    [Fact]
    public void The_same_values_again_change_nothing_not_even_the_update_time()
    {
        var order = Order.Place("SO-1", Input, Now);

        Assert.False(order.Apply(Input with { UserId = "user-1" }, Now.AddMinutes(1)));
        Assert.Equal(Now, order.UpdatedAt);
    }

    [Theory]
    [InlineData("user", null)]
    [InlineData("amount", null)]
    [InlineData("placedAt", null)]
    [InlineData("paidAt", null)]
    [InlineData("status", null)]
    public void Any_changed_value_is_stored_with_the_update_time(string field, object? unused)
    {
        _ = unused;
        var order = Order.Place("SO-1", Input, Now);
        var changed = field switch
        {
            "user" => Input with { UserId = "user-2" },
            "amount" => Input with { Amount = 199.51m },
            "placedAt" => Input with { PlacedAt = Placed.AddSeconds(-1) },
            "paidAt" => Input with { PaidAt = Placed.AddMinutes(3) },
            _ => Input with { Status = "cancelled" },
        };

        Assert.True(order.Apply(changed, Now.AddMinutes(1)));
        Assert.Equal(Now.AddMinutes(1), order.UpdatedAt);
        Assert.Equal(Now, order.ReceivedAt);
    }

    [Fact]
    public void A_cancelled_order_says_so()
    {
        var order = Order.Place("SO-1", Input with { Status = "cancelled" }, Now);

        Assert.Equal((OrderStatus.Cancelled, true), (order.Status, order.IsCancelled));
    }

    [Fact]
    public void Refused_input_throws_its_first_rule_and_changes_nothing()
    {
        var order = Order.Place("SO-1", Input, Now);

        var refused = Assert.Throws<RuleViolationException>(() => order.Apply(Input with { Amount = -1m, Status = "x" }, Now));

        Assert.Equal("OrderAmountNegative", refused.Violation.Code);
        Assert.Equal(199.50m, order.Amount);
        Assert.Throws<ArgumentNullException>(() => order.Apply(null!, Now));
    }

    [Fact]
    public void An_attribution_is_stored_with_its_group_and_sorted_distinct_assistants()
    {
        var order = Order.Place("SO-1", Input, Now);
        var requested = Now.AddDays(-1);
        var result = new OrderAttributionResult(OrderType.AfterConsultation, 42, 7, [9, 3, 9], requested);

        Assert.True(order.Attribute(result, 5));

        Assert.Equal((OrderType.AfterConsultation, (long?)42, (int?)7, (DateTime?)requested, (int?)5), (order.Type, order.AttributedConversationId, order.OrderAgentId, order.AttributedRequestedAt, order.AttributedReceptionGroupId));
        Assert.Equal([3, 9], order.AssistingAgentIds);
    }

    [Fact]
    public void The_same_attribution_again_is_no_change_and_any_difference_is_one()
    {
        var requested = Now.AddDays(-1);
        var result = new OrderAttributionResult(OrderType.AfterConsultation, 42, 7, [3, 9], requested);
        var order = Order.Place("SO-1", Input, Now);
        order.Attribute(result, 5);

        Assert.False(order.Attribute(result with { AssistingAgentIds = [9, 3] }, 5));
        Assert.True(Fresh(result).Attribute(result with { Type = OrderType.BeforeConsultation }, 5));
        Assert.True(Fresh(result).Attribute(result with { ConversationId = 43 }, 5));
        Assert.True(Fresh(result).Attribute(result with { OrderAgentId = 8 }, 5));
        Assert.True(Fresh(result).Attribute(result with { AttributedRequestedAt = requested.AddSeconds(1) }, 5));
        Assert.True(Fresh(result).Attribute(result with { AssistingAgentIds = [3] }, 5));
        Assert.True(Fresh(result).Attribute(result, 6));
        Assert.Throws<ArgumentNullException>(() => order.Attribute(null!, 5));

        Order Fresh(OrderAttributionResult first)
        {
            var fresh = Order.Place("SO-1", Input, Now);
            fresh.Attribute(first, 5);
            return fresh;
        }
    }
}
