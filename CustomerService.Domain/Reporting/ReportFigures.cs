namespace CustomerService.Domain.Reporting;

/// <summary>评价 counts (N5 <c>ratings</c>); <see cref="Unrated"/> = consultations without a rating (SPEC I0).</summary>
public sealed record RatingCounts(
    long VerySatisfied,
    long Satisfied,
    long Neutral,
    long Dissatisfied,
    long VeryDissatisfied,
    long Unrated);

/// <summary>
/// Figures that do not add up across days (SPEC I4), computed by the report service from facts for the whole period:
/// 有效咨询用户, 咨询下单用户 and 可挽回咨询 (<see cref="RecoverableConsultations.Count"/>).
/// </summary>
public sealed record DistinctFigures(long ValidUsers, long OrderingUsers, long Recoverable)
{
    public static DistinctFigures None { get; } = new(0, 0, 0);
}

/// <summary>Whose figures <see cref="ReportFigures.From"/> computes; only 协助下单 differs between the two.</summary>
public enum ReportSubject
{
    /// <summary>An enterprise, reception-group or account-group total: 协助下单 = orders with any assisting agent.</summary>
    Total,

    /// <summary>One agent: 协助下单 = the orders he assisted.</summary>
    Agent,
}

/// <summary>
/// The report figures of SPEC N5 (field names in PascalCase). Rates are unrounded
/// fractions 0..1; averages and durations are seconds rounded half away from zero to 0.1 s; a rate or average whose
/// denominator is 0 is null, never 0 (SPEC I0).
/// </summary>
public sealed record ReportFigures(
    long Consultations,
    long Valid,
    long Invalid,
    double? ConnectRate,
    double? FirstResponseSeconds,
    double? AvgResponseSeconds,
    double? ResponseRate30s,
    double? AvgDurationSeconds,
    double? AvgMessages,
    long Transfers,
    long Summarized,
    long Unsummarized,
    long CrmAdded,
    long LeaveMessages,
    long LeaveMessagesHandled,
    long LeaveMessagesUnhandled,
    double? LeaveMessagesHandledRate,
    long LeaveMessagesHandled24h,
    double? LeaveMessagesHandled24hRate,
    double? InvalidAvgWaitSeconds,
    long Recoverable,
    double? RecoverableOrders,
    RatingCounts Ratings,
    double? SatisfactionRate,
    double? SatisfactionRateWithNeutral,
    double OnlineSeconds,
    double BusySeconds,
    double AwaySeconds,
    double WorkingSeconds,
    double LoginSeconds,
    double? Saturation,
    long Resolved,
    long Unresolved,
    double? ResponseP50Seconds,
    double? ResponseP90Seconds,
    long ValidUsers,
    long ConsultationOrders,
    decimal OrderAmount,
    long PaidOrders,
    double? PaidRate,
    double? ConversionRate,
    long OrderingUsers,
    double? UserConversionRate,
    long PurchasedConsultations,
    long AfterSaleConsultations,
    long AssistedOrders,
    long Orders24h,
    long OrdersSameDay,
    long Orders3d,
    long QcGraded,
    double? QcAverage,
    long QcExcellent,
    long QcGood,
    long QcPass,
    long QcPoor)
{
    /// <summary>The figures of rolled-up totals plus the period's distinct figures (SPEC I0 definitions).</summary>
    public static ReportFigures From(RollupTotals totals, DistinctFigures distinct, ReportSubject subject = ReportSubject.Total)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(distinct);
        var t = totals;
        var rated = t.VerySatisfied + t.Satisfied + t.Neutral + t.Dissatisfied + t.VeryDissatisfied;
        var working = t.OnlineMilliseconds + t.BusyMilliseconds;
        var login = working + t.AwayMilliseconds;
        var buckets = t.ResponseBucketCounts();
        return new ReportFigures(
            Consultations: t.Consultations,
            Valid: t.Valid,
            Invalid: t.Consultations - t.Valid,
            ConnectRate: Rate(t.Valid, t.Consultations),
            FirstResponseSeconds: AverageSeconds(t.FirstResponseMilliseconds, t.FirstResponses),
            AvgResponseSeconds: AverageSeconds(t.ResponseMilliseconds, t.Responses),
            ResponseRate30s: Rate(t.AnsweredWithin30s, t.VisitorSpoke),
            AvgDurationSeconds: AverageSeconds(t.DurationMilliseconds, t.DurationCount),
            AvgMessages: Average(t.ValidMessages, t.Valid),
            Transfers: t.Transfers,
            Summarized: t.Summarized,
            Unsummarized: t.Valid - t.Summarized,
            CrmAdded: t.CrmAdded,
            LeaveMessages: t.LeaveMessages,
            LeaveMessagesHandled: t.LeaveMessagesHandled,
            LeaveMessagesUnhandled: t.LeaveMessages - t.LeaveMessagesHandled,
            LeaveMessagesHandledRate: Rate(t.LeaveMessagesHandled, t.LeaveMessages),
            LeaveMessagesHandled24h: t.LeaveMessagesHandled24h,
            LeaveMessagesHandled24hRate: Rate(t.LeaveMessagesHandled24h, t.LeaveMessages),
            InvalidAvgWaitSeconds: AverageSeconds(t.InvalidWaitMilliseconds, t.InvalidSpoke),
            Recoverable: distinct.Recoverable,
            RecoverableOrders: EstimateRecoverableOrders(distinct.Recoverable, t.ConsultationOrders, t.Valid),
            Ratings: new RatingCounts(
                t.VerySatisfied, t.Satisfied, t.Neutral, t.Dissatisfied, t.VeryDissatisfied, t.Consultations - rated),
            SatisfactionRate: Rate(t.VerySatisfied + t.Satisfied, rated),
            SatisfactionRateWithNeutral: Rate(t.VerySatisfied + t.Satisfied + t.Neutral, rated),
            OnlineSeconds: Seconds(t.OnlineMilliseconds),
            BusySeconds: Seconds(t.BusyMilliseconds),
            AwaySeconds: Seconds(t.AwayMilliseconds),
            WorkingSeconds: Seconds(working),
            LoginSeconds: Seconds(login),
            Saturation: Rate(working, login),
            Resolved: t.Resolved,
            Unresolved: t.Unresolved,
            ResponseP50Seconds: Round(ResponseBuckets.Percentile(buckets, 0.5)),
            ResponseP90Seconds: Round(ResponseBuckets.Percentile(buckets, 0.9)),
            ValidUsers: distinct.ValidUsers,
            ConsultationOrders: t.ConsultationOrders,
            OrderAmount: t.OrderAmount,
            PaidOrders: t.PaidOrders,
            PaidRate: Rate(t.PaidOrders, t.ConsultationOrders),
            ConversionRate: Rate(t.ConsultationOrders, t.Valid),
            OrderingUsers: distinct.OrderingUsers,
            UserConversionRate: Rate(distinct.OrderingUsers, distinct.ValidUsers),
            PurchasedConsultations: t.PurchasedConsultations,
            AfterSaleConsultations: t.AfterSaleConsultations,
            AssistedOrders: subject == ReportSubject.Agent ? t.AssistedOrders : t.OrdersWithAssistance,
            Orders24h: t.Orders24h,
            OrdersSameDay: t.OrdersSameDay,
            Orders3d: t.Orders3d,
            QcGraded: t.QcGraded,
            QcAverage: t.QcGraded == 0 ? null : (double)Math.Round(t.QcScoreSum / t.QcGraded, 1, MidpointRounding.AwayFromZero),
            QcExcellent: t.QcExcellent,
            QcGood: t.QcGood,
            QcPass: t.QcPass,
            QcPoor: t.QcPoor);
    }

    /// <summary>
    /// 环比 (SPEC I0): (this period − the previous one of the same length) / previous, a fraction; null when either is
    /// missing or the previous one is 0.
    /// </summary>
    public static double? Change(double? current, double? previous) =>
        current is { } now && previous is { } before && before != 0 ? (now - before) / before : null;

    private static double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;

    private static double? Average(long sum, long count) =>
        count == 0 ? null : (double)Math.Round((decimal)sum / count, 1, MidpointRounding.AwayFromZero);

    private static double? AverageSeconds(long milliseconds, long count) =>
        count == 0 ? null : (double)Math.Round((decimal)milliseconds / count / 1000, 1, MidpointRounding.AwayFromZero);

    private static double Seconds(long milliseconds) =>
        (double)Math.Round((decimal)milliseconds / 1000, 1, MidpointRounding.AwayFromZero);

    private static double? Round(double? seconds) =>
        seconds is { } value ? (double)Math.Round((decimal)value, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>可挽回订单 = 可挽回咨询 × (咨询订单 / 有效咨询), one decimal (SPEC I0).</summary>
    private static double? EstimateRecoverableOrders(long recoverable, long consultationOrders, long valid) =>
        valid == 0
            ? null
            : (double)Math.Round((decimal)recoverable * consultationOrders / valid, 1, MidpointRounding.AwayFromZero);
}

/// <summary>排队分析 figures (N5 <c>/api/v1/reports/queue</c>, SPEC I0 Queue); waits in seconds to 0.1 s.</summary>
public sealed record QueueFigures(
    long Queued,
    long Served,
    long LeftMessage,
    long Abandoned,
    double? AvgWaitSeconds,
    double? MaxWaitSeconds,
    double? AvgAbandonSeconds)
{
    public static QueueFigures From(RollupTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return new QueueFigures(
            totals.Queued,
            totals.QueueServed,
            totals.QueueLeftMessage,
            totals.QueueAbandoned,
            Seconds(totals.QueueServedWaitMilliseconds, totals.QueueServed),
            totals.Queued == 0 ? null : Seconds(totals.QueueMaxWaitMilliseconds, 1),
            Seconds(totals.QueueAbandonedWaitMilliseconds, totals.QueueAbandoned));
    }

    private static double? Seconds(long milliseconds, long count) =>
        count == 0 ? null : (double)Math.Round((decimal)milliseconds / count / 1000, 1, MidpointRounding.AwayFromZero);
}
