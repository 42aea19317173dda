using CustomerService.Domain.Orders;

namespace CustomerService.Tests.Domain.Orders;

/// <summary>SPEC N4 order body rules (issue 10 "Bad input"): every refused field is listed, with its rule.</summary>
public sealed class OrderInputTests
{
    private static readonly DateTime Now = new(2026, 1, 5, 4, 0, 0, DateTimeKind.Utc);
    private static readonly DateTimeOffset Placed = new(2026, 1, 5, 11, 0, 0, TimeSpan.FromHours(8));

    private static OrderInput Valid => new("SO-1", "user-1", 199.00m, Placed, null, null);

    private static IEnumerable<(string, string)> Problems(OrderInput input) =>
        input.Check(Now).Select(p => (p.Field, p.Violation.ToString()));

    [Fact]
    public void A_complete_order_has_no_problem() => Assert.Empty(Valid.Check(Now));

    [Fact]
    public void Missing_fields_are_each_required()
    {
        var problems = Problems(new OrderInput(null, null, null, null, null, null));

        Assert.Equal(
            [("orderId", "Required(orderId)"), ("userId", "Required(userId)"), ("amount", "Required(amount)"), ("placedAt", "Required(placedAt)")],
            problems);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("")]
    public void A_blank_order_id_or_user_is_required(string blank)
    {
        Assert.Equal([("orderId", "Required(orderId)"), ("userId", "Required(userId)")], Problems(Valid with { OrderId = blank, UserId = blank }));
    }

    [Fact]
    public void An_order_id_of_64_characters_is_accepted_and_65_refused()
    {
        Assert.Empty(Problems(Valid with { OrderId = new string('a', 64) }));
        Assert.Equal([("orderId", "TooLong(orderId, 64)")], Problems(Valid with { OrderId = new string('a', 65) }));
        Assert.Equal([("orderId", "TooLong(orderId, 64)")], Problems(Valid with { OrderId = "SO\u0007" }));
    }

    [Fact]
    public void A_user_id_over_64_characters_or_with_control_characters_is_refused()
    {
        Assert.Empty(Problems(Valid with { UserId = new string('u', 64) }));
        Assert.Equal([("userId", "TooLong(userId, 64)")], Problems(Valid with { UserId = new string('u', 65) }));
        Assert.Equal([("userId", "ControlCharacters(userId)")], Problems(Valid with { UserId = "u\r1" }));
    }

    [Theory]
    [InlineData("0", null)]
    [InlineData("0.01", null)]
    [InlineData("-0.01", "OrderAmountNegative")]
    [InlineData("1.005", "OrderAmountDecimals(2)")]
    [InlineData("9999999999999999.99", null)]
    [InlineData("10000000000000000.00", "OrderAmountTooLarge(9999999999999999.99)")]
    public void The_amount_is_not_negative_has_two_decimals_and_fits_the_column(string amount, string? problem)
    {
        var problems = Problems(Valid with { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(problem is null ? [] : [("amount", problem)], problems);
    }

    [Fact]
    public void Placed_up_to_five_minutes_ahead_is_clock_drift_and_later_is_refused()
    {
        var now = new DateTimeOffset(Now);
        Assert.Empty(Problems(Valid with { PlacedAt = now.AddMinutes(5) }));
        Assert.Equal([("placedAt", "OrderPlacedInFuture")], Problems(Valid with { PlacedAt = now.AddMinutes(5).AddSeconds(1) }));
    }

    [Fact]
    public void Paid_before_placed_or_far_ahead_is_refused_and_paid_at_placing_is_fine()
    {
        Assert.Empty(Problems(Valid with { PaidAt = Placed }));
        Assert.Equal([("paidAt", "OrderPaidBeforePlaced")], Problems(Valid with { PaidAt = Placed.AddSeconds(-1) }));
        Assert.Equal([("paidAt", "OrderPaidInFuture")], Problems(Valid with { PaidAt = new DateTimeOffset(Now).AddMinutes(6) }));
        Assert.Empty(Problems(Valid with { PaidAt = new DateTimeOffset(Now).AddMinutes(5) }));
    }

    [Fact]
    public void A_paid_time_without_a_placed_time_is_only_the_placed_time_missing()
    {
        Assert.Equal([("placedAt", "Required(placedAt)")], Problems(Valid with { PlacedAt = null, PaidAt = Placed }));
    }

    [Theory]
    [InlineData(null, null, OrderStatus.Placed)]
    [InlineData("placed", null, OrderStatus.Placed)]
    [InlineData("placed", 1, OrderStatus.Paid)]
    [InlineData("paid", 1, OrderStatus.Paid)]
    [InlineData(null, 1, OrderStatus.Paid)]
    [InlineData("cancelled", 1, OrderStatus.Cancelled)]
    [InlineData("cancelled", null, OrderStatus.Cancelled)]
    public void The_stored_status_is_cancelled_when_said_else_paid_once_a_paid_time_is_known(string? status, int? paidMinutes, OrderStatus expected)
    {
        var input = Valid with { Status = status, PaidAt = paidMinutes is { } m ? Placed.AddMinutes(m) : null };

        Assert.Empty(input.Check(Now));
        Assert.Equal(expected, input.EffectiveStatus);
    }

    [Fact]
    public void An_unknown_status_and_paid_without_a_paid_time_are_refused()
    {
        Assert.Equal([("status", "OrderStatusUnknown(refunded)")], Problems(Valid with { Status = "refunded" }));
        Assert.Equal([("status", "OrderStatusUnknown(PAID)")], Problems(Valid with { Status = "PAID" }));
        Assert.Equal([("paidAt", "OrderPaidAtRequired")], Problems(Valid with { Status = "paid" }));
    }

    [Fact]
    public void An_unknown_status_is_paid_never_and_never_cancelled()
    {
        Assert.Equal(OrderStatus.Placed, (Valid with { Status = "refunded" }).EffectiveStatus);
    }
}
