using CustomerService.Domain.Reporting;

namespace CustomerService.Web.Features.Kpi;

/// <summary>A figure of 排队分析 (N5 <c>/reports/queue</c> field names) and how to read it.</summary>
public sealed record KpiQueueFigure(KpiMetric Metric, Func<QueueFigures, double?> Read);

/// <summary>The queue figures in the order the page, its .xlsx and the API list them.</summary>
public static class KpiQueueFigures
{
    public static IReadOnlyList<KpiQueueFigure> All { get; } =
    [
        Figure("queued", KpiUnit.Count, q => q.Queued),
        Figure("served", KpiUnit.Count, q => q.Served),
        Figure("leftMessage", KpiUnit.Count, q => q.LeftMessage),
        Figure("abandoned", KpiUnit.Count, q => q.Abandoned),
        Figure("avgWaitSeconds", KpiUnit.Seconds, q => q.AvgWaitSeconds),
        Figure("maxWaitSeconds", KpiUnit.Seconds, q => q.MaxWaitSeconds),
        Figure("avgAbandonSeconds", KpiUnit.Seconds, q => q.AvgAbandonSeconds),
    ];

    // Queue figures are not ReportFigures: the metric's own reader is never used, the page reads through Read.
    private static KpiQueueFigure Figure(string name, KpiUnit unit, Func<QueueFigures, double?> read) => new(new KpiMetric(name, unit, _ => null), read);
}
