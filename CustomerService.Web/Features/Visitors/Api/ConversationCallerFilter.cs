using System.Globalization;
using CustomerService.Domain.Common;
using CustomerService.Web.Localization;
using CustomerService.Web.Features.Conversations.Engine;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>
/// Guards every <c>/api/visitor/conversations/{id}</c> route (SPEC N2): an id that is not a number is 400, a missing or
/// unknown token 401, someone else's or no conversation 404 (the two look alike). The route has no <c>:long</c>
/// constraint on purpose: with one, a malformed id matched no route at all, and the sign-in fallback policy answered 401,
/// which makes the chat page throw its token away.
/// </summary>
public sealed class ConversationCallerFilter(VisitorAuthenticator visitors) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var text = http.RequestServices.GetRequiredService<ViolationText>();
        if (!long.TryParse(http.Request.RouteValues["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var conversationId))
        {
            return ApiProblems.From(new RuleViolation("ConversationIdMalformed"), text);
        }

        var allowQuery = http.GetEndpoint()?.Metadata.GetMetadata<VisitorTokenInQuery>() is not null;
        var visitorId = await visitors.VisitorIdAsync(VisitorAuthenticator.TokenOf(http.Request, allowQuery), http.RequestAborted);
        if (visitorId is null)
        {
            return ApiProblems.Unauthorized(text);
        }

        if (!await visitors.OwnsConversationAsync(visitorId.Value, conversationId, http.RequestAborted))
        {
            return ApiProblems.NotFound(text);
        }

        http.RequestServices.GetRequiredService<ConversationCaller>().Resolve(visitorId.Value, conversationId);
        http.RequestServices.GetRequiredService<VisitorLiveness>().Seen(conversationId); // a sign of life (SPEC D3)
        return await next(context);
    }
}
