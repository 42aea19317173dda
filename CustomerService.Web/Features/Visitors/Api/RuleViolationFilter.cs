using CustomerService.Domain.Common;
using CustomerService.Web.Localization;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>A rule the engine or a domain check refuses becomes a problem answer (SPEC N2); everything else propagates.</summary>
public sealed class RuleViolationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RuleViolationException exception)
        {
            return ApiProblems.From(exception.Violation, context.HttpContext.RequestServices.GetRequiredService<ViolationText>());
        }
    }
}
