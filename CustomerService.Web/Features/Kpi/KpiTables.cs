using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Kpi;

/// <summary>How a 数据分析 table is charted: shares of one whole (sources, terminals) as a donut, comparisons as bars.</summary>
public enum KpiChart
{
    /// <summary>A table whose counts are of different things (types and consultations), which a chart would compare as if they were alike.</summary>
    None,
    Bar,
    Donut,
}

/// <summary>
/// A plain table of a 数据分析 page: localized headers and rows of text or counts, as the page and its .xlsx show it.
/// <paramref name="Key"/> names the part in its own download (<c>?section=</c>, SPEC I2 “a download per section”).
/// </summary>
public sealed record KpiTable(
    string Key, string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object>> Rows, KpiChart Chart = KpiChart.Bar);

/// <summary>
/// The tables of 咨询发起, 咨询类型 and 用户分析, built once from the report service's figures so the pages and their
/// downloads list the same rows. Enum keys (sources, terminals) are localized here.
/// </summary>
public sealed class KpiTables(IStringLocalizer<UiText> text)
{
    public IReadOnlyList<KpiTable> Starts(OriginFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return
        [
            new("StartPages", text["Kpi.Part.StartPages"],
                [text["Kpi.Origin.StartPage"], text["Kpi.Origin.Title"], text["Kpi.Metric.consultations"], text["Kpi.Metric.valid"],
                 text["Kpi.Origin.OrderFill"], text["Kpi.Origin.OrderSubmit"], text["Kpi.Origin.Payment"]],
                [.. figures.StartPages.Select(p => (IReadOnlyList<object>)[p.Url.Length == 0 ? text["Kpi.Origin.NoPage"].Value : p.Url, p.Title ?? string.Empty, p.Consultations, p.Valid, p.OrderFill, p.OrderSubmit, p.Payment])]),
            Counts("Sources", text["Kpi.Origin.Source"], figures.Sources, SourceName, KpiChart.Donut),
            Counts("Keywords", text["Kpi.Origin.Keyword"], figures.Keywords, k => k),
        ];
    }

    /// <summary>用户分析: 咨询习惯 (售前 / 售后 / 总量 from the period's total figures, then by hour), 终端, 地域.</summary>
    public IReadOnlyList<KpiTable> Users(OriginFigures figures, ReportFigures total)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(total);
        return
        [
            new("SaleKinds", text["Kpi.Part.SaleKinds"], [text["Kpi.Origin.SaleKind"], text["Kpi.Metric.consultations"]],
                [
                    [text["Kpi.Origin.PreSale"].Value, total.PurchasedConsultations],
                    [text["Kpi.Origin.AfterSale"].Value, total.AfterSaleConsultations],
                    [text["Kpi.Origin.AllConsultations"].Value, total.Consultations],
                ]),
            new("Habits", text["Kpi.Part.Habits"], [text["Kpi.Origin.Hour"], text["Kpi.Metric.consultations"]],
                [.. figures.ByHour.Select((count, hour) => (IReadOnlyList<object>)[$"{hour:00}:00", count])]),
            Counts("Terminals", text["Kpi.Origin.Terminal"], figures.Terminals, k => text[$"Kpi.Terminal.{k}"], KpiChart.Donut),
            Counts("Regions", text["Kpi.Origin.Region"], figures.Regions, k => k == ConsultationOrigins.Unknown ? text["Kpi.Origin.Unknown"] : k),
        ];
    }

    /// <summary>咨询类型: 总咨询类型, 新增咨询类型 and 总结咨询量, then the tree with each type's count.</summary>
    public IReadOnlyList<KpiTable> Types(TypeFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var types = figures.Types;
        var names = types.ToDictionary(t => t.TypeId, t => t.Name);
        return
        [
            new("TypeTotals", text["Kpi.Part.TypeTotals"], [text["Kpi.Origin.Figure"], text["Kpi.Origin.Value"]],
                [
                    [text["Kpi.Origin.TypesUsed"].Value, figures.Used],
                    [text["Kpi.Origin.TypesAdded"].Value, figures.Added],
                    [text["Kpi.Origin.TypesSummarized"].Value, figures.Summarized],
                ],
                KpiChart.None),
            new("Types", text["Kpi.View.types"], [text["Kpi.Origin.Type"], text["Kpi.Origin.ParentType"], text["Kpi.Metric.summarized"]],
                [.. types.Select(t => (IReadOnlyList<object>)[t.Name, t.ParentId is { } parent ? names.GetValueOrDefault(parent) ?? string.Empty : string.Empty, t.Consultations])]),
        ];
    }

    private string SourceName(string key) =>
        key.StartsWith("SearchEngine.", StringComparison.Ordinal) ? text["Kpi.Source.SearchEngine", key["SearchEngine.".Length..]] : text[$"Kpi.Source.{key}"];

    private KpiTable Counts(string key, string keyHeader, IReadOnlyList<OriginCount> counts, Func<string, string> label, KpiChart chart = KpiChart.Bar) =>
        new(key, text[$"Kpi.Part.{key}"], [keyHeader, text["Kpi.Metric.consultations"]], [.. counts.Select(c => (IReadOnlyList<object>)[label(c.Key), c.Consultations])], chart);
}
