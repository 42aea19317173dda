using System.ComponentModel;
using CustomerService.Web.Features.Visitors.Api;
using CustomerService.Web.Localization;

namespace CustomerService.Web.Features.Crm.Api;

/// <summary>The body of <c>PUT /api/v1/customers/{userId}</c> (SPEC N4).</summary>
[Description("A customer of the merchant, for the CRM.")]
public sealed record CustomerBody(
    [property: Description("Name, at most 32 characters. Omit to keep the stored one.")] string? Name,
    [property: Description("Phone: digits, spaces, - and a leading +, 5 to 20 characters. Omit to keep the stored one.")] string? Phone,
    [property: Description("E-mail address, at most 254 characters. Omit to keep the stored one.")] string? Email,
    [property: Description("Star level 1 to 5. Omit to keep the stored one.")] int? Star,
    [property: Description("Custom fields by name (SPEC J3): text; number; date yyyy-MM-dd; a single choice's option; a multiple choice's options separated by ';'. null clears a field; fields left out keep their value. Required fields must be given for a new customer.")] Dictionary<string, string?>? Fields);

/// <summary>The stored customer, as answered to the merchant.</summary>
[Description("The stored customer.")]
public sealed record CustomerAnswer(
    [property: Description("The CRM's id of the customer.")] long Id,
    [property: Description("The merchant's user id.")] string UserId,
    [property: Description("Name.")] string? Name,
    [property: Description("Phone.")] string? Phone,
    [property: Description("E-mail.")] string? Email,
    [property: Description("Star level 1 to 5; null when none.")] int? Star,
    [property: Description("Custom fields by name, multiple choices separated by ';'.")] IReadOnlyDictionary<string, string> Fields,
    [property: Description("false when the same body was sent before and nothing changed.")] bool Changed);

/// <summary><c>PUT /api/v1/customers/{userId}</c>: upsert into the CRM by the merchant's user id (SPEC N4, J6).</summary>
public static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomers(this RouteGroupBuilder api)
    {
        api.MapPut("/customers/{userId}", PutAsync)
            .WithTags("Customers")
            .WithSummary("Create or update a CRM customer (upsert by user id)")
            .WithDescription("userId is the merchant's user id the widget signs (SPEC E1): a visitor signed in with it is recognised as this customer in the console. Fields left out keep their stored value; the same body twice changes nothing (changed: false). A new customer has no owner (未分配) until an admin assigns him. 201 when created, 200 otherwise; 400 with field errors (RFC 7807), nothing changed.");
        return api;
    }

    private static async Task<IResult> PutAsync(
        [Description("The merchant's user id, at most 64 characters.")] string userId, CustomerBody? body, CustomerApiIntake intake, ViolationText text,
        CancellationToken cancellationToken)
    {
        var push = new CustomerPush(userId, body?.Name, body?.Phone, body?.Email, body?.Star, body?.Fields);
        var result = await intake.UpsertAsync(push, cancellationToken);
        if (result.Problems.Count > 0)
        {
            return ApiProblems.Invalid(result.Problems.ToList(), text);
        }

        var customer = result.Customer!;
        var fields = result.Fields.ToDictionary(f => f.Key, f => f.Value.Replace('\n', ';'));
        var answer = new CustomerAnswer(customer.Id, customer.UserId!, customer.Name, customer.Phone, customer.Email, customer.Star, fields, result.Changed);
        return result.Created ? TypedResults.Created($"/api/v1/customers/{Uri.EscapeDataString(customer.UserId!)}", answer) : TypedResults.Ok(answer);
    }
}
