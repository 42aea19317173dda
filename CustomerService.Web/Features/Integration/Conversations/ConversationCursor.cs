using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerService.Web.Features.Integration.Conversations;

/// <summary>
/// Where a page of the conversation list ended: the last row's (RequestedAt, Id), the list's keyset order (SPEC N4).
/// Opaque to callers (base64url), so its shape can change; a conversation that starts while a caller is paging
/// cannot shift the pages, unlike an offset.
/// </summary>
public sealed record ConversationCursor(DateTime RequestedAt, long Id)
{
    private const string Version = "c1";

    public string Encode() =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{Version}.{RequestedAt.Ticks}.{Id}")));

    /// <summary>The cursor, or null when <paramref name="value"/> is not one this API handed out.</summary>
    public static ConversationCursor? TryDecode(string value)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(value));
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = text.Split('.');
        return parts.Length == 3 && parts[0] == Version
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTime.MaxValue.Ticks
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? new ConversationCursor(new DateTime(ticks, DateTimeKind.Utc), id)
                : null;
    }
}
