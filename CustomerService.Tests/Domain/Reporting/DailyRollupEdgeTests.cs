using CustomerService.Domain.Conversations;
using CustomerService.Domain.Reporting;
using static CustomerService.Tests.Builders.ReportSamples;

namespace CustomerService.Tests.Domain.Reporting;

/// <summary>Edges of <see cref="DailyRollup"/>: day boundaries, crediting rules and the ends of each "within".</summary>
public sealed class DailyRollupEdgeTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateOnly Day = new(2026, 3, 10);
    private static readonly DateTime Later = Local(12, 0, 0);

    [Fact]
    public void Facts_at_local_midnight_belong_to_the_day_that_begins_and_a_second_before_to_the_day_before()
    {
        // 2026-03-10 00:00:00 local is 2026-03-09 16:00:00 UTC: in. 23:59:59 the evening before: out. Same for the
        // next midnight: 23:59:59 in, 00:00:00 out.
        var facts = new ReportFacts
        {
            Consultations =
            [
                Consultation(1, 7, 1, Local(9, 23, 59, 59)),
                Consultation(2, 7, 1, Local(10, 0, 0)),
                Consultation(3, 7, 1, Local(10, 23, 59, 59)),
                Consultation(4, 7, 1, Local(11, 0, 0)),
            ],
            Orders =
            [
                Order("a", 1m, Local(9, 23, 59, 59), 7, 1, Local(9, 23, 0)),
                Order("b", 2m, Local(10, 0, 0), 7, 1, Local(9, 23, 0)),
                Order("c", 4m, Local(10, 23, 59, 59), 7, 1, Local(10, 23, 0)),
                Order("d", 8m, Local(11, 0, 0), 7, 1, Local(10, 23, 0)),
            ],
            LeaveMessages =
            [
                new(1, 1, 7, null, Local(9, 23, 59, 59), null),
                new(2, 1, 7, null, Local(10, 0, 0), null),
                new(3, 1, 7, null, Local(10, 23, 59, 59), null),
                new(4, 1, 7, null, Local(11, 0, 0), null),
            ],
            Queue =
            [
                new(1, Local(9, 23, 59, 59), null, null),
                new(1, Local(10, 0, 0), null, null),
                new(1, Local(10, 23, 59, 59), null, null),
                new(1, Local(11, 0, 0), null, null),
            ],
            CustomersAdded = [new(7, Local(9, 23, 59, 59)), new(7, Local(10, 0, 0)), new(7, Local(10, 23, 59, 59)), new(7, Local(11, 0, 0))],
        };

        var rows = DailyRollup.Roll(Day, Shanghai, facts, Later);

        Assert.Equal(
            [(0, null, 1), (0, 7, null), (0, 7, 1), (23, null, 1), (23, 7, null), (23, 7, 1)],
            rows.Select(r => (r.Hour, r.AgentId, r.ReceptionGroupId)));
        var totals = RollupTotals.Sum(rows);
        Assert.Equal(2, totals.Consultations);
        Assert.Equal(6m, totals.OrderAmount);
        Assert.Equal(2, totals.LeaveMessages);
        Assert.Equal(2, totals.Queued);
        Assert.Equal(2, totals.CrmAdded);
    }

    [Fact]
    public void A_transferred_conversation_counts_for_the_final_agent_and_the_transfer_for_the_one_who_started_it()
    {
        // Agent 7 took the conversation and transferred it to 8, who ended it: the fact's AgentId is 8.
        var facts = new ReportFacts
        {
            Consultations = [Consultation(1, 8, 1, Local(10, 10, 0), endedAt: Local(10, 10, 20), evaluation: EvaluationLevel.Satisfied)],
            Transfers = [new(1, 7)],
        };

        var rows = DailyRollup.Roll(Day, Shanghai, facts, Later);

        var agent8 = rows.Single(r => r.AgentId == 8);
        var agent7 = rows.Single(r => r.AgentId == 7);
        Assert.Equal((1L, 1L, 1L, 0L), (agent8.Consultations, agent8.Valid, agent8.Satisfied, agent8.Transfers));
        Assert.Equal((0L, 1L), (agent7.Consultations, agent7.Transfers));
        Assert.Equal((10, 1), (agent7.Hour, agent7.ReceptionGroupId));
    }

    [Fact]
    public void Responses_count_only_in_valid_conversations_but_a_visitor_who_spoke_always_counts_for_the_30_second_rate()
    {
        // Conversation 1: the visitor never wrote (V0 A2); the agent's lines are not responses. Conversation 2: valid.
        var facts = new ReportFacts
        {
            Consultations =
            [
                Consultation(1, 7, 1, Local(10, 10, 0), visitorMessages: 0, agentMessages: 2),
                Consultation(2, 7, 1, Local(10, 10, 5)),
            ],
            Responses = [new(1, 7, 1_000, IsFirst: true), new(2, 7, 31_000, IsFirst: true), new(99, 7, 1_000, IsFirst: true)],
        };

        var row = DailyRollup.Roll(Day, Shanghai, facts, Later).Single();

        Assert.Equal((1L, 31_000L, 1L, 31_000L), (row.FirstResponses, row.FirstResponseMilliseconds, row.Responses, row.ResponseMilliseconds));
        Assert.Equal((1L, 0L), (row.VisitorSpoke, row.AnsweredWithin30s)); // 31 s is not within 30 s
        Assert.Equal([0L, 0, 1, 0, 0, 0, 0], row.ResponseBucketCounts());
    }

    [Fact]
    public void Each_response_lands_in_its_histogram_bucket()
    {
        long[] times = [0, 9_999, 10_000, 29_999, 30_000, 59_999, 60_000, 179_999, 180_000, 599_999, 600_000, 1_799_999, 1_800_000, 7_200_000];
        var facts = new ReportFacts
        {
            Consultations = [Consultation(1, 7, 1, Local(10, 10, 0))],
            Responses = [.. times.Select(ms => new ResponseSample(1, 7, ms, IsFirst: false))],
        };

        var row = DailyRollup.Roll(Day, Shanghai, facts, Later).Single();

        Assert.Equal([2L, 2, 2, 2, 2, 2, 2], row.ResponseBucketCounts());
        Assert.Equal((14L, 0L), (row.Responses, row.FirstResponses));
    }

    [Fact]
    public void Only_the_first_first_response_decides_the_30_second_credit()
    {
        // A loader bug could send two first responses; the first one listed wins, so the rule stays deterministic.
        var facts = new ReportFacts
        {
            Consultations = [Consultation(1, 9, 1, Local(10, 10, 0))],
            Responses = [new(1, 7, 30_000, IsFirst: true), new(1, 8, 1_000, IsFirst: true)],
        };

        var rows = DailyRollup.Roll(Day, Shanghai, facts, Later);

        var agent7 = rows.Single(r => r.AgentId == 7);
        Assert.Equal((1L, 1L), (agent7.VisitorSpoke, agent7.AnsweredWithin30s));
        Assert.Equal(0, rows.Single(r => r.AgentId == 8).VisitorSpoke);
        Assert.Equal(0, rows.Single(r => r.AgentId == 9).VisitorSpoke);
    }

    [Fact]
    public void Each_rating_and_solved_answer_is_counted_and_invalid_purchases_after_sales_and_summaries_are_not()
    {
        var facts = new ReportFacts
        {
            Consultations =
            [
                Consultation(1, 7, 1, Local(10, 1, 0), evaluation: EvaluationLevel.VerySatisfied, solved: true, summarized: true, purchased: true),
                Consultation(2, 7, 1, Local(10, 1, 0), evaluation: EvaluationLevel.Satisfied, solved: true, afterSale: true),
                Consultation(3, 7, 1, Local(10, 1, 0), evaluation: EvaluationLevel.Neutral, solved: false),
                Consultation(4, 7, 1, Local(10, 1, 0), evaluation: EvaluationLevel.Dissatisfied, solved: null),
                Consultation(5, 7, 1, Local(10, 1, 0), evaluation: EvaluationLevel.VeryDissatisfied, solved: null),
                Consultation(6, 7, 1, Local(10, 1, 0), agentMessages: 0, summarized: true, purchased: true, afterSale: true),
            ],
        };

        var row = DailyRollup.Roll(Day, Shanghai, facts, Later).Single();

        Assert.Equal(1L, row.AfterSaleConsultations);
        Assert.Equal((1L, 1L, 1L, 1L, 1L), (row.VerySatisfied, row.Satisfied, row.Neutral, row.Dissatisfied, row.VeryDissatisfied));
        Assert.Equal((2L, 1L), (row.Resolved, row.Unresolved));
        Assert.Equal((6L, 5L, 1L, 1L), (row.Consultations, row.Valid, row.Summarized, row.PurchasedConsultations));
        Assert.Equal(10, row.ValidMessages);
    }

    [Fact]
    public void An_invalid_conversation_waits_from_the_visitors_first_message_to_its_end_and_only_once_it_ended()
    {
        var facts = new ReportFacts
        {
            Consultations =
            [
                Consultation(1, 7, 1, Local(10, 1, 0), endedAt: Local(10, 1, 1, 30), firstVisitorMessageAt: Local(10, 1, 0, 10), agentMessages: 0),
                Consultation(2, 7, 1, Local(10, 1, 0), firstVisitorMessageAt: Local(10, 1, 0, 10), agentMessages: 0),
                Consultation(3, 7, 1, Local(10, 1, 0), endedAt: Local(10, 1, 5), visitorMessages: 0),
                Consultation(4, 7, 1, Local(10, 1, 0), Local(10, 1, 0, 30), Local(10, 1, 2), Local(10, 1, 0, 10)),
            ],
        };

        var row = DailyRollup.Roll(Day, Shanghai, facts, Later).Single();

        Assert.Equal((1L, 80_000L), (row.InvalidSpoke, row.InvalidWaitMilliseconds));
        Assert.Equal((1L, 90_000L), (row.DurationCount, row.DurationMilliseconds)); // valid: ended − assigned
    }

    [Fact]
    public void Status_time_is_clipped_to_each_local_hour_and_to_the_day()
    {
        // Busy from 22:30 the evening before to 00:45; Online 00:45–01:15; Away 23:50 → 00:10 the next day.
        var facts = new ReportFacts
        {
            Statuses =
            [
                new(7, AgentStatus.Busy, Local(9, 22, 30), Local(10, 0, 45)),
                new(7, AgentStatus.Online, Local(10, 0, 45), Local(10, 1, 15)),
                new(7, AgentStatus.Away, Local(10, 23, 50), Local(11, 0, 10)),
            ],
        };

        var rows = DailyRollup.Roll(Day, Shanghai, facts, Later);

        Assert.Equal(
            [(0, 2_700_000L, 900_000L, 0L), (1, 0L, 900_000L, 0L), (23, 0L, 0L, 600_000L)],
            rows.Select(r => (r.Hour, r.BusyMilliseconds, r.OnlineMilliseconds, r.AwayMilliseconds)));
        Assert.All(rows, r => Assert.Equal((7, (int?)null), (r.AgentId!.Value, r.ReceptionGroupId)));
    }

    [Fact]
    public void An_open_stretch_counts_up_to_now_and_offline_never()
    {
        var facts = new ReportFacts
        {
            Statuses =
            [
                new(7, AgentStatus.Online, Local(10, 9, 0), null),
                new(8, AgentStatus.Offline, Local(10, 0, 0), null),
                new(9, AgentStatus.Busy, Local(10, 11, 0), null),
            ],
        };

        var rows = DailyRollup.Roll(Day, Shanghai, facts, now: Local(10, 10, 30));

        Assert.Equal(
            [(9, 7, 3_600_000L), (10, 7, 1_800_000L)],
            rows.Select(r => (r.Hour, r.AgentId!.Value, r.OnlineMilliseconds)));
    }

    [Fact]
    public void Less_than_a_millisecond_of_status_makes_no_row()
    {
        var start = Local(10, 9, 0);
        var facts = new ReportFacts { Statuses = [new(7, AgentStatus.Online, start, start.AddTicks(9_999))] };

        Assert.Empty(DailyRollup.Roll(Day, Shanghai, facts, Later));
    }

    [Fact]
    public void A_leave_message_goes_to_the_responsible_agent_else_the_handler_else_nobody_and_24_hours_is_inclusive()
    {
        var facts = new ReportFacts
        {
            LeaveMessages =
            [
                new(1, 1, 7, 8, Local(10, 9, 0), Local(11, 9, 0)),
                new(2, 1, null, 8, Local(10, 9, 0), Local(11, 9, 0, 1)),
                new(3, 2, null, null, Local(10, 9, 0), null),
            ],
        };

        var rows = DailyRollup.Roll(Day, Shanghai, facts, Later);

        Assert.Equal(
            [(null, 2, 1L, 0L, 0L), (7, 1, 1L, 1L, 1L), (8, 1, 1L, 1L, 0L)],
            rows.Select(r => (r.AgentId, r.ReceptionGroupId!.Value, r.LeaveMessages, r.LeaveMessagesHandled, r.LeaveMessagesHandled24h)));
    }

    [Fact]
    public void Queue_outcomes_and_waits_with_the_longest_wait_of_any()
    {
        var facts = new ReportFacts
        {
            Queue =
            [
                new(1, Local(10, 9, 0), QueueOutcome.Served, Local(10, 9, 1)),
                new(1, Local(10, 9, 10), QueueOutcome.LeftMessage, Local(10, 9, 17)),
                new(1, Local(10, 9, 20), QueueOutcome.Abandoned, Local(10, 9, 22)),
                new(1, Local(10, 9, 30), QueueOutcome.Served, null),
                new(1, Local(10, 9, 40), null, null),
            ],
        };

        var row = DailyRollup.Roll(Day, Shanghai, facts, Later).Single();

        Assert.Equal((5L, 2L, 1L, 1L), (row.Queued, row.QueueServed, row.QueueLeftMessage, row.QueueAbandoned));
        Assert.Equal((60_000L, 120_000L), (row.QueueServedWaitMilliseconds, row.QueueAbandonedWaitMilliseconds));
        Assert.Equal(420_000, row.QueueMaxWaitMilliseconds); // the one that left a message waited 7 min
        Assert.Equal((9, (int?)null, (int?)1), (row.Hour, row.AgentId, row.ReceptionGroupId));
    }

    [Fact]
    public void Only_consultation_orders_count_with_24_hours_3_days_and_the_same_local_day_inclusive()
    {
        var placed = Local(10, 10, 0);
        var facts = new ReportFacts
        {
            Orders =
            [
                Order("exactly-24h", 1m, placed, 7, 1, placed.AddHours(-24)),
                Order("24h-and-1s", 2m, placed, 7, 1, placed.AddHours(-24).AddSeconds(-1)),
                Order("exactly-72h", 4m, placed, 7, 1, placed.AddHours(-72)),
                Order("72h-and-1s", 8m, placed, 7, 1, placed.AddHours(-72).AddSeconds(-1)),
                Order("same-local-day", 16m, placed, 7, 1, Local(10, 0, 0)),
                Order("no-attributed-time", 32m, placed, 7, 1, null),
                Order("before-consultation", 64m, placed, 7, 1, placed.AddHours(1), placed, OrderType.BeforeConsultation),
                Order("none", 128m, placed, null, null, null, placed, OrderType.None),
            ],
        };

        var row = DailyRollup.Roll(Day, Shanghai, facts, Later).Single();

        Assert.Equal((6L, 63m, 0L), (row.ConsultationOrders, row.OrderAmount, row.PaidOrders));
        Assert.Equal((2L, 1L, 4L), (row.Orders24h, row.OrdersSameDay, row.Orders3d));
    }

    [Fact]
    public void The_same_local_day_is_decided_in_the_zone_not_in_utc()
    {
        // a: conversation 07:00 local (2026-03-09 23:00 UTC), order 09:00 local (03-10 01:00 UTC): same local day, not UTC.
        // b: conversation 2026-03-09 23:00 local (15:00 UTC), order 01:00 local (03-09 17:00 UTC): same UTC day, not local.
        var facts = new ReportFacts
        {
            Orders =
            [
                Order("a", 1m, Local(10, 9, 0), 7, 1, Local(10, 7, 0)),
                Order("b", 1m, Local(10, 1, 0), 8, 1, Local(9, 23, 0)),
            ],
        };

        var rows = DailyRollup.Roll(Day, Shanghai, facts, Later);

        Assert.Equal(1, rows.Single(r => r.AgentId == 7).OrdersSameDay);
        Assert.Equal(0, rows.Single(r => r.AgentId == 8).OrdersSameDay);
    }

    [Fact]
    public void Each_assisting_agent_gets_one_assisted_order_and_the_order_agent_one_order_with_assistance()
    {
        var facts = new ReportFacts
        {
            Orders =
            [
                Order("assisted", 10m, Local(10, 10, 0), 7, 2, Local(10, 9, 0), Local(10, 10, 5), assisting: [8, 9, 8]),
                Order("alone", 20m, Local(10, 10, 0), 7, 2, Local(10, 9, 0)),
                Order("nobody", 40m, Local(10, 10, 0), null, 2, Local(10, 9, 0)),
            ],
        };

        var rows = DailyRollup.Roll(Day, Shanghai, facts, Later);

        Assert.Equal(
            [(null, 1L, 40m, 0L, 0L, 0L), (7, 2L, 30m, 1L, 1L, 0L), (8, 0L, 0m, 0L, 0L, 1L), (9, 0L, 0m, 0L, 0L, 1L)],
            rows.Select(r => (r.AgentId, r.ConsultationOrders, r.OrderAmount, r.PaidOrders, r.OrdersWithAssistance, r.AssistedOrders)));
        Assert.All(rows, r => Assert.Equal((10, (int?)2), (r.Hour, r.ReceptionGroupId)));
    }

    [Fact]
    public void Null_arguments_are_errors()
    {
        Assert.Throws<ArgumentNullException>(() => DailyRollup.Roll(Day, null!, new ReportFacts(), Later));
        Assert.Throws<ArgumentNullException>(() => DailyRollup.Roll(Day, Shanghai, null!, Later));
    }

    [Fact]
    public void A_user_is_the_signed_user_id_else_the_visitor()
    {
        var signed = Consultation(1, 7, 1, Local(10, 9, 0), visitorId: 42, userId: "42");
        var anonymous = Consultation(2, 7, 1, Local(10, 9, 0), visitorId: 42);

        Assert.Equal("user:42", signed.UserKey);
        Assert.Equal("visitor:42", anonymous.UserKey);
    }

    [Fact]
    public void Nothing_at_all_gives_no_rows()
    {
        Assert.Empty(DailyRollup.Roll(Day, Shanghai, new ReportFacts(), Later));
    }

    /// <summary>A Shanghai local time in March 2026 as UTC.</summary>
    private static DateTime Local(int day, int hour, int minute, int second = 0) =>
        new DateTime(2026, 3, day, hour, minute, second, DateTimeKind.Utc).AddHours(-8);
}
