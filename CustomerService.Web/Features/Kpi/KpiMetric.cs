using CustomerService.Domain.Reporting;

namespace CustomerService.Web.Features.Kpi;

/// <summary>How a figure is shown (SPEC I0: rates as percentages with one decimal, durations as h:mm:ss).</summary>
public enum KpiUnit
{
    Count,
    Rate,
    Seconds,
    Amount,
    Average,
}

/// <summary>
/// One figure of the KPI pages: its N5 name (the <c>data-metric</c> hook and the resource keys
/// <c>Kpi.Metric.{Name}</c> / <c>Kpi.Definition.{Name}</c>), its unit, and how to read it from the report service's
/// figures. Pages, tables and .xlsx all read figures through these, so they show the same value.
/// </summary>
public sealed record KpiMetric(string Name, KpiUnit Unit, Func<ReportFigures, double?> Read)
{
    public string LabelKey => $"Kpi.Metric.{Name}";

    public string DefinitionKey => $"Kpi.Definition.{Name}";
}

/// <summary>A titled group of figures (the parts of 概况: 咨询绩效, 订单绩效, 咨询质量, 工作时长).</summary>
public sealed record KpiPart(string Name, IReadOnlyList<KpiMetric> Metrics)
{
    public string TitleKey => $"Kpi.Part.{Name}";
}

/// <summary>The figures of 概况 (seed 002 KPI统计 概况), by part, in the order the seed lists them.</summary>
public static class KpiMetrics
{
    public static IReadOnlyList<KpiPart> OverviewParts { get; } =
    [
        new("Consultation",
        [
            new("consultations", KpiUnit.Count, f => f.Consultations),
            new("valid", KpiUnit.Count, f => f.Valid),
            new("invalid", KpiUnit.Count, f => f.Invalid),
            new("connectRate", KpiUnit.Rate, f => f.ConnectRate),
            new("firstResponseSeconds", KpiUnit.Seconds, f => f.FirstResponseSeconds),
            new("avgResponseSeconds", KpiUnit.Seconds, f => f.AvgResponseSeconds),
            new("responseP50Seconds", KpiUnit.Seconds, f => f.ResponseP50Seconds),
            new("responseP90Seconds", KpiUnit.Seconds, f => f.ResponseP90Seconds),
            new("responseRate30s", KpiUnit.Rate, f => f.ResponseRate30s),
            new("avgDurationSeconds", KpiUnit.Seconds, f => f.AvgDurationSeconds),
            new("avgMessages", KpiUnit.Average, f => f.AvgMessages),
            new("transfers", KpiUnit.Count, f => f.Transfers),
        ]),
        new("Orders",
        [
            new("consultationOrders", KpiUnit.Count, f => f.ConsultationOrders),
            new("orderAmount", KpiUnit.Amount, f => (double)f.OrderAmount),
            new("paidOrders", KpiUnit.Count, f => f.PaidOrders),
            new("paidRate", KpiUnit.Rate, f => f.PaidRate),
            new("conversionRate", KpiUnit.Rate, f => f.ConversionRate),
            new("validUsers", KpiUnit.Count, f => f.ValidUsers),
            new("orderingUsers", KpiUnit.Count, f => f.OrderingUsers),
            new("userConversionRate", KpiUnit.Rate, f => f.UserConversionRate),
            new("assistedOrders", KpiUnit.Count, f => f.AssistedOrders),
        ]),
        new("Quality",
        [
            new("satisfactionRate", KpiUnit.Rate, f => f.SatisfactionRate),
            new("satisfactionRateWithNeutral", KpiUnit.Rate, f => f.SatisfactionRateWithNeutral),
            new("resolved", KpiUnit.Count, f => f.Resolved),
            new("unresolved", KpiUnit.Count, f => f.Unresolved),
            new("unrated", KpiUnit.Count, f => f.Ratings.Unrated),
            new("summarized", KpiUnit.Count, f => f.Summarized),
            new("unsummarized", KpiUnit.Count, f => f.Unsummarized),
            new("leaveMessages", KpiUnit.Count, f => f.LeaveMessages),
            new("leaveMessagesHandledRate", KpiUnit.Rate, f => f.LeaveMessagesHandledRate),
        ]),
        new("WorkHours",
        [
            new("workingSeconds", KpiUnit.Seconds, f => f.WorkingSeconds),
            new("onlineSeconds", KpiUnit.Seconds, f => f.OnlineSeconds),
            new("busySeconds", KpiUnit.Seconds, f => f.BusySeconds),
            new("awaySeconds", KpiUnit.Seconds, f => f.AwaySeconds),
            new("loginSeconds", KpiUnit.Seconds, f => f.LoginSeconds),
            new("saturation", KpiUnit.Rate, f => f.Saturation),
        ]),
    ];
}
