using System.Runtime.CompilerServices;
using CustomerService.Domain.Common;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CustomerService.Web.Infrastructure;

/// <summary>
/// Every answer under <c>/api</c> is an RFC 7807 problem with a localized detail (SPEC N2, N4), including the ones
/// ASP.NET Core gives without a body, and a request routing has already rejected never reaches authorization.
/// <para>
/// Why before authorization: routing expresses “no such route” as no endpoint, and “wrong method” / “wrong body type” as
/// its own 405 / 415 endpoints that carry no metadata. The app's fallback policy (a signed-in account for everything not
/// marked anonymous) applies to all three, so each became a 401 challenge with an empty body — and the chat page, seeing
/// 401, throws its visitor token away. A 401 must mean a missing or wrong credential only.
/// </para>
/// </summary>
public static class ApiRequestProblems
{
    /// <summary>Call after routing, CORS and request localization, before authentication and authorization.</summary>
    public static IApplicationBuilder UseApiRequestProblems(this IApplicationBuilder app) =>
        app.UseWhen(
            http => http.Request.Path.StartsWithSegments("/api"),
            api => api.UseStatusCodePages(context => WriteProblemAsync(context.HttpContext)).Use(AnswerRoutingRejectionsAsync));

    private static Task AnswerRoutingRejectionsAsync(HttpContext http, RequestDelegate next) => http.GetEndpoint() switch
    {
        RouteEndpoint => next(http),
        // Routing's own 405 (it sets Allow) or 415 endpoint: run it here, the status-code page adds the problem body.
        { RequestDelegate: { } rejection } => rejection(http),
        _ => NotFoundOrWrongMethod(http),
    };

    /// <summary>
    /// No endpoint at all. Usually no route, but a GET can also end here when an API route exists for other methods:
    /// a framework GET endpoint whose constraint fails later took routing's 405 away. The API's own routes decide.
    /// </summary>
    private static Task NotFoundOrWrongMethod(HttpContext http)
    {
        var allowed = ApiRouteTable.For(http.RequestServices.GetRequiredService<EndpointDataSource>()).MethodsFor(http.Request.Path);
        if (allowed.Count == 0)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        http.Response.Headers.Allow = string.Join(", ", allowed);
        return Task.CompletedTask;
    }

    /// <summary>The <c>/api</c> routes with the methods each accepts, built once per app.</summary>
    private sealed class ApiRouteTable
    {
        private static readonly ConditionalWeakTable<EndpointDataSource, ApiRouteTable> Tables = new();
        private readonly List<(RoutePattern Pattern, IReadOnlyList<string> Methods)> _routes;

        private ApiRouteTable(EndpointDataSource endpoints) =>
            _routes = [.. endpoints.Endpoints.OfType<RouteEndpoint>()
                .Where(endpoint => endpoint.RoutePattern.PathSegments is [{ Parts: [RoutePatternLiteralPart { Content: "api" }] }, ..])
                .Select(endpoint => (endpoint.RoutePattern, endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))];

        public static ApiRouteTable For(EndpointDataSource endpoints) => Tables.GetValue(endpoints, source => new ApiRouteTable(source));

        public IReadOnlyList<string> MethodsFor(PathString path)
        {
            var segments = (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
            return [.. _routes.Where(route => Matches(route.Pattern, segments)).SelectMany(route => route.Methods).Distinct().Order(StringComparer.Ordinal)];
        }

        /// <summary>
        /// Literal segments must be equal, a parameter takes any segment (a bad id is its route's 400, not a 405). The
        /// API has no optional or catch-all parameters, so the segment counts must agree.
        /// </summary>
        private static bool Matches(RoutePattern pattern, string[] segments) =>
            pattern.PathSegments.Count == segments.Length
            && pattern.PathSegments.Select((segment, i) => segment.Parts is not [RoutePatternLiteralPart literal]
                || string.Equals(literal.Content, segments[i], StringComparison.OrdinalIgnoreCase)).All(match => match);
    }

    /// <summary>The body of an error answer that has none yet (status-code pages call this only then).</summary>
    private static Task WriteProblemAsync(HttpContext http)
    {
        var status = http.Response.StatusCode;
        var violation = status switch
        {
            StatusCodes.Status400BadRequest => new RuleViolation("RequestMalformed"),
            StatusCodes.Status401Unauthorized => new RuleViolation("Unauthorized"),
            StatusCodes.Status403Forbidden => new RuleViolation("Forbidden"),
            StatusCodes.Status404NotFound => new RuleViolation("ApiRouteNotFound", http.Request.Method, http.Request.Path.Value ?? string.Empty),
            StatusCodes.Status405MethodNotAllowed => new RuleViolation("MethodNotAllowed", http.Request.Method, http.Response.Headers.Allow.ToString()),
            StatusCodes.Status415UnsupportedMediaType => new RuleViolation("UnsupportedMediaType", http.Request.ContentType ?? string.Empty),
            _ => new RuleViolation("RequestFailed", status),
        };
        var detail = http.RequestServices.GetRequiredService<ViolationText>().Describe(violation);
        return Results.Problem(detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = violation.Code }).ExecuteAsync(http);
    }
}
