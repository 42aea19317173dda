using CustomerService.Domain.Records;
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
public sealed record KpiMetric(string Name, KpiUnit Unit, Func<ReportFigures, double?> Read, RankOrder Order = RankOrder.HigherIsBetter)
{
    public string LabelKey => $"Kpi.Metric.{Name}";

    public string DefinitionKey => $"Kpi.Definition.{Name}";

    /// <summary>p50/p90 response time, interpolated within histogram buckets: shown with “≈” (SPEC I4).</summary>
    public bool Estimated => Name is "responseP50Seconds" or "responseP90Seconds";

    /// <summary>The value as the page shows it (SPEC I0 display rules), “≈” before an estimate.</summary>
    public string Show(double? value) => (Estimated && value is not null ? KpiFormat.Approximately : string.Empty) + KpiFormat.Show(Unit, value);

    /// <summary>
    /// The records list a count figure drills down to (SPEC I2), or none: only where the list's rows are what the figure
    /// counts (<see cref="KpiRecordsLink"/> says how an agent's or a group's list differs from its figure). Ratings and
    /// 已解决 / 未解决 count every consultation, valid or not (SPEC I0), so they filter 全部咨询. Not records lists: the
    /// leave-message counts (they link to the inbox, <see cref="KpiRecordsLink"/>), the queue's counts (the records list
    /// holds consultations only, never a request abandoned or turned into a message in the queue; 放弃 links to its own
    /// list, <see cref="KpiRecordsLink.ForQueue"/>) and the figures that
    /// count orders, users, responses or QC grades rather than conversations.
    /// </summary>
    public KpiDrillDown? DrillDown => Name switch
    {
        "consultations" => new(RecordList.All),
        "valid" => new(RecordList.Valid),
        "invalid" => new(RecordList.Invalid),
        "summarized" => new(RecordList.Summarized),
        "unsummarized" => new(RecordList.Unsummarized),
        "purchasedConsultations" => new(RecordList.Purchased),
        "verySatisfied" => KpiDrillDown.Rated(RatingFilter.VerySatisfied),
        "satisfied" => KpiDrillDown.Rated(RatingFilter.Satisfied),
        "neutral" => KpiDrillDown.Rated(RatingFilter.Neutral),
        "dissatisfied" => KpiDrillDown.Rated(RatingFilter.Dissatisfied),
        "veryDissatisfied" => KpiDrillDown.Rated(RatingFilter.VeryDissatisfied),
        "unrated" => KpiDrillDown.Rated(RatingFilter.Unrated),
        "resolved" => KpiDrillDown.Solved(true),
        "unresolved" => KpiDrillDown.Solved(false),
        _ => null,
    };
}

/// <summary>
/// A titled group of figures: the parts of 概况 (咨询绩效, 订单绩效, 咨询质量, 工作时长) and the sections of the analysis
/// pages (趋势, 有效, 无效…). Its name keys the title (<c>Kpi.Part.{Name}</c>) and the per-section download.
/// </summary>
public sealed record KpiPart(string Name, IReadOnlyList<KpiMetric> Metrics)
{
    public string TitleKey => $"Kpi.Part.{Name}";

    public static KpiPart Of(string name, params string[] metrics) => new(name, [.. metrics.Select(KpiMetrics.Get)]);
}

/// <summary>Every figure of SPEC N5 the KPI pages show, once, and the parts of 概况 in the order seed 002 lists them.</summary>
public static class KpiMetrics
{
    /// <summary>Every figure by its N5 name; shorter durations and fewer invalid or unanswered consultations rank first.</summary>
    public static IReadOnlyList<KpiMetric> All { get; } =
    [
        new("consultations", KpiUnit.Count, f => f.Consultations),
        new("valid", KpiUnit.Count, f => f.Valid),
        new("invalid", KpiUnit.Count, f => f.Invalid, RankOrder.LowerIsBetter),
        new("connectRate", KpiUnit.Rate, f => f.ConnectRate),
        new("firstResponseSeconds", KpiUnit.Seconds, f => f.FirstResponseSeconds, RankOrder.LowerIsBetter),
        new("avgResponseSeconds", KpiUnit.Seconds, f => f.AvgResponseSeconds, RankOrder.LowerIsBetter),
        new("responseP50Seconds", KpiUnit.Seconds, f => f.ResponseP50Seconds, RankOrder.LowerIsBetter),
        new("responseP90Seconds", KpiUnit.Seconds, f => f.ResponseP90Seconds, RankOrder.LowerIsBetter),
        new("responseRate30s", KpiUnit.Rate, f => f.ResponseRate30s),
        new("avgDurationSeconds", KpiUnit.Seconds, f => f.AvgDurationSeconds),
        new("avgMessages", KpiUnit.Average, f => f.AvgMessages),
        new("transfers", KpiUnit.Count, f => f.Transfers, RankOrder.LowerIsBetter),
        new("summarized", KpiUnit.Count, f => f.Summarized),
        new("unsummarized", KpiUnit.Count, f => f.Unsummarized, RankOrder.LowerIsBetter),
        new("crmAdded", KpiUnit.Count, f => f.CrmAdded),
        new("leaveMessages", KpiUnit.Count, f => f.LeaveMessages),
        new("leaveMessagesHandled", KpiUnit.Count, f => f.LeaveMessagesHandled),
        new("leaveMessagesUnhandled", KpiUnit.Count, f => f.LeaveMessagesUnhandled, RankOrder.LowerIsBetter),
        new("leaveMessagesHandledRate", KpiUnit.Rate, f => f.LeaveMessagesHandledRate),
        new("leaveMessagesHandled24h", KpiUnit.Count, f => f.LeaveMessagesHandled24h),
        new("leaveMessagesHandled24hRate", KpiUnit.Rate, f => f.LeaveMessagesHandled24hRate),
        new("invalidAvgWaitSeconds", KpiUnit.Seconds, f => f.InvalidAvgWaitSeconds, RankOrder.LowerIsBetter),
        new("recoverable", KpiUnit.Count, f => f.Recoverable),
        new("recoverableOrders", KpiUnit.Average, f => f.RecoverableOrders),
        new("verySatisfied", KpiUnit.Count, f => f.Ratings.VerySatisfied),
        new("satisfied", KpiUnit.Count, f => f.Ratings.Satisfied),
        new("neutral", KpiUnit.Count, f => f.Ratings.Neutral),
        new("dissatisfied", KpiUnit.Count, f => f.Ratings.Dissatisfied, RankOrder.LowerIsBetter),
        new("veryDissatisfied", KpiUnit.Count, f => f.Ratings.VeryDissatisfied, RankOrder.LowerIsBetter),
        new("unrated", KpiUnit.Count, f => f.Ratings.Unrated, RankOrder.LowerIsBetter),
        new("satisfactionRate", KpiUnit.Rate, f => f.SatisfactionRate),
        new("satisfactionRateWithNeutral", KpiUnit.Rate, f => f.SatisfactionRateWithNeutral),
        new("resolved", KpiUnit.Count, f => f.Resolved),
        new("unresolved", KpiUnit.Count, f => f.Unresolved, RankOrder.LowerIsBetter),
        new("onlineSeconds", KpiUnit.Seconds, f => f.OnlineSeconds),
        new("busySeconds", KpiUnit.Seconds, f => f.BusySeconds),
        new("awaySeconds", KpiUnit.Seconds, f => f.AwaySeconds, RankOrder.LowerIsBetter),
        new("workingSeconds", KpiUnit.Seconds, f => f.WorkingSeconds),
        new("loginSeconds", KpiUnit.Seconds, f => f.LoginSeconds),
        new("saturation", KpiUnit.Rate, f => f.Saturation),
        new("validUsers", KpiUnit.Count, f => f.ValidUsers),
        new("consultationOrders", KpiUnit.Count, f => f.ConsultationOrders),
        new("orderAmount", KpiUnit.Amount, f => (double)f.OrderAmount),
        new("paidOrders", KpiUnit.Count, f => f.PaidOrders),
        new("paidRate", KpiUnit.Rate, f => f.PaidRate),
        new("conversionRate", KpiUnit.Rate, f => f.ConversionRate),
        new("orderingUsers", KpiUnit.Count, f => f.OrderingUsers),
        new("userConversionRate", KpiUnit.Rate, f => f.UserConversionRate),
        new("purchasedConsultations", KpiUnit.Count, f => f.PurchasedConsultations),
        new("afterSaleConsultations", KpiUnit.Count, f => f.AfterSaleConsultations),
        new("assistedOrders", KpiUnit.Count, f => f.AssistedOrders),
        new("orders24h", KpiUnit.Count, f => f.Orders24h),
        new("ordersSameDay", KpiUnit.Count, f => f.OrdersSameDay),
        new("orders3d", KpiUnit.Count, f => f.Orders3d),
        new("qcGraded", KpiUnit.Count, f => f.QcGraded),
        new("qcAverage", KpiUnit.Average, f => f.QcAverage),
        new("qcExcellent", KpiUnit.Count, f => f.QcExcellent),
        new("qcGood", KpiUnit.Count, f => f.QcGood),
        new("qcPass", KpiUnit.Count, f => f.QcPass),
        new("qcPoor", KpiUnit.Count, f => f.QcPoor, RankOrder.LowerIsBetter),
    ];

    private static readonly Dictionary<string, KpiMetric> ByName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);

    public static IReadOnlySet<string> Names { get; } = All.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The figures of the given N5 names, in that order (a page's strip or chart).</summary>
    public static IReadOnlyList<KpiMetric> Of(params string[] names) => [.. names.Select(Get)];

    public static KpiMetric Get(string name) =>
        ByName.TryGetValue(name, out var metric) ? metric : throw new ArgumentOutOfRangeException(nameof(name), name, "Not an N5 figure.");

    public static IReadOnlyList<KpiPart> OverviewParts { get; } =
    [
        KpiPart.Of(
            "Consultation", "consultations", "valid", "invalid", "connectRate", "firstResponseSeconds", "avgResponseSeconds",
            "responseP50Seconds", "responseP90Seconds", "responseRate30s", "avgDurationSeconds", "avgMessages", "transfers"),
        KpiPart.Of(
            "Orders", "consultationOrders", "orderAmount", "paidOrders", "paidRate", "conversionRate", "validUsers",
            "orderingUsers", "userConversionRate", "assistedOrders"),
        KpiPart.Of(
            "Quality", "satisfactionRate", "satisfactionRateWithNeutral", "resolved", "unresolved", "unrated", "summarized",
            "unsummarized", "leaveMessages", "leaveMessagesUnhandled", "leaveMessagesHandledRate", "qcGraded", "qcAverage"),
        KpiPart.Of("WorkHours", "workingSeconds", "onlineSeconds", "busySeconds", "awaySeconds", "loginSeconds", "saturation"),
    ];
}
