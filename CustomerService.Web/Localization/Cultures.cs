using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CustomerService.Web.Localization;

public static class Cultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";

    public static readonly string[] Supported = [Chinese, English];

    /// <summary>
    /// The languages people can pick, each named in its own language: someone who cannot read the current UI must
    /// still find his own, so these names are deliberately not localized.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Autonym)> Choices = [(Chinese, "简体中文"), (English, "English")];

    /// <summary>The endpoint that stores <paramref name="culture"/> in the cookie and returns to <paramref name="returnUrl"/>.</summary>
    public static string SwitchUrl(string culture, string returnUrl) =>
        $"/culture?name={culture}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>
    /// 简体中文 unless the person chose otherwise (cookie). The browser's Accept-Language is deliberately not used:
    /// the product's default is Chinese whatever the agent's browser says. The integration API is the exception
    /// (<see cref="IntegrationApiLanguageProvider"/>): its callers are programs, which say their language in the header.
    /// </summary>
    public static RequestLocalizationOptions RequestOptions()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(Chinese)
            .AddSupportedCultures(Supported)
            .AddSupportedUICultures(Supported);
        options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new IntegrationApiLanguageProvider(), new CookieRequestCultureProvider()];
        return options;
    }

    public static IEndpointRouteBuilder MapCultureEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture", (string name, string? returnUrl, HttpContext http) =>
        {
            if (!Supported.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return Results.BadRequest();
            }

            var culture = new RequestCulture(CultureInfo.GetCultureInfo(name));
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(culture),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
        return app;
    }

    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
