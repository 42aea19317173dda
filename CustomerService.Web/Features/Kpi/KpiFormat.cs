using System.Globalization;

namespace CustomerService.Web.Features.Kpi;

/// <summary>
/// Display of a figure (SPEC I0): a rate as a percentage with one decimal, a duration as h:mm:ss, an amount with two
/// decimals; half away from zero; a figure whose denominator is 0 is "–", never 0.
/// </summary>
public static class KpiFormat
{
    public const string Empty = "–";

    /// <summary>Before an estimated figure (p50/p90 response time, SPEC I4).</summary>
    public const string Approximately = "≈";

    public static string Show(KpiUnit unit, double? value) => value is not { } v ? Empty : unit switch
    {
        KpiUnit.Count => v.ToString("N0", CultureInfo.InvariantCulture),
        KpiUnit.Rate => Math.Round((decimal)v * 100, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        KpiUnit.Seconds => Duration(v),
        KpiUnit.Amount => Math.Round((decimal)v, 2, MidpointRounding.AwayFromZero).ToString("N2", CultureInfo.InvariantCulture),
        KpiUnit.Average => Math.Round((decimal)v, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    /// <summary>The raw value for <c>data-value</c> (SPEC N6): invariant culture, unrounded; empty when there is none.</summary>
    public static string Raw(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>h:mm:ss, hours unbounded (a month of online time is 300:00:00, not 12 days).</summary>
    public static string Duration(double seconds)
    {
        var total = (long)Math.Round(seconds, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{total / 3600}:{total % 3600 / 60:00}:{total % 60:00}");
    }
}
