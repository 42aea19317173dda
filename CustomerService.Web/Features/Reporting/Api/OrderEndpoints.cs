using System.ComponentModel;
using CustomerService.Domain.Orders;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting.Orders;
using CustomerService.Web.Localization;

namespace CustomerService.Web.Features.Reporting.Api;

/// <summary>The body of <c>PUT /api/v1/orders/{orderId}</c> (SPEC N4); times are ISO 8601 with an offset.</summary>
[Description("An order of the merchant's shop.")]
public sealed record OrderBody(
    [property: Description("The merchant's user id the widget signs (SPEC E1); orders link to conversations only through it. Required, at most 64 characters.")] string? UserId,
    [property: Description("Order amount, ≥ 0, at most 2 decimals. Required.")] decimal? Amount,
    [property: Description("When the order was placed, ISO 8601 with an offset; not more than 5 minutes in the future. Required.")] DateTimeOffset? PlacedAt,
    [property: Description("When it was paid, ISO 8601 with an offset; not before placedAt. Omit while unpaid.")] DateTimeOffset? PaidAt,
    [property: Description("placed, paid or cancelled (a cancelled order leaves every figure). Default placed.")] string? Status);

/// <summary>The stored order and its attribution, as answered to the merchant.</summary>
[Description("The stored order and its attribution.")]
public sealed record OrderAnswer(
    [property: Description("The merchant's order id.")] string OrderId,
    [property: Description("The merchant's user id.")] string UserId,
    [property: Description("Order amount.")] decimal Amount,
    [property: Description("When it was placed (UTC).")] DateTime PlacedAt,
    [property: Description("When it was paid (UTC); null while unpaid.")] DateTime? PaidAt,
    [property: Description("placed, paid or cancelled.")] string Status,
    [property: Description("afterConsultation (咨询后下单), beforeConsultation (咨询前下单) or none.")] string Type,
    [property: Description("The conversation the order is attributed to; null when none.")] long? ConversationId,
    [property: Description("false when the same body was sent before and nothing changed.")] bool Changed);

/// <summary><c>PUT /api/v1/orders/{orderId}</c>: upsert, attributed at once (SPEC I5, N4).</summary>
public static class OrderEndpoints
{
    public static RouteGroupBuilder MapOrders(this RouteGroupBuilder api)
    {
        api.MapPut("/orders/{orderId}", PutAsync)
            .WithTags("Orders")
            .WithSummary("Create or update an order (upsert by order id)")
            .WithDescription("userId is the merchant's user id the widget signs (SPEC E1): orders link to visitors only through it. amount ≥ 0 with at most 2 decimals; placedAt not more than 5 minutes in the future; paidAt not before placedAt; status placed / paid / cancelled (a cancelled order leaves every figure). The same body twice changes nothing (changed: false). 201 when created, 200 otherwise.");
        return api;
    }

    private static async Task<IResult> PutAsync(
        [Description("The merchant's order id, at most 64 characters.")] string orderId, OrderBody? body, OrderIntake intake, ViolationText text, CancellationToken cancellationToken)
    {
        var input = new OrderInput(orderId, body?.UserId, body?.Amount, body?.PlacedAt, body?.PaidAt, body?.Status);
        var result = await intake.UpsertAsync(input, cancellationToken);
        if (result.Problems.Count > 0)
        {
            return ReportEndpoints.Problems(result.Problems.Select(p => (p.Field, p.Violation)), text);
        }

        var order = result.Order!;
        var answer = new OrderAnswer(
            order.OrderId, order.UserId, order.Amount, order.PlacedAt, order.PaidAt, order.Status.ToString().ToLowerInvariant(),
            OrderTypeName.Of(order.Type),
            order.AttributedConversationId, result.Changed);
        return result.Created ? TypedResults.Created($"/api/v1/orders/{Uri.EscapeDataString(order.OrderId)}", answer) : TypedResults.Ok(answer);
    }
}
