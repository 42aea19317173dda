namespace CustomerService.Domain.Reporting;

/// <summary>
/// Exact sums and counts, never averages (SPEC I4), so any range's figures are Σ/count over its rows. The setters are
/// public on purpose: the report service sums rollup rows in SQL and projects the sums straight into this type, and EF
/// maps <see cref="RollupRow"/> through them. <see cref="ReportFigures.From"/> turns totals into the N5 figures.
/// </summary>
public class RollupTotals
{
    /// <summary>咨询总量: conversations that reached an agent.</summary>
    public long Consultations { get; set; }

    /// <summary>有效咨询.</summary>
    public long Valid { get; set; }

    /// <summary>Conversations in which the visitor spoke: 30秒应答率's denominator.</summary>
    public long VisitorSpoke { get; set; }

    /// <summary>Of <see cref="VisitorSpoke"/>, those whose first response came within 30 s (≤ 30 000 ms).</summary>
    public long AnsweredWithin30s { get; set; }

    /// <summary>Valid, ended conversations whose duration is in <see cref="DurationMilliseconds"/>.</summary>
    public long DurationCount { get; set; }

    public long DurationMilliseconds { get; set; }

    /// <summary>Visitor + agent messages of valid conversations (平均消息条数 = this / <see cref="Valid"/>).</summary>
    public long ValidMessages { get; set; }

    /// <summary>First responses in valid conversations.</summary>
    public long FirstResponses { get; set; }

    public long FirstResponseMilliseconds { get; set; }

    /// <summary>All responses (first ones included) in valid conversations.</summary>
    public long Responses { get; set; }

    public long ResponseMilliseconds { get; set; }

    /// <summary>Histogram of <see cref="Responses"/> over <see cref="ResponseBuckets"/>: 0–10 s.</summary>
    public long ResponseBucket0 { get; set; }

    /// <summary>10–30 s.</summary>
    public long ResponseBucket1 { get; set; }

    /// <summary>30–60 s.</summary>
    public long ResponseBucket2 { get; set; }

    /// <summary>1–3 min.</summary>
    public long ResponseBucket3 { get; set; }

    /// <summary>3–10 min.</summary>
    public long ResponseBucket4 { get; set; }

    /// <summary>10–30 min.</summary>
    public long ResponseBucket5 { get; set; }

    /// <summary>30 min and more.</summary>
    public long ResponseBucket6 { get; set; }

    /// <summary>转接咨询: transfers the agent initiated.</summary>
    public long Transfers { get; set; }

    /// <summary>已总结: summarised valid conversations.</summary>
    public long Summarized { get; set; }

    /// <summary>添加CRM.</summary>
    public long CrmAdded { get; set; }

    /// <summary>留言总量.</summary>
    public long LeaveMessages { get; set; }

    /// <summary>留言处理量.</summary>
    public long LeaveMessagesHandled { get; set; }

    /// <summary>24小时处理量: handled within 24 h (inclusive) of creation.</summary>
    public long LeaveMessagesHandled24h { get; set; }

    /// <summary>Invalid, ended conversations in which the visitor spoke (无效咨询 平均等待时间's denominator).</summary>
    public long InvalidSpoke { get; set; }

    public long InvalidWaitMilliseconds { get; set; }

    public long VerySatisfied { get; set; }

    public long Satisfied { get; set; }

    public long Neutral { get; set; }

    public long Dissatisfied { get; set; }

    public long VeryDissatisfied { get; set; }

    /// <summary>已解决.</summary>
    public long Resolved { get; set; }

    /// <summary>未解决.</summary>
    public long Unresolved { get; set; }

    /// <summary>Time in Online alone (可接待时长).</summary>
    public long OnlineMilliseconds { get; set; }

    public long BusyMilliseconds { get; set; }

    public long AwayMilliseconds { get; set; }

    /// <summary>咨询订单.</summary>
    public long ConsultationOrders { get; set; }

    /// <summary>订单金额 of the 咨询订单.</summary>
    public decimal OrderAmount { get; set; }

    /// <summary>支付订单: 咨询订单 with a paid time.</summary>
    public long PaidOrders { get; set; }

    /// <summary>An agent's 协助下单: orders he assisted (one per assisting agent, in his row).</summary>
    public long AssistedOrders { get; set; }

    /// <summary>The total's 协助下单: orders with at least one assisting agent (in the 下单客服's row).</summary>
    public long OrdersWithAssistance { get; set; }

    public long Orders24h { get; set; }

    public long OrdersSameDay { get; set; }

    public long Orders3d { get; set; }

    /// <summary>已购买咨询.</summary>
    public long PurchasedConsultations { get; set; }

    /// <summary>售后咨询: valid consultations of users who ordered in the window before them.</summary>
    public long AfterSaleConsultations { get; set; }

    /// <summary>排队分析: requests that entered a queue.</summary>
    public long Queued { get; set; }

    public long QueueServed { get; set; }

    public long QueueLeftMessage { get; set; }

    public long QueueAbandoned { get; set; }

    public long QueueServedWaitMilliseconds { get; set; }

    /// <summary>The longest wait of any request that left the queue; <see cref="Add"/> takes the maximum.</summary>
    public long QueueMaxWaitMilliseconds { get; set; }

    public long QueueAbandonedWaitMilliseconds { get; set; }

    /// <summary>质检: graded conversations (at least one grade), credited to the final agent (SPEC I0).</summary>
    public long QcGraded { get; set; }

    /// <summary>
    /// Σ of the graded conversations' scores (each the average of its grades', rounded to six decimals so the sum is
    /// exact in the column); qcAverage = this / <see cref="QcGraded"/>.
    /// </summary>
    public decimal QcScoreSum { get; set; }

    /// <summary>Graded conversations per band, each band taken from the exact score (SPEC I0): 优.</summary>
    public long QcExcellent { get; set; }

    /// <summary>良.</summary>
    public long QcGood { get; set; }

    /// <summary>合格.</summary>
    public long QcPass { get; set; }

    /// <summary>差.</summary>
    public long QcPoor { get; set; }

    /// <summary>The response histogram in bucket order (<see cref="ResponseBuckets"/>).</summary>
    public IReadOnlyList<long> ResponseBucketCounts() =>
        [ResponseBucket0, ResponseBucket1, ResponseBucket2, ResponseBucket3, ResponseBucket4, ResponseBucket5, ResponseBucket6];

    /// <summary>Counts one response in histogram bucket <paramref name="index"/> (<see cref="ResponseBuckets.IndexOf"/>).</summary>
    internal void CountInBucket(int index)
    {
        switch (index)
        {
            case 0: ResponseBucket0++; break;
            case 1: ResponseBucket1++; break;
            case 2: ResponseBucket2++; break;
            case 3: ResponseBucket3++; break;
            case 4: ResponseBucket4++; break;
            case 5: ResponseBucket5++; break;
            default: ResponseBucket6++; break;
        }
    }

    /// <summary>Adds <paramref name="other"/>'s counters to these; the longest queue wait is the larger of the two.</summary>
    public void Add(RollupTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Consultations += other.Consultations;
        Valid += other.Valid;
        VisitorSpoke += other.VisitorSpoke;
        AnsweredWithin30s += other.AnsweredWithin30s;
        DurationCount += other.DurationCount;
        DurationMilliseconds += other.DurationMilliseconds;
        ValidMessages += other.ValidMessages;
        FirstResponses += other.FirstResponses;
        FirstResponseMilliseconds += other.FirstResponseMilliseconds;
        Responses += other.Responses;
        ResponseMilliseconds += other.ResponseMilliseconds;
        ResponseBucket0 += other.ResponseBucket0;
        ResponseBucket1 += other.ResponseBucket1;
        ResponseBucket2 += other.ResponseBucket2;
        ResponseBucket3 += other.ResponseBucket3;
        ResponseBucket4 += other.ResponseBucket4;
        ResponseBucket5 += other.ResponseBucket5;
        ResponseBucket6 += other.ResponseBucket6;
        Transfers += other.Transfers;
        Summarized += other.Summarized;
        CrmAdded += other.CrmAdded;
        LeaveMessages += other.LeaveMessages;
        LeaveMessagesHandled += other.LeaveMessagesHandled;
        LeaveMessagesHandled24h += other.LeaveMessagesHandled24h;
        InvalidSpoke += other.InvalidSpoke;
        InvalidWaitMilliseconds += other.InvalidWaitMilliseconds;
        VerySatisfied += other.VerySatisfied;
        Satisfied += other.Satisfied;
        Neutral += other.Neutral;
        Dissatisfied += other.Dissatisfied;
        VeryDissatisfied += other.VeryDissatisfied;
        Resolved += other.Resolved;
        Unresolved += other.Unresolved;
        OnlineMilliseconds += other.OnlineMilliseconds;
        BusyMilliseconds += other.BusyMilliseconds;
        AwayMilliseconds += other.AwayMilliseconds;
        ConsultationOrders += other.ConsultationOrders;
        OrderAmount += other.OrderAmount;
        PaidOrders += other.PaidOrders;
        AssistedOrders += other.AssistedOrders;
        OrdersWithAssistance += other.OrdersWithAssistance;
        Orders24h += other.Orders24h;
        OrdersSameDay += other.OrdersSameDay;
        Orders3d += other.Orders3d;
        PurchasedConsultations += other.PurchasedConsultations;
        AfterSaleConsultations += other.AfterSaleConsultations;
        Queued += other.Queued;
        QueueServed += other.QueueServed;
        QueueLeftMessage += other.QueueLeftMessage;
        QueueAbandoned += other.QueueAbandoned;
        QueueServedWaitMilliseconds += other.QueueServedWaitMilliseconds;
        QueueMaxWaitMilliseconds = Math.Max(QueueMaxWaitMilliseconds, other.QueueMaxWaitMilliseconds);
        QueueAbandonedWaitMilliseconds += other.QueueAbandonedWaitMilliseconds;
        QcGraded += other.QcGraded;
        QcScoreSum += other.QcScoreSum;
        QcExcellent += other.QcExcellent;
        QcGood += other.QcGood;
        QcPass += other.QcPass;
        QcPoor += other.QcPoor;
    }

    /// <summary>The totals of any rows (rollup rows of closed days and today's live rows alike).</summary>
    public static RollupTotals Sum(IEnumerable<RollupTotals> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var totals = new RollupTotals();
        foreach (var row in rows)
        {
            totals.Add(row);
        }

        return totals;
    }
}

/// <summary>
/// One rollup row (SPEC I4): the sums of one local hour of one local date, for one agent (or none: queue entries,
/// leave-messages nobody is responsible for, orders without a 下单客服) in one reception group (or none: status time
/// and CRM additions belong to no group). <see cref="DailyRollup"/> never emits a row that is all zeros.
/// </summary>
public sealed class RollupRow : RollupTotals
{
    /// <summary>
    /// The <see cref="Hour"/> of a whole-day row: the sum of an agent's and group's hourly rows of the date, stored beside
    /// them so a report over a year sums 365 rows per agent instead of 8 760 (ADR 011).
    /// </summary>
    public const int WholeDay = -1;

    /// <summary>
    /// The <see cref="Hour"/> of a whole-month row, dated the month's first day: the sum of an agent's and group's
    /// whole-day rows of the month, so a report over a year sums 12 rows per agent instead of 365 (ADR 011).
    /// </summary>
    public const int WholeMonth = -2;

    /// <summary>
    /// The <see cref="Hour"/> of an enterprise-day row, under no agent and no group: the sum of every whole-day row of
    /// the date, so a trend over the whole enterprise sums one row a day instead of one per agent and group (ADR 011).
    /// </summary>
    public const int EnterpriseDay = -3;

    public RollupRow(DateOnly localDate, int hour, int? agentId, int? receptionGroupId)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hour, EnterpriseDay);
        if (hour == WholeMonth && localDate.Day != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(localDate), "A whole-month row is dated the month's first day.");
        }

        if (hour == EnterpriseDay && (agentId is not null || receptionGroupId is not null))
        {
            throw new ArgumentException("An enterprise-day row belongs to no agent and no group.", nameof(agentId));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        LocalDate = localDate;
        Hour = hour;
        AgentId = agentId;
        ReceptionGroupId = receptionGroupId;
    }

    // For EF Core.
    private RollupRow()
    {
    }

    /// <summary>Surrogate key for the database; the natural key (date, hour, agent, group) has nullable parts.</summary>
    public long Id { get; private set; }

    public DateOnly LocalDate { get; private set; }

    /// <summary>Local hour 0–23, <see cref="WholeDay"/>, <see cref="WholeMonth"/> or <see cref="EnterpriseDay"/>. On a fall-back day both occurrences of the repeated hour add up in one row.</summary>
    public int Hour { get; private set; }

    public int? AgentId { get; private set; }

    public int? ReceptionGroupId { get; private set; }

    /// <summary>
    /// Per (agent, group) of <paramref name="rows"/>, one row under <paramref name="hour"/> dated <paramref name="date"/>
    /// holding their sum: a day's whole-day rows from its hourly rows, a month's from its whole-day rows.
    /// </summary>
    public static List<RollupRow> Summed(DateOnly date, int hour, IEnumerable<RollupRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sums = new List<RollupRow>();
        foreach (var key in rows.GroupBy(r => (r.AgentId, r.ReceptionGroupId)))
        {
            var sum = new RollupRow(date, hour, key.Key.AgentId, key.Key.ReceptionGroupId);
            foreach (var row in key)
            {
                sum.Add(row);
            }

            sums.Add(sum);
        }

        return sums;
    }

    /// <summary>The <see cref="EnterpriseDay"/> row of <paramref name="date"/>: the sum of its whole-day rows; none for a day without any.</summary>
    public static IEnumerable<RollupRow> EnterpriseTotal(DateOnly date, IEnumerable<RollupRow> wholeDayRows)
    {
        ArgumentNullException.ThrowIfNull(wholeDayRows);
        RollupRow? total = null;
        foreach (var row in wholeDayRows)
        {
            total ??= new RollupRow(date, EnterpriseDay, null, null);
            total.Add(row);
        }

        return total is null ? [] : [total];
    }
}
