using CustomerService.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace CustomerService.Web.Features.Auth;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post with the antiforgery token (checked by UseAntiforgery), so another site cannot log people out.
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        });
        return app;
    }
}
