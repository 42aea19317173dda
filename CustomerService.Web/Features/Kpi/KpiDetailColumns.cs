namespace CustomerService.Web.Features.Kpi;

/// <summary>详细数据's columns (SPEC I1): any N5 figure; the defaults are 概况's consultation figures.</summary>
public static class KpiDetailColumns
{
    /// <summary>The saved layout's table name (<see cref="Domain.Organisation.ColumnLayout.View"/>).</summary>
    public const string View = "kpi.details";

    public static IReadOnlyList<string> Defaults { get; } = [.. KpiMetrics.OverviewParts[0].Metrics.Select(m => m.Name)];
}

/// <summary>Whose rows 详细数据 lists.</summary>
public enum KpiDetailRows
{
    Agents,
    Groups,
}
