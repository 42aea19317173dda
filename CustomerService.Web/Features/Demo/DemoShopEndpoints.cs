namespace CustomerService.Web.Features.Demo;

/// <summary>
/// The demo shop's member switch (issue 15): GET /demo/shop/member?vip=true|false remembers the choice in a cookie of
/// the shop's own path and goes back to the shop page the visitor was on. The shop pages are static (no circuit), so a
/// cookie is what carries the choice from page to page.
/// </summary>
public static class DemoShopEndpoints
{
    public const string CookieName = "cs.demo.member";

    public static IEndpointRouteBuilder MapDemoShop(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/demo/shop/member", (bool vip, string? returnUrl, HttpContext http) =>
        {
            if (vip)
            {
                http.Response.Cookies.Append(CookieName, DemoShopMember.VipValue, new CookieOptions
                {
                    Path = "/demo", HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true,
                });
            }
            else
            {
                http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/demo" });
            }

            // Only back into the shop: the switch is no open redirect.
            var back = returnUrl is { Length: > 0 } && returnUrl.StartsWith("/demo/shop", StringComparison.Ordinal) && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                ? returnUrl
                : "/demo/shop";
            return Results.LocalRedirect(back);
        }).AllowAnonymous();
        return endpoints;
    }
}
