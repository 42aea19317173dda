using CustomerService.Domain.Reporting;

namespace CustomerService.Tests.Domain.Reporting;

/// <summary>N5 figures from totals: denominators of 0, rounding half away from zero, 协助下单 per subject, 环比.</summary>
public sealed class ReportFiguresTests
{
    [Fact]
    public void With_nothing_every_rate_and_average_is_null_and_every_count_zero()
    {
        var f = ReportFigures.From(new RollupTotals(), DistinctFigures.None);

        Assert.Equal(
            new double?[] { null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null },
            [
                f.ConnectRate, f.FirstResponseSeconds, f.AvgResponseSeconds, f.ResponseRate30s, f.AvgDurationSeconds,
                f.AvgMessages, f.LeaveMessagesHandledRate, f.LeaveMessagesHandled24hRate, f.InvalidAvgWaitSeconds,
                f.RecoverableOrders, f.SatisfactionRate, f.SatisfactionRateWithNeutral, f.Saturation, f.ResponseP50Seconds,
                f.ResponseP90Seconds, f.PaidRate, f.ConversionRate, f.UserConversionRate,
            ]);
        Assert.Equal(new RatingCounts(0, 0, 0, 0, 0, 0), f.Ratings);
        Assert.Equal((0.0, 0.0, 0.0, 0.0, 0.0), (f.OnlineSeconds, f.BusySeconds, f.AwaySeconds, f.WorkingSeconds, f.LoginSeconds));
        Assert.Equal((0L, 0L, 0L, 0m), (f.Consultations, f.Invalid, f.Unsummarized, f.OrderAmount));
    }

    [Fact]
    public void Every_count_passes_through_under_its_own_name()
    {
        var totals = new RollupTotals
        {
            Consultations = 100, Valid = 60, Transfers = 3, Summarized = 45, CrmAdded = 4, LeaveMessages = 20,
            LeaveMessagesHandled = 15, LeaveMessagesHandled24h = 12, VerySatisfied = 10, Satisfied = 9, Neutral = 8,
            Dissatisfied = 7, VeryDissatisfied = 6, Resolved = 25, Unresolved = 5, ConsultationOrders = 30,
            OrderAmount = 1234.56m, PaidOrders = 24, PurchasedConsultations = 22, AfterSaleConsultations = 9, Orders24h = 11, OrdersSameDay = 13,
            Orders3d = 17, OrdersWithAssistance = 2,
        };

        var f = ReportFigures.From(totals, new DistinctFigures(ValidUsers: 50, OrderingUsers: 21, Recoverable: 14));

        Assert.Equal((100L, 60L, 40L), (f.Consultations, f.Valid, f.Invalid));
        Assert.Equal((3L, 45L, 15L, 4L), (f.Transfers, f.Summarized, f.Unsummarized, f.CrmAdded));
        Assert.Equal((20L, 15L, 12L), (f.LeaveMessages, f.LeaveMessagesHandled, f.LeaveMessagesHandled24h));
        // 留言未处理量 = 留言总量 − 留言处理量 = 20 − 15.
        Assert.Equal(5L, f.LeaveMessagesUnhandled);
        Assert.Equal(new RatingCounts(10, 9, 8, 7, 6, 60), f.Ratings); // unrated = 100 − 40 rated
        Assert.Equal((25L, 5L), (f.Resolved, f.Unresolved));
        Assert.Equal((30L, 1234.56m, 24L, 22L, 9L), (f.ConsultationOrders, f.OrderAmount, f.PaidOrders, f.PurchasedConsultations, f.AfterSaleConsultations));
        Assert.Equal((11L, 13L, 17L, 2L), (f.Orders24h, f.OrdersSameDay, f.Orders3d, f.AssistedOrders));
        Assert.Equal((50L, 21L, 14L), (f.ValidUsers, f.OrderingUsers, f.Recoverable));
    }

    [Fact]
    public void Rates_are_unrounded_fractions_over_their_own_denominators()
    {
        var totals = new RollupTotals
        {
            Consultations = 7, Valid = 6, VisitorSpoke = 9, AnsweredWithin30s = 4, LeaveMessages = 3, LeaveMessagesHandled = 2,
            LeaveMessagesHandled24h = 1, VerySatisfied = 1, Satisfied = 2, Neutral = 3, Dissatisfied = 0, VeryDissatisfied = 5,
            OnlineMilliseconds = 1_000, BusyMilliseconds = 2_000, AwayMilliseconds = 4_000, ConsultationOrders = 11, PaidOrders = 5,
        };

        var f = ReportFigures.From(totals, new DistinctFigures(ValidUsers: 13, OrderingUsers: 8, Recoverable: 0));

        Assert.Equal(6.0 / 7, f.ConnectRate);
        Assert.Equal(4.0 / 9, f.ResponseRate30s);
        Assert.Equal(2.0 / 3, f.LeaveMessagesHandledRate);
        Assert.Equal(1.0 / 3, f.LeaveMessagesHandled24hRate);
        Assert.Equal(3.0 / 11, f.SatisfactionRate);             // (1 + 2) / 11 rated
        Assert.Equal(6.0 / 11, f.SatisfactionRateWithNeutral);  // (1 + 2 + 3) / 11
        Assert.Equal(3.0 / 7, f.Saturation);                    // (1 + 2) s / (1 + 2 + 4) s
        Assert.Equal(5.0 / 11, f.PaidRate);
        Assert.Equal(11.0 / 6, f.ConversionRate);
        Assert.Equal(8.0 / 13, f.UserConversionRate);
    }

    [Fact]
    public void Averages_and_durations_round_half_away_from_zero_to_a_tenth_of_a_second()
    {
        var totals = new RollupTotals
        {
            FirstResponses = 2, FirstResponseMilliseconds = 2_450,     // 1.225 s → 1.2
            Responses = 4, ResponseMilliseconds = 5_000,               // 1.25 s → 1.3 (to even would say 1.2)
            DurationCount = 3, DurationMilliseconds = 10_000,          // 3.33 s → 3.3
            Valid = 4, ValidMessages = 9,                              // 2.25 messages → 2.3
            InvalidSpoke = 2, InvalidWaitMilliseconds = 3_500,         // 1.75 s → 1.8
            OnlineMilliseconds = 1_250, BusyMilliseconds = 1_249, AwayMilliseconds = 50,
            ConsultationOrders = 1,
        };

        var f = ReportFigures.From(totals, new DistinctFigures(0, 0, Recoverable: 1));

        Assert.Equal((1.2, 1.3, 3.3, 2.3, 1.8), (f.FirstResponseSeconds, f.AvgResponseSeconds, f.AvgDurationSeconds, f.AvgMessages, f.InvalidAvgWaitSeconds));
        Assert.Equal((1.3, 1.2, 0.1), (f.OnlineSeconds, f.BusySeconds, f.AwaySeconds));
        Assert.Equal((2.5, 2.5), (f.WorkingSeconds, f.LoginSeconds)); // 2.499 s and 2.549 s
        Assert.Equal(0.3, f.RecoverableOrders);                       // 1 × 1 / 4 = 0.25 → 0.3
    }

    [Fact]
    public void Percentiles_come_from_the_histogram_rounded_to_a_tenth()
    {
        // 2 responses in 10–30 s, 1 in 30–60 s: p50 rank 1.5 → 10 + 1.5/2 × 20 = 25 s; p90 rank 2.7 → 30 + 0.7/1 × 30 = 51 s.
        var totals = new RollupTotals { ResponseBucket1 = 2, ResponseBucket2 = 1 };

        var f = ReportFigures.From(totals, DistinctFigures.None);

        Assert.Equal((25.0, 51.0), (f.ResponseP50Seconds, f.ResponseP90Seconds));
    }

    [Fact]
    public void A_percentile_between_tenths_is_rounded()
    {
        // 3 responses under 10 s and 1 in 10–30 s: p50 rank 2 → 2/3 × 10 = 6.67 s → 6.7; p90 rank 3.6 → 10 + 0.6 × 20 = 22 s.
        var f = ReportFigures.From(new RollupTotals { ResponseBucket0 = 3, ResponseBucket1 = 1 }, DistinctFigures.None);

        Assert.Equal((6.7, 22.0), (f.ResponseP50Seconds, f.ResponseP90Seconds));
    }

    [Fact]
    public void A_total_counts_orders_with_assistance_and_an_agent_the_orders_he_assisted()
    {
        var totals = new RollupTotals { AssistedOrders = 5, OrdersWithAssistance = 3 };

        Assert.Equal(3, ReportFigures.From(totals, DistinctFigures.None).AssistedOrders);
        Assert.Equal(3, ReportFigures.From(totals, DistinctFigures.None, ReportSubject.Total).AssistedOrders);
        Assert.Equal(5, ReportFigures.From(totals, DistinctFigures.None, ReportSubject.Agent).AssistedOrders);
    }

    [Theory]
    [InlineData(120.0, 100.0, 0.2)]
    [InlineData(80.0, 100.0, -0.2)]
    [InlineData(0.0, 100.0, -1.0)]
    [InlineData(0.5, 0.25, 1.0)]
    public void Change_is_the_difference_over_the_previous_period(double current, double previous, double expected)
    {
        Assert.Equal(expected, ReportFigures.Change(current, previous)!.Value, precision: 12);
    }

    [Fact]
    public void Change_is_null_without_a_previous_figure_or_from_zero()
    {
        Assert.Null(ReportFigures.Change(5, 0));
        Assert.Null(ReportFigures.Change(null, 100));
        Assert.Null(ReportFigures.Change(100, null));
    }

    [Fact]
    public void Null_arguments_are_errors()
    {
        Assert.Throws<ArgumentNullException>(() => ReportFigures.From(null!, DistinctFigures.None));
        Assert.Throws<ArgumentNullException>(() => ReportFigures.From(new RollupTotals(), null!));
        Assert.Throws<ArgumentNullException>(() => QueueFigures.From(null!));
    }

    [Fact]
    public void Queue_figures_are_null_where_nothing_is_there_to_average()
    {
        Assert.Equal(new QueueFigures(0, 0, 0, 0, null, null, null), QueueFigures.From(new RollupTotals()));

        var onlyLeftMessages = new RollupTotals { Queued = 2, QueueLeftMessage = 2, QueueMaxWaitMilliseconds = 1_250 };
        Assert.Equal(new QueueFigures(2, 0, 2, 0, null, 1.3, null), QueueFigures.From(onlyLeftMessages));

        var served = new RollupTotals
        {
            Queued = 5, QueueServed = 3, QueueAbandoned = 2, QueueServedWaitMilliseconds = 10_000,
            QueueAbandonedWaitMilliseconds = 5_000, QueueMaxWaitMilliseconds = 4_000,
        };
        Assert.Equal(new QueueFigures(5, 3, 0, 2, 3.3, 4.0, 2.5), QueueFigures.From(served));
    }
}
