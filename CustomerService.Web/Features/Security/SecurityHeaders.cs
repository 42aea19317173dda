using Microsoft.Net.Http.Headers;

namespace CustomerService.Web.Features.Security;

/// <summary>
/// Headers every response carries (SPEC M): <c>X-Content-Type-Options: nosniff</c>, so a browser never guesses a type
/// (an upload or a JSON body is never run as script), and <c>Referrer-Policy: strict-origin-when-cross-origin</c>, so
/// console URLs with conversation and visitor ids do not leak to other sites in full.
/// </summary>
public static class SecurityHeaders
{
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>
    /// First in the pipeline; set when the response starts, because the exception handler and problem responses clear
    /// the headers set before them, and static files and pages finish their responses on their own.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                http.Response.Headers["Referrer-Policy"] = ReferrerPolicy;
                return Task.CompletedTask;
            });
            return next(http);
        });
}
