using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;

namespace CustomerService.Web.Features.Records;

/// <summary>
/// Addresses of the transcript, carrying the list it was opened from (SPEC G3 previous / next of the current list):
/// <c>?list=&amp;from=&amp;to=</c>, the keyword as <c>q</c> (its hits are highlighted) and every other filter of the
/// advanced search as <c>f</c> (JSON, base64url), so previous / next walk the very list the row was in — an
/// agent's or an IP's list, not the whole period's.
/// </summary>
public static class RecordLinks
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // The filter's derived values (trimmed keyword, canonical IP) are not part of the address.
        IgnoreReadOnlyProperties = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Transcript(long id, RecordSearch? search)
    {
        if (search is null)
        {
            return $"/records/{id}";
        }

        var link = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"/records/{id}?list={search.List}&from={search.Period.From:yyyy-MM-dd}&to={search.Period.To:yyyy-MM-dd}"));
        if (search.Filter.TrimmedKeyword is { } q)
        {
            link.Append("&q=").Append(Uri.EscapeDataString(q));
        }

        var others = search.Filter with { Keyword = null };
        if (others != new RecordFilter())
        {
            link.Append("&f=").Append(Base64Url(JsonSerializer.SerializeToUtf8Bytes(others, Json)));
        }

        return link.ToString();
    }

    /// <summary>
    /// The search a transcript address names, or null when it names none or one that cannot be used (an unknown list,
    /// a bad date or period, unreadable filters, a filter the list would refuse): then there is no previous / next.
    /// </summary>
    public static RecordSearch? ReadSearch(string? list, string? from, string? to, string? keyword, string? filters)
    {
        if (!Enum.TryParse<RecordList>(list, out var parsedList) || !Enum.IsDefined(parsedList)
            || !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fromDate)
            || !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var toDate))
        {
            return null;
        }

        var filter = new RecordFilter();
        if (!string.IsNullOrEmpty(filters))
        {
            try
            {
                filter = JsonSerializer.Deserialize<RecordFilter>(FromBase64Url(filters), Json) ?? filter;
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                return null;
            }
        }

        var search = new RecordSearch(new ReportPeriod(fromDate, toDate), parsedList, filter with { Keyword = keyword });
        return search.Validate() is null ? search : null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }
}
