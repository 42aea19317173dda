using CustomerService.Domain.Conversations;
using CustomerService.Domain.Reporting;
using static CustomerService.Tests.Builders.ReportSamples;

namespace CustomerService.Tests.Domain.Reporting;

/// <summary>
/// One hand-worked day in Asia/Shanghai (UTC+8), 2026-03-10, rolled up and turned into N5 figures. Every expected figure
/// below was computed on paper from the facts in <see cref="Facts"/>; the working is in the comments.
/// Agents 7 (Li) and 8 (Wang); reception groups 1 (presales) and 2 (aftersales).
/// </summary>
public sealed class DailyRollupScenarioTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateOnly Day = new(2026, 3, 10);

    // Rolled after the day: the open stretch counts up to the day's end.
    private static readonly DateTime Now = Local(11, 1, 0);

    /*
     Conversations (local times; V/A = visitor/agent messages):
       C1 101 u1      g1 agent 7  req 09:00:00 asg 09:00:10 end 09:10:10  V4 A5 valid  非常满意 solved   summarised purchased
                      responses: 7 first 20 s, 7 40 s
       C2 102 v1002   g1 agent 8  req 09:30:00 asg 09:30:30 end 10:00:30  V3 A3 valid  一般     unsolved (transferred 7 → 8)
                      responses: 7 first 25 s, 8 5 s; transfer initiated by 7
       C3 103 u3      g2 agent 8  req 14:00:00 end 14:05:00, visitor first wrote 14:00:20, V2 A0 invalid → wait 280 s
       C4 104 v1004   g2 agent 7  req 15:00:00 end 15:02:05, visitor first wrote 15:00:10, V1 A0 invalid → wait 115 s, 不满意
       C5 105 u5      g1 agent 7  req 23:59:59, still open, V1 A1 valid; responses: 7 first 10 s
       C6 106 u1      g2 agent 8  req 18:00:00 end 18:20:00  V1 A1 valid summarised; responses: 8 first 30 s (exactly)
       C7 107         g1 agent 7  req 2026-03-11 00:00:00 → another day: its response and transfer are ignored too.
     */
    private static ReportFacts Facts() => new()
    {
        Consultations =
        [
            Consultation(101, 7, 1, Local(10, 9, 0), Local(10, 9, 0, 10), Local(10, 9, 10, 10), Local(10, 9, 0, 5), 4, 5,
                EvaluationLevel.VerySatisfied, solved: true, summarized: true, purchased: true, userId: "u1"),
            Consultation(102, 8, 1, Local(10, 9, 30), Local(10, 9, 30, 30), Local(10, 10, 0, 30), Local(10, 9, 30, 40), 3, 3,
                EvaluationLevel.Neutral, solved: false),
            Consultation(103, 8, 2, Local(10, 14, 0), endedAt: Local(10, 14, 5), firstVisitorMessageAt: Local(10, 14, 0, 20),
                visitorMessages: 2, agentMessages: 0, userId: "u3"),
            Consultation(104, 7, 2, Local(10, 15, 0), Local(10, 15, 0, 5), Local(10, 15, 2, 5), Local(10, 15, 0, 10), 1, 0,
                EvaluationLevel.Dissatisfied),
            Consultation(105, 7, 1, Local(10, 23, 59, 59), firstVisitorMessageAt: Local(10, 23, 59, 59), userId: "u5"),
            Consultation(106, 8, 2, Local(10, 18, 0), endedAt: Local(10, 18, 20), firstVisitorMessageAt: Local(10, 18, 0),
                summarized: true, userId: "u1"),
            Consultation(107, 7, 1, Local(11, 0, 0), endedAt: Local(11, 0, 10), firstVisitorMessageAt: Local(11, 0, 0)),
        ],
        Responses =
        [
            new(101, 7, 20_000, IsFirst: true),
            new(101, 7, 40_000, IsFirst: false),
            new(102, 7, 25_000, IsFirst: true),
            new(102, 8, 5_000, IsFirst: false),
            new(105, 7, 10_000, IsFirst: true),
            new(106, 8, 30_000, IsFirst: true),
            new(107, 7, 1_000, IsFirst: true),
        ],
        Transfers = [new(102, 7), new(107, 7)],
        /*
         Agent 7: Online 08:30–12:15 (13 500 s: hour 8 1 800, 9–11 3 600 each, 12 900), Busy 12:15–13:00 (2 700 s),
                  Away 13:00–13:30 (1 800 s), Offline 13:30–14:00 (never counted), Online 14:00–open (until now, clipped
                  to 24:00: 36 000 s, 3 600 in each hour 14–23).
         Agent 8: Online 2026-03-09 22:00 → 02:30 (only 00:00–02:30 today: 9 000 s), Busy 23:00 → 2026-03-11 01:00 (3 600 s today).
         */
        Statuses =
        [
            new(7, AgentStatus.Online, Local(10, 8, 30), Local(10, 12, 15)),
            new(7, AgentStatus.Busy, Local(10, 12, 15), Local(10, 13, 0)),
            new(7, AgentStatus.Away, Local(10, 13, 0), Local(10, 13, 30)),
            new(7, AgentStatus.Offline, Local(10, 13, 30), Local(10, 14, 0)),
            new(7, AgentStatus.Online, Local(10, 14, 0), null),
            new(8, AgentStatus.Online, Local(9, 22, 0), Local(10, 2, 30)),
            new(8, AgentStatus.Busy, Local(10, 23, 0), Local(11, 1, 0)),
        ],
        /*
         L1 g1 responsible 7, created 10:00, handled 11:00 (within 24 h)          → agent 7
         L2 g1 nobody responsible, handled by 8 24 h 1 s after creation at 11:00   → agent 8, handled, not within 24 h
         L3 g2 nobody, not handled, created 16:00                                  → no agent
         L4 created 2026-03-09 23:59:59                                            → another day
         */
        LeaveMessages =
        [
            new(1, 1, 7, 7, Local(10, 10, 0), Local(10, 11, 0)),
            new(2, 1, null, 8, Local(10, 11, 0), Local(11, 11, 0, 1)),
            new(3, 2, null, null, Local(10, 16, 0), null),
            new(4, 2, 8, null, Local(9, 23, 59, 59), null),
        ],
        /*
         Q1 g1 08:59 → 09:00 served (60 s); Q2 g1 09:28 → 09:30 served (120 s); Q3 g2 12:00 → 12:05 abandoned (300 s);
         Q4 g2 12:10 → 12:11 left a message (60 s); Q5 g1 23:50 still waiting.
         */
        Queue =
        [
            new(1, Local(10, 8, 59), QueueOutcome.Served, Local(10, 9, 0)),
            new(1, Local(10, 9, 28), QueueOutcome.Served, Local(10, 9, 30)),
            new(2, Local(10, 12, 0), QueueOutcome.Abandoned, Local(10, 12, 5)),
            new(2, Local(10, 12, 10), QueueOutcome.LeftMessage, Local(10, 12, 11)),
            new(1, Local(10, 23, 50), null, null),
        ],
        CustomersAdded = [new(7, Local(10, 9, 5)), new(8, Local(11, 0, 0))],
        /*
         O1 199.90 09:20 paid, 下单客服 7, g1, conversation requested 09:00 (20 min: 24 h, same day, 3 days)
         O2 100.00 20:00 unpaid, 下单客服 8, g1, assisted by 7, conversation requested 2026-03-08 21:00 (47 h: 3 days only)
         O3  50.00 21:00 paid, 咨询前下单 → not a 咨询订单, counts nowhere
         O4 300.00 2026-03-11 00:00 → another day
         O5  80.05 22:00 paid, 下单客服 7, g2, assisted by 8, conversation requested 2026-03-07 22:00 (exactly 72 h: 3 days)
         */
        Orders =
        [
            Order("O1", 199.90m, Local(10, 9, 20), 7, 1, Local(10, 9, 0), paidAt: Local(10, 9, 25)),
            Order("O2", 100.00m, Local(10, 20, 0), 8, 1, Local(8, 21, 0), assisting: [7]),
            Order("O3", 50.00m, Local(10, 21, 0), null, 1, Local(10, 22, 0), Local(10, 21, 30), OrderType.BeforeConsultation),
            Order("O4", 300.00m, Local(11, 0, 0), 7, 1, Local(10, 23, 59, 59)),
            Order("O5", 80.05m, Local(10, 22, 0), 7, 2, Local(7, 22, 0), paidAt: Local(10, 22, 10), assisting: [8]),
        ],
    };

    [Fact]
    public void The_day_has_one_row_per_hour_agent_and_group_that_has_anything_in_order()
    {
        var rows = DailyRollup.Roll(Day, Shanghai, Facts(), Now);

        // Worked out fact by fact (hour, agent, group): conversations and their 30 s credit, responses, transfer, status
        // (group none), leave-messages, queue (agent none), CRM (group none), orders and assisting agents.
        (int, int?, int?)[] expected =
        [
            (0, 8, null), (1, 8, null), (2, 8, null),
            (8, null, 1), (8, 7, null),
            (9, null, 1), (9, 7, null), (9, 7, 1), (9, 8, 1),
            (10, 7, null), (10, 7, 1),
            (11, 7, null), (11, 8, 1),
            (12, null, 2), (12, 7, null),
            (13, 7, null),
            (14, 7, null), (14, 8, 2),
            (15, 7, null), (15, 7, 2),
            (16, null, 2), (16, 7, null),
            (17, 7, null),
            (18, 7, null), (18, 8, 2),
            (19, 7, null),
            (20, 7, null), (20, 7, 1), (20, 8, 1),
            (21, 7, null),
            (22, 7, null), (22, 7, 2), (22, 8, 2),
            (23, null, 1), (23, 7, null), (23, 7, 1), (23, 8, null),
        ];
        Assert.Equal(expected, rows.Select(r => (r.Hour, r.AgentId, r.ReceptionGroupId)));
        Assert.All(rows, r => Assert.Equal(Day, r.LocalDate));
    }

    [Fact]
    public void The_nine_oclock_rows_hold_what_happened_then()
    {
        var rows = DailyRollup.Roll(Day, Shanghai, Facts(), Now);

        // Agent 7 in group 1 at 9: C1 is his; C2's 30 s credit is his (he answered first, in 25 s); responses 20 s, 40 s
        // (C1) and 25 s (C2), first ones 20 s + 25 s; he initiated C2's transfer; O1 is his (paid, 199.90).
        var li = rows.Single(r => r is { Hour: 9, AgentId: 7, ReceptionGroupId: 1 });
        Assert.Equal(1, li.Consultations);
        Assert.Equal(1, li.Valid);
        Assert.Equal(9, li.ValidMessages);
        Assert.Equal(2, li.VisitorSpoke);
        Assert.Equal(2, li.AnsweredWithin30s);
        Assert.Equal(2, li.FirstResponses);
        Assert.Equal(45_000, li.FirstResponseMilliseconds);
        Assert.Equal(3, li.Responses);
        Assert.Equal(85_000, li.ResponseMilliseconds);
        Assert.Equal([0L, 2, 1, 0, 0, 0, 0], li.ResponseBucketCounts());
        Assert.Equal(1, li.DurationCount);
        Assert.Equal(600_000, li.DurationMilliseconds);
        Assert.Equal(1, li.Transfers);
        Assert.Equal(1, li.ConsultationOrders);
        Assert.Equal(199.90m, li.OrderAmount);
        Assert.Equal(1, li.PaidOrders);
        Assert.Equal(0, li.OnlineMilliseconds);

        // Agent 8 in group 1 at 9: C2 ended his (after the transfer): duration 30 min, 6 messages, 一般, unsolved; his 5 s
        // response; no 30 s credit (agent 7 answered first).
        var wang = rows.Single(r => r is { Hour: 9, AgentId: 8, ReceptionGroupId: 1 });
        Assert.Equal(1, wang.Consultations);
        Assert.Equal(1_800_000, wang.DurationMilliseconds);
        Assert.Equal(6, wang.ValidMessages);
        Assert.Equal(1, wang.Neutral);
        Assert.Equal(1, wang.Unresolved);
        Assert.Equal(0, wang.VisitorSpoke);
        Assert.Equal(1, wang.Responses);
        Assert.Equal(0, wang.FirstResponses);
        Assert.Equal([1L, 0, 0, 0, 0, 0, 0], wang.ResponseBucketCounts());

        // Agent 7's own row at 9 (no group): an hour Online and the CRM customer he added at 09:05.
        var liStatus = rows.Single(r => r is { Hour: 9, AgentId: 7, ReceptionGroupId: null });
        Assert.Equal(3_600_000, liStatus.OnlineMilliseconds);
        Assert.Equal(1, liStatus.CrmAdded);
        Assert.Equal(0, liStatus.Consultations);

        // Queue of group 1 at 9: Q2, served after 120 s (Q1 entered at 08:59, in the 8 o'clock row).
        var queue = rows.Single(r => r is { Hour: 9, AgentId: null, ReceptionGroupId: 1 });
        Assert.Equal(1, queue.Queued);
        Assert.Equal(120_000, queue.QueueServedWaitMilliseconds);
        Assert.Equal(120_000, queue.QueueMaxWaitMilliseconds);
    }

    [Fact]
    public void Enterprise_figures_of_the_day()
    {
        var totals = RollupTotals.Sum(DailyRollup.Roll(Day, Shanghai, Facts(), Now));

        // Distinct figures come from facts for the period: valid users u1 (C1, C6), v1002 (C2), u5 (C5) = 3; ordering
        // users given as 2; invalid waits 280 s and 115 s, average 197.5 s, only 115 s below it → 1 recoverable.
        var f = ReportFigures.From(totals, new DistinctFigures(ValidUsers: 3, OrderingUsers: 2, Recoverable: 1));

        Assert.Equal(6, f.Consultations);                 // C1–C6
        Assert.Equal(4, f.Valid);                         // C1, C2, C5, C6
        Assert.Equal(2, f.Invalid);
        Assert.Equal(4.0 / 6, f.ConnectRate);
        Assert.Equal(21.3, f.FirstResponseSeconds);       // (20 + 25 + 10 + 30) / 4 = 21.25 → 21.3 (half away from zero)
        Assert.Equal(21.7, f.AvgResponseSeconds);         // (20 + 40 + 25 + 5 + 10 + 30) / 6 = 21.67
        Assert.Equal(4.0 / 6, f.ResponseRate30s);         // spoke C1–C6; within 30 s C1, C2, C5, C6 (30 s counts)
        Assert.Equal(1200.0, f.AvgDurationSeconds);       // (600 + 1800 + 1200) / 3; C5 still open
        Assert.Equal(4.8, f.AvgMessages);                 // (9 + 6 + 2 + 2) / 4 = 4.75
        Assert.Equal(1, f.Transfers);
        Assert.Equal(2, f.Summarized);                    // C1, C6
        Assert.Equal(2, f.Unsummarized);                  // C2, C5
        Assert.Equal(1, f.CrmAdded);
        Assert.Equal(3, f.LeaveMessages);
        Assert.Equal(2, f.LeaveMessagesHandled);
        Assert.Equal(2.0 / 3, f.LeaveMessagesHandledRate);
        Assert.Equal(1, f.LeaveMessagesHandled24h);
        Assert.Equal(1.0 / 3, f.LeaveMessagesHandled24hRate);
        Assert.Equal(197.5, f.InvalidAvgWaitSeconds);     // (280 + 115) / 2
        Assert.Equal(1, f.Recoverable);
        Assert.Equal(0.8, f.RecoverableOrders);           // 1 × 3 / 4 = 0.75 → 0.8
        Assert.Equal(new RatingCounts(1, 0, 1, 1, 0, 3), f.Ratings);
        Assert.Equal(1.0 / 3, f.SatisfactionRate);        // 非常满意 1 of 3 rated
        Assert.Equal(2.0 / 3, f.SatisfactionRateWithNeutral);
        Assert.Equal(58_500, f.OnlineSeconds);            // 7: 13 500 + 36 000; 8: 9 000
        Assert.Equal(6_300, f.BusySeconds);               // 7: 2 700; 8: 3 600
        Assert.Equal(1_800, f.AwaySeconds);
        Assert.Equal(64_800, f.WorkingSeconds);
        Assert.Equal(66_600, f.LoginSeconds);
        Assert.Equal(64_800.0 / 66_600, f.Saturation);
        Assert.Equal(1, f.Resolved);
        Assert.Equal(1, f.Unresolved);
        Assert.Equal(23.3, f.ResponseP50Seconds);         // buckets [1,3,2,…]; rank 3 → 10 + (3 − 1) / 3 × 20 = 23.33
        Assert.Equal(51.0, f.ResponseP90Seconds);         // rank 5.4 → 30 + (5.4 − 4) / 2 × 30 = 51
        Assert.Equal(3, f.ValidUsers);
        Assert.Equal(3, f.ConsultationOrders);            // O1, O2, O5
        Assert.Equal(379.95m, f.OrderAmount);
        Assert.Equal(2, f.PaidOrders);                    // O1, O5
        Assert.Equal(2.0 / 3, f.PaidRate);
        Assert.Equal(3.0 / 4, f.ConversionRate);
        Assert.Equal(2, f.OrderingUsers);
        Assert.Equal(2.0 / 3, f.UserConversionRate);
        Assert.Equal(1, f.PurchasedConsultations);        // C1
        Assert.Equal(2, f.AssistedOrders);                // O2 and O5 had an assisting agent
        Assert.Equal(1, f.Orders24h);                     // O1
        Assert.Equal(1, f.OrdersSameDay);                 // O1
        Assert.Equal(3, f.Orders3d);                      // O1, O2 (47 h), O5 (72 h exactly)
    }

    [Fact]
    public void Agent_7_figures_of_the_day()
    {
        var rows = DailyRollup.Roll(Day, Shanghai, Facts(), Now);

        var f = ReportFigures.From(RollupTotals.Sum(rows.Where(r => r.AgentId == 7)), DistinctFigures.None, ReportSubject.Agent);

        Assert.Equal(3, f.Consultations);                 // C1, C4, C5 (C2 went to agent 8)
        Assert.Equal(2, f.Valid);                         // C1, C5
        Assert.Equal(18.3, f.FirstResponseSeconds);       // (20 + 25 + 10) / 3 = 18.33: C2's first response is his
        Assert.Equal(23.8, f.AvgResponseSeconds);         // (20 + 40 + 25 + 10) / 4 = 23.75
        Assert.Equal(0.75, f.ResponseRate30s);            // C1 ✓, C2 ✓ (first responder), C4 ✗ (unanswered, his), C5 ✓
        Assert.Equal(600.0, f.AvgDurationSeconds);        // C1 only; C5 open
        Assert.Equal(5.5, f.AvgMessages);                 // (9 + 2) / 2
        Assert.Equal(1, f.Transfers);
        Assert.Equal(1, f.Summarized);
        Assert.Equal(1, f.Unsummarized);
        Assert.Equal(1, f.CrmAdded);
        Assert.Equal(1, f.LeaveMessages);                 // L1
        Assert.Equal(1, f.LeaveMessagesHandled24h);
        Assert.Equal(115.0, f.InvalidAvgWaitSeconds);     // C4
        Assert.Equal(new RatingCounts(1, 0, 0, 1, 0, 1), f.Ratings);
        Assert.Equal(0.5, f.SatisfactionRate);
        Assert.Equal(49_500, f.OnlineSeconds);
        Assert.Equal(2_700, f.BusySeconds);
        Assert.Equal(1_800, f.AwaySeconds);
        Assert.Equal(52_200, f.WorkingSeconds);
        Assert.Equal(54_000, f.LoginSeconds);
        Assert.Equal(52_200.0 / 54_000, f.Saturation);
        Assert.Equal(2, f.ConsultationOrders);            // O1, O5
        Assert.Equal(279.95m, f.OrderAmount);
        Assert.Equal(2, f.PaidOrders);
        Assert.Equal(1.0, f.ConversionRate);              // 2 orders / 2 valid
        Assert.Equal(1, f.AssistedOrders);                // he assisted O2
        Assert.Equal(1, f.Orders24h);
        Assert.Equal(1, f.OrdersSameDay);
        Assert.Equal(2, f.Orders3d);
        Assert.Equal(1, f.PurchasedConsultations);
    }

    [Fact]
    public void Agent_8_figures_of_the_day()
    {
        var rows = DailyRollup.Roll(Day, Shanghai, Facts(), Now);

        var f = ReportFigures.From(RollupTotals.Sum(rows.Where(r => r.AgentId == 8)), DistinctFigures.None, ReportSubject.Agent);

        Assert.Equal(3, f.Consultations);                 // C2 (final agent after the transfer), C3, C6
        Assert.Equal(2, f.Valid);                         // C2, C6
        Assert.Equal(30.0, f.FirstResponseSeconds);       // C6 only: C2's first response was agent 7's
        Assert.Equal(17.5, f.AvgResponseSeconds);         // (5 + 30) / 2
        Assert.Equal(0.5, f.ResponseRate30s);             // C3 ✗ (unanswered), C6 ✓
        Assert.Equal(1500.0, f.AvgDurationSeconds);       // (1800 + 1200) / 2
        Assert.Equal(4.0, f.AvgMessages);                 // (6 + 2) / 2
        Assert.Equal(0, f.Transfers);
        Assert.Equal(1, f.LeaveMessages);                 // L2, handled by him with nobody responsible
        Assert.Equal(1, f.LeaveMessagesHandled);
        Assert.Equal(0, f.LeaveMessagesHandled24h);       // 24 h and 1 s
        Assert.Equal(280.0, f.InvalidAvgWaitSeconds);     // C3
        Assert.Equal(new RatingCounts(0, 0, 1, 0, 0, 2), f.Ratings);
        Assert.Equal(9_000, f.OnlineSeconds);
        Assert.Equal(3_600, f.BusySeconds);
        Assert.Equal(1.0, f.Saturation);
        Assert.Equal(1, f.ConsultationOrders);            // O2
        Assert.Equal(100.00m, f.OrderAmount);
        Assert.Equal(0, f.PaidOrders);
        Assert.Equal(0.0, f.PaidRate);
        Assert.Equal(0.5, f.ConversionRate);
        Assert.Equal(1, f.AssistedOrders);                // he assisted O5
        Assert.Equal(0, f.Orders24h);
        Assert.Equal(1, f.Orders3d);
    }

    [Fact]
    public void Queue_figures_of_the_day()
    {
        var totals = RollupTotals.Sum(DailyRollup.Roll(Day, Shanghai, Facts(), Now));

        var queue = QueueFigures.From(totals);

        // Q1–Q5 queued; served Q1 (60 s) and Q2 (120 s): average 90 s; longest of any 300 s (Q3); abandoned Q3 300 s.
        Assert.Equal(new QueueFigures(5, 2, 1, 1, 90.0, 300.0, 300.0), queue);
    }

    [Fact]
    public void Rolling_the_same_facts_again_gives_the_same_rows()
    {
        var first = DailyRollup.Roll(Day, Shanghai, Facts(), Now);
        var second = DailyRollup.Roll(Day, Shanghai, Facts(), Now);

        Assert.Equal(Describe(first), Describe(second));
    }

    private static List<string> Describe(IEnumerable<RollupRow> rows) =>
        [.. rows.Select(r => $"{r.Hour}/{r.AgentId}/{r.ReceptionGroupId}: {r.Consultations} {r.Responses} {r.OnlineMilliseconds} {r.OrderAmount}")];

    /// <summary>A Shanghai local time in March 2026 as UTC.</summary>
    private static DateTime Local(int day, int hour, int minute, int second = 0) =>
        new DateTime(2026, 3, day, hour, minute, second, DateTimeKind.Utc).AddHours(-8);
}
