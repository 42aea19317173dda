using CustomerService.Web.Features.Integration.Authentication;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerService.Web.Features.Integration.OpenApi;

/// <summary>
/// <c>/openapi/v1.json</c> (SPEC L): the integration API only. The visitor API and the sign-in endpoints are left out
/// on purpose: they are the widget's and the app's own, not a contract for the merchant's servers.
/// </summary>
public static class IntegrationOpenApi
{
    public const string DocumentName = "v1";
    public const string SecuritySchemeName = "ApiKey";

    public static IServiceCollection AddIntegrationOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description =>
                description.RelativePath?.StartsWith(IntegrationApi.RoutePrefix.TrimStart('/') + "/", StringComparison.OrdinalIgnoreCase) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "客服系统 CustomerService integration API",
                    Version = "v1",
                    Description =
                        "The API for the merchant's own systems: conversations and transcripts, orders, customers and reports. " +
                        "Every call sends an API key (created by an administrator under Settings → API keys) in the `X-Api-Key` " +
                        "header. Errors are RFC 7807 problem details (`application/problem+json`); a 400 lists each refused " +
                        "field under `errors`. Messages are in Simplified Chinese, or English with `Accept-Language: en`. " +
                        "Each key may make a limited number of requests per minute; beyond it the answer is 429 with `Retry-After`. " +
                        "Dates `from`/`to` are local dates (`YYYY-MM-DD`) in the enterprise time zone, both included; times in " +
                        "answers are UTC.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthentication.Header,
                    Description = "An API key of the enterprise. It is shown once when created; a revoked key is refused with 401.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [] });
                return Task.CompletedTask;
            });
        });
}
