using CustomerService.Data.Identity;
using CustomerService.Domain.Common;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CustomerService.Web.Features.Auth;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        // Only the layout's form (it carries the antiforgery token) signs out, so another page cannot log people out.
        // UseAntiforgery checks only endpoints that bind form data, and this one binds none: it checks the token itself.
        app.MapPost("/account/logout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn, ViolationText text) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(text.Describe(new RuleViolation("AntiforgeryInvalid")), statusCode: StatusCodes.Status400BadRequest);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        });
        return app;
    }
}
