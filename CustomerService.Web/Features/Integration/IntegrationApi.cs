using CustomerService.Web.Features.Crm.Api;
using CustomerService.Web.Features.Integration.Authentication;
using CustomerService.Web.Features.Integration.Conversations;
using CustomerService.Web.Features.Integration.OpenApi;
using CustomerService.Web.Features.Reporting.Api;
using CustomerService.Web.Features.Visitors.Api;
using Scalar.AspNetCore;

namespace CustomerService.Web.Features.Integration;

/// <summary>
/// The integration API for the merchant's systems (SPEC L, N4): every route under <c>/api/v1</c> needs an active
/// <c>X-Api-Key</c> (<see cref="ApiKeyAuthenticationHandler"/>), is rate limited per key, answers errors as RFC 7807
/// problems (<see cref="FieldErrors"/> for 400s) and is described in <c>/openapi/v1.json</c>.
/// </summary>
public static class IntegrationApi
{
    public const string RoutePrefix = "/api/v1";

    /// <summary>Rate limit policy: <see cref="IntegrationApiOptions.RequestsPerMinute"/> per API key.</summary>
    public const string RateLimitPolicy = "integration-api";

    public const string ReferencePath = "/api-reference";

    public static IEndpointRouteBuilder MapIntegrationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(RoutePrefix)
            .RequireAuthorization(ApiKeyAuthentication.Policy)
            .RequireRateLimiting(RateLimitPolicy)
            // Callers are servers with a key, not browsers with a cookie: nothing to forge.
            .DisableAntiforgery()
            .AddEndpointFilter<RuleViolationFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        // One line per module of the API.
        api.MapConversationReads();
        api.MapOrders();
        api.MapCustomers();
        api.MapReports();

        // The description and its reference page are public: they hold no data, and a developer reads them before he has a key.
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(ReferencePath, options => options
                .WithTitle("客服系统 CustomerService API v1")
                .AddDocument(IntegrationOpenApi.DocumentName, routePattern: "/openapi/{documentName}.json")
                .AddPreferredSecuritySchemes(IntegrationOpenApi.SecuritySchemeName)
                // Offline and private: the script is served from the app's own assembly; no fonts from a CDN, no
                // telemetry, no AI chat, no request proxy.
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                // Its toolbar offers Scalar's cloud (share, deploy, SDKs): nothing for a merchant, and nothing that works offline.
                .HideDeveloperTools())
            .AllowAnonymous();
        return app;
    }
}
