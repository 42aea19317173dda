using System.Globalization;
using CustomerService.Domain.Common;

namespace CustomerService.Domain.Orders;

/// <summary>A refused field of an input, named as the caller sent it.</summary>
public sealed record FieldViolation(string Field, RuleViolation Violation);

/// <summary>
/// An order as the merchant's system pushes it (SPEC N4 <c>PUT /api/v1/orders/{orderId}</c>), before it is checked.
/// Times carry their offset; <see cref="Check"/> turns the input into an order or lists every refused field.
/// </summary>
public sealed record OrderInput(string? OrderId, string? UserId, decimal? Amount, DateTimeOffset? PlacedAt, DateTimeOffset? PaidAt, string? Status)
{
    public const int OrderIdMaxLength = 64;

    /// <summary>Clocks of the merchant's servers drift; an order placed further ahead than this is a wrong timestamp.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Every refused field, or none when the order may be stored.</summary>
    public IReadOnlyList<FieldViolation> Check(DateTime now)
    {
        var problems = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(OrderId))
        {
            problems.Add(new("orderId", new RuleViolation("Required", "orderId")));
        }
        else if (OrderId.Length > OrderIdMaxLength || InputText.HasForbiddenControlCharacter(OrderId))
        {
            problems.Add(new("orderId", new RuleViolation("TooLong", "orderId", OrderIdMaxLength)));
        }

        if (string.IsNullOrWhiteSpace(UserId))
        {
            problems.Add(new("userId", new RuleViolation("Required", "userId")));
        }
        else if (InputText.Check("userId", UserId, InputLimits.ExternalUserId) is { } userIdProblem)
        {
            problems.Add(new("userId", userIdProblem));
        }

        if (Amount is not { } amount)
        {
            problems.Add(new("amount", new RuleViolation("Required", "amount")));
        }
        else if (amount < 0)
        {
            problems.Add(new("amount", new RuleViolation("OrderAmountNegative")));
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            problems.Add(new("amount", new RuleViolation("OrderAmountDecimals", 2)));
        }
        else if (amount > MaxAmount)
        {
            problems.Add(new("amount", new RuleViolation("OrderAmountTooLarge", MaxAmount.ToString(CultureInfo.InvariantCulture))));
        }

        if (PlacedAt is not { } placedAt)
        {
            problems.Add(new("placedAt", new RuleViolation("Required", "placedAt")));
        }
        else if (placedAt.UtcDateTime > now + FutureTolerance)
        {
            problems.Add(new("placedAt", new RuleViolation("OrderPlacedInFuture")));
        }

        if (PaidAt is { } paidAt && PlacedAt is { } placed && paidAt < placed)
        {
            problems.Add(new("paidAt", new RuleViolation("OrderPaidBeforePlaced")));
        }
        else if (PaidAt is { } paid && paid.UtcDateTime > now + FutureTolerance)
        {
            problems.Add(new("paidAt", new RuleViolation("OrderPaidInFuture")));
        }

        var status = ParseStatus(Status);
        if (status is null)
        {
            problems.Add(new("status", new RuleViolation("OrderStatusUnknown", Status ?? string.Empty)));
        }
        else if (status == OrderStatus.Paid && PaidAt is null)
        {
            problems.Add(new("paidAt", new RuleViolation("OrderPaidAtRequired")));
        }

        return problems;
    }

    /// <summary>The stored status: cancelled when said so, else paid once a paid time is known.</summary>
    public OrderStatus EffectiveStatus =>
        ParseStatus(Status) == OrderStatus.Cancelled ? OrderStatus.Cancelled
        : PaidAt is not null ? OrderStatus.Paid
        : OrderStatus.Placed;

    /// <summary>The column holds 18 digits with 2 decimals.</summary>
    public const decimal MaxAmount = 9_999_999_999_999_999.99m;

    private static OrderStatus? ParseStatus(string? status) => status switch
    {
        null or "placed" => OrderStatus.Placed,
        "paid" => OrderStatus.Paid,
        "cancelled" => OrderStatus.Cancelled,
        _ => null,
    };
}
