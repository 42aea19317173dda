using CustomerService.Domain.Orders;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting.Orders;
using CustomerService.Web.Localization;

namespace CustomerService.Web.Features.Reporting.Api;

/// <summary>The body of <c>PUT /api/v1/orders/{orderId}</c> (SPEC N4); times are ISO 8601 with an offset.</summary>
public sealed record OrderBody(string? UserId, decimal? Amount, DateTimeOffset? PlacedAt, DateTimeOffset? PaidAt, string? Status);

/// <summary>The stored order and its attribution, as answered to the merchant.</summary>
public sealed record OrderAnswer(
    string OrderId, string UserId, decimal Amount, DateTime PlacedAt, DateTime? PaidAt, string Status, string Type,
    long? ConversationId, bool Changed);

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

    private static async Task<IResult> PutAsync(string orderId, OrderBody? body, OrderIntake intake, ViolationText text, CancellationToken cancellationToken)
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
            order.Type switch
            {
                OrderType.AfterConsultation => "afterConsultation",
                OrderType.BeforeConsultation => "beforeConsultation",
                _ => "none",
            },
            order.AttributedConversationId, result.Changed);
        return result.Created ? TypedResults.Created($"/api/v1/orders/{Uri.EscapeDataString(order.OrderId)}", answer) : TypedResults.Ok(answer);
    }
}
