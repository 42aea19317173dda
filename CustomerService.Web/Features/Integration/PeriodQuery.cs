using System.Globalization;
using CustomerService.Domain.Common;

namespace CustomerService.Web.Features.Integration;

/// <summary>
/// The <c>from</c> / <c>to</c> query parameters of the integration API (SPEC N4): local dates <c>YYYY-MM-DD</c> in the
/// enterprise time zone, both included, at most <see cref="LocalDatePeriod.MaxDays"/> days. Reads and reports share it,
/// so they refuse the same things with the same words.
/// </summary>
public static class PeriodQuery
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The period, or null with the reasons added to <paramref name="errors"/> under <c>from</c> / <c>to</c>.</summary>
    public static LocalDatePeriod? Parse(string? from, string? to, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var start = ParseDate("from", from, errors);
        var end = ParseDate("to", to, errors);
        if (start is null || end is null)
        {
            return null;
        }

        if (LocalDatePeriod.Check(start.Value, end.Value) is { } violation)
        {
            errors.Add("to", violation);
            return null;
        }

        return new LocalDatePeriod(start.Value, end.Value);
    }

    private static DateOnly? ParseDate(string field, string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, new RuleViolation("QueryParameterRequired", field));
            return null;
        }

        if (DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, new RuleViolation("DateMalformed", field, value));
        return null;
    }
}
