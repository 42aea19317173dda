using System.Globalization;
using CustomerService.Domain.Common;
using CustomerService.Domain.Reporting;

namespace CustomerService.Web.Features.Reporting.Api;

/// <summary>
/// Reads <c>from</c> / <c>to</c> of a report request (SPEC N4: local dates <c>YYYY-MM-DD</c>, inclusive) into a period,
/// or the refused fields (SPEC L: malformed dates, to before from, more than 366 days).
/// </summary>
public static class ReportQuery
{
    public static (ReportPeriod? Period, IReadOnlyList<(string Field, RuleViolation Violation)> Problems) Period(string? from, string? to)
    {
        var problems = new List<(string, RuleViolation)>();
        var fromDate = Date("from", from, problems);
        var toDate = Date("to", to, problems);
        if (fromDate is null || toDate is null)
        {
            return (null, problems);
        }

        var period = ReportPeriod.Create(fromDate.Value, toDate.Value);
        if (period.Violation is { } violation)
        {
            problems.Add(("to", violation));
            return (null, problems);
        }

        return (period.Value, problems);
    }

    /// <summary>
    /// A page's period from its link (KPI pages, records drill-downs): the linked period, or <paramref name="fallback"/>
    /// when the link names none. A link that names a period which cannot be used also falls back, with the reason, so
    /// the page says why instead of silently showing another period.
    /// </summary>
    public static (ReportPeriod Period, RuleViolation? Problem) Linked(string? from, string? to, ReportPeriod fallback)
    {
        var (linked, problems) = Period(from, to);
        if (linked is { } period)
        {
            return (period, null);
        }

        var named = !string.IsNullOrEmpty(from) || !string.IsNullOrEmpty(to);
        return (fallback, named ? problems[0].Violation : null);
    }

    private static DateOnly? Date(string field, string? value, List<(string, RuleViolation)> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add((field, new RuleViolation("Required", field)));
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems.Add((field, new RuleViolation("DateFormat", field)));
            return null;
        }

        return date;
    }
}
