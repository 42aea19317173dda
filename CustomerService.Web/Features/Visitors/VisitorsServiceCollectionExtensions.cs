using System.Threading.RateLimiting;
using CustomerService.Web.Features.Visitors.Api;
using CustomerService.Web.Features.Visitors.Geo;
using CustomerService.Web.Localization;
using Microsoft.Extensions.Options;

namespace CustomerService.Web.Features.Visitors;

public static class VisitorsServiceCollectionExtensions
{
    /// <summary>The visitor API's services, its rate limits (SPEC M: per token and per IP, 429) and the widget's CORS policies.</summary>
    public static IServiceCollection AddVisitorsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VisitorApiOptions>().BindConfiguration(VisitorApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddVisitorGeo(configuration);
        services.AddSingleton<VisitorAuthenticator>();
        services.AddSingleton(sp => new UploadStore(Path.Combine(
            sp.GetRequiredService<IOptions<Hosting.DatabaseOptions>>().Value.ResolveDataDirectory(sp.GetRequiredService<IHostEnvironment>().ContentRootPath),
            "uploads")));
        services.AddSingleton<UploadedFiles>();
        services.AddSingleton<VisitorFileLinks>();
        services.AddSingleton<TrajectoryRecorder>();
        services.AddSingleton<VisitorSessionService>();
        services.AddScoped<ConversationCaller>();
        services.AddScoped<EntryQuery>();
        services.AddScoped<TranscriptQuery>();
        services.AddSingleton<Trajectory.VisitorTrajectoryQuery>();
        services.AddCors(cors =>
        {
            cors.AddPolicy(VisitorApiCors.Policy, policy => policy.AllowAnyOrigin().WithMethods("GET"));
            cors.AddPolicy(VisitorApiCors.IdentityCheckPolicy, policy => policy.AllowAnyOrigin().WithMethods("POST").WithHeaders("Content-Type"));
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Shared by every rate limit of the app (visitor and integration API): 429 problem, and when the limiter
            // knows it, Retry-After in whole seconds.
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                var text = context.HttpContext.RequestServices.GetRequiredService<ViolationText>();
                await Results.Problem(text.Describe(new Domain.Common.RuleViolation("TooManyRequests")), statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(context.HttpContext);
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (!http.Request.Path.StartsWithSegments("/api/visitor"))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var options = http.RequestServices.GetRequiredService<IOptions<VisitorApiOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    "ip:" + http.Connection.RemoteIpAddress,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerIpPerWindow, Window = options.Window });
            });
            // No exemption for loopback: probes and tests run there too; they raise the limit through configuration.
            limiter.AddPolicy(VisitorApiEndpoints.SessionStartPolicy, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<VisitorApiOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    "ip:" + VisitorAddress.Text(http.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SessionStartsPerIpPerWindow, Window = options.SessionStartWindow });
            });
            limiter.AddPolicy(VisitorApiEndpoints.PostPolicy, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<VisitorApiOptions>>().Value;
                var token = VisitorAuthenticator.TokenOf(http.Request, allowQuery: false);
                return RateLimitPartition.GetFixedWindowLimiter(
                    string.IsNullOrEmpty(token) ? "ip:" + http.Connection.RemoteIpAddress : "token:" + token,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PostsPerTokenPerWindow, Window = options.Window });
            });
        });
        return services;
    }
}
