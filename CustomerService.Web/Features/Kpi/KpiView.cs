namespace CustomerService.Web.Features.Kpi;

/// <summary>
/// One analysis page of the KPI module (SPEC I1): its sections (tabs) of figures, each with totals, a trend and a
/// table per agent, and whether Sales are refused it (关键绩效排名, 工作时长, 排队分析: 002 KPI §1). The key is the
/// route under <c>/kpi/</c>, the title key <c>Kpi.View.{Key}</c> and the download <c>/kpi/{Key}.xlsx</c>.
/// </summary>
public sealed record KpiView(
    string Key, IReadOnlyList<KpiPart> Sections, bool ManagementOnly = false, bool ComparesPrevious = false, bool ListsOrders = false)
{
    public string TitleKey => $"Kpi.View.{Key}";

    public string Route => $"/kpi/{Key}";

    public KpiPart? Section(string? name) =>
        string.IsNullOrEmpty(name) ? null : Sections.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}

/// <summary>The analysis pages made of figure sections; 详细数据, 排名 and 排队分析 have pages of their own.</summary>
public static class KpiViews
{
    /// <summary>绩效分析 → 咨询绩效: 趋势 / 有效 / 无效 / 咨询质量 / 留言.</summary>
    public static KpiView Consultation { get; } = new(
        "consultation",
        [
            KpiPart.Of("ConsultationTrend", "consultations", "valid", "invalid", "connectRate", "transfers"),
            KpiPart.Of(
                "Valid", "valid", "validUsers", "firstResponseSeconds", "avgResponseSeconds", "responseP50Seconds",
                "responseP90Seconds", "responseRate30s", "avgDurationSeconds", "avgMessages", "summarized", "unsummarized", "crmAdded"),
            KpiPart.Of("Invalid", "invalid", "invalidAvgWaitSeconds", "recoverable", "recoverableOrders"),
            KpiPart.Of(
                "ConsultationQuality", "satisfactionRate", "satisfactionRateWithNeutral", "verySatisfied", "satisfied", "neutral",
                "dissatisfied", "veryDissatisfied", "unrated", "resolved", "unresolved", "qcGraded", "qcAverage"),
            KpiPart.Of(
                "LeaveMessages", "leaveMessages", "leaveMessagesUnhandled", "leaveMessagesHandled", "leaveMessagesHandledRate",
                "leaveMessagesHandled24h", "leaveMessagesHandled24hRate"),
        ]);

    /// <summary>绩效分析 → 订单绩效: 趋势 (订单详情 is a list of orders below it).</summary>
    public static KpiView Orders { get; } = new(
        "orders",
        [
            KpiPart.Of(
                "OrdersTrend", "consultationOrders", "orderAmount", "paidOrders", "paidRate", "conversionRate", "validUsers",
                "orderingUsers", "userConversionRate", "purchasedConsultations", "afterSaleConsultations", "assistedOrders", "orders24h", "ordersSameDay", "orders3d"),
        ],
        ListsOrders: true);

    /// <summary>绩效分析 → 工作时长: 趋势 and 人员对比 with 环比 against the period just before.</summary>
    public static KpiView WorkHours { get; } = new(
        "work-hours",
        [KpiPart.Of("WorkHoursTrend", "workingSeconds", "onlineSeconds", "busySeconds", "awaySeconds", "loginSeconds", "saturation")],
        ManagementOnly: true,
        ComparesPrevious: true);

    /// <summary>数据分析 → 会话质量: ratings, 已解决 / 未解决, response times.</summary>
    public static KpiView Quality { get; } = new(
        "quality",
        [
            KpiPart.Of(
                "Ratings", "satisfactionRate", "satisfactionRateWithNeutral", "verySatisfied", "satisfied", "neutral",
                "dissatisfied", "veryDissatisfied", "unrated"),
            KpiPart.Of("Resolution", "resolved", "unresolved", "summarized", "unsummarized"),
            KpiPart.Of("Responsiveness", "firstResponseSeconds", "avgResponseSeconds", "responseP50Seconds", "responseP90Seconds", "responseRate30s"),
            KpiPart.Of("QcGrades", "qcGraded", "qcAverage", "qcExcellent", "qcGood", "qcPass", "qcPoor"),
        ]);

    public static IReadOnlyList<KpiView> All { get; } = [Consultation, Orders, WorkHours, Quality];

    public static KpiView? Find(string key) => All.FirstOrDefault(v => string.Equals(v.Key, key, StringComparison.Ordinal));
}
