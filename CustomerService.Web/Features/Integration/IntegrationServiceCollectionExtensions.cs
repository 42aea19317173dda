using System.Threading.RateLimiting;
using CustomerService.Web.Features.Integration.Authentication;
using CustomerService.Web.Features.Integration.Conversations;
using CustomerService.Web.Features.Integration.OpenApi;
using CustomerService.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerService.Web.Features.Integration;

public static class IntegrationServiceCollectionExtensions
{
    /// <summary>
    /// The integration API (SPEC L): the <c>X-Api-Key</c> scheme and the policy that demands it, the per-key rate
    /// limit, the OpenAPI document and the services its endpoints call. Call after <c>AddAuthFeature</c>.
    /// </summary>
    public static IServiceCollection AddIntegrationFeature(this IServiceCollection services)
    {
        services.AddOptions<IntegrationApiOptions>().BindConfiguration(IntegrationApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<EnterpriseTimeZone>();
        services.AddSingleton<ApiKeyVerifier>();
        services.AddScoped<ConversationFeed>();

        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthentication.Scheme, null);
        services.AddAuthorizationBuilder().AddPolicy(ApiKeyAuthentication.Policy, policy => policy
            // Only this scheme: a signed-in admin's cookie is not an API key.
            .AddAuthenticationSchemes(ApiKeyAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(ApiKeyAuthentication.KeyIdClaim));

        services.AddRateLimiter(limiter => limiter.AddPolicy(IntegrationApi.RateLimitPolicy, http =>
        {
            // Authorization ran first (UseRateLimiter follows UseAuthorization), so the caller is a key.
            var keyId = ApiKeyAuthentication.KeyIdOf(http.User);
            var options = http.RequestServices.GetRequiredService<IOptions<IntegrationApiOptions>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(
                keyId is { } id ? $"api-key:{id}" : $"ip:{http.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinute, Window = TimeSpan.FromMinutes(1) });
        }));

        // A request whose body or parameters cannot be read is a 400 problem in every environment (ADR 010's status
        // page gives it its body), not a developer exception page in Development.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        services.AddIntegrationOpenApi();
        return services;
    }
}
