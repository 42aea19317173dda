using CustomerService.Web.Features.Integration;
using Microsoft.AspNetCore.Localization;

namespace CustomerService.Web.Localization;

/// <summary>
/// The integration API's messages follow <c>Accept-Language</c> (SPEC N4: 简体中文 by default, English on request), which
/// the pages deliberately ignore. Any English (<c>en</c>, <c>en-GB</c>) means <see cref="Cultures.English"/>, any Chinese
/// <see cref="Cultures.Chinese"/>; the caller's most preferred of the two wins, ties by header order.
/// </summary>
public sealed class IntegrationApiLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!httpContext.Request.Path.StartsWithSegments(IntegrationApi.RoutePrefix))
        {
            return NullProviderCultureResult;
        }

        var preferred = httpContext.Request.GetTypedHeaders().AcceptLanguage
            .Where(language => (language.Quality ?? 1) > 0)
            .OrderByDescending(language => language.Quality ?? 1)
            .Select(language => Match(language.Value.Value))
            .FirstOrDefault(culture => culture is not null);
        return preferred is null ? NullProviderCultureResult : Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(preferred));
    }

    private static string? Match(string? tag)
    {
        var primary = tag?.Split('-')[0];
        return string.Equals(primary, "en", StringComparison.OrdinalIgnoreCase) ? Cultures.English
            : string.Equals(primary, "zh", StringComparison.OrdinalIgnoreCase) ? Cultures.Chinese
            : null;
    }
}
