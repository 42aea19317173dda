using System.Globalization;
using System.Net;
using System.Resources;
using CustomerService.Web.Localization;

namespace CustomerService.Tests.Infrastructure;

/// <summary>
/// The app's own texts (UiText.resx / UiText.en.resx), so tests assert "the localized message is shown" without
/// copying the wording: <c>UiTexts.Chinese("Login.Invalid")</c>, <c>UiTexts.English("Error.PasswordLength", 6, 16)</c>.
/// </summary>
public static class UiTexts
{
    private static readonly ResourceManager Resources = new(typeof(UiText).FullName!, typeof(UiText).Assembly);

    public static string Chinese(string key, params object[] arguments) => Get(Cultures.Chinese, key, arguments);

    public static string English(string key, params object[] arguments) => Get(Cultures.English, key, arguments);

    public static string Get(string culture, string key, params object[] arguments)
    {
        var info = CultureInfo.GetCultureInfo(culture);
        var format = Resources.GetString(key, info) ?? throw new KeyNotFoundException($"UiText has no '{key}'.");
        return arguments.Length == 0 ? format : string.Format(info, format, arguments);
    }
}

public static class HttpResponseExtensions
{
    /// <summary>The response body with HTML entities decoded (Razor encodes every Chinese character).</summary>
    public static async Task<string> ReadHtmlAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
