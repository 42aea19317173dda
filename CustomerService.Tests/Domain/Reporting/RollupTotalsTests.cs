using System.Reflection;
using CustomerService.Domain.Reporting;

namespace CustomerService.Tests.Domain.Reporting;

/// <summary>Rollup rows add up counter by counter; only the longest queue wait takes the maximum.</summary>
public sealed class RollupTotalsTests
{
    private static readonly PropertyInfo[] Counters =
        [.. typeof(RollupTotals).GetProperties().Where(p => p.PropertyType == typeof(long))];

    [Fact]
    public void There_are_the_57_counters_of_the_contract_plus_the_order_amount_and_the_qc_score_sum()
    {
        Assert.Equal(57, Counters.Length);
        Assert.Equal(typeof(decimal), typeof(RollupTotals).GetProperty(nameof(RollupTotals.OrderAmount))!.PropertyType);
        Assert.Equal(typeof(decimal), typeof(RollupTotals).GetProperty(nameof(RollupTotals.QcScoreSum))!.PropertyType);
    }

    [Fact]
    public void Add_sums_every_counter_and_keeps_the_longest_queue_wait()
    {
        var totals = Filled(3, 1.5m);
        totals.QcScoreSum = 85.5m;

        totals.Add(Filled(4, 2.25m));
        totals.Add(new RollupTotals { QcScoreSum = 66.666667m });

        foreach (var counter in Counters.Where(c => c.Name != nameof(RollupTotals.QueueMaxWaitMilliseconds)))
        {
            Assert.True(7L == (long)counter.GetValue(totals)!, counter.Name);
        }

        Assert.Equal(4, totals.QueueMaxWaitMilliseconds);
        Assert.Equal(3.75m, totals.OrderAmount);
        Assert.Equal(152.166667m, totals.QcScoreSum);
    }

    [Fact]
    public void Add_keeps_a_longer_queue_wait_it_already_has()
    {
        var totals = new RollupTotals { QueueMaxWaitMilliseconds = 9 };

        totals.Add(new RollupTotals { QueueMaxWaitMilliseconds = 4 });

        Assert.Equal(9, totals.QueueMaxWaitMilliseconds);
    }

    [Fact]
    public void Sum_of_rows_adds_them_all_and_of_none_is_zero()
    {
        RollupRow[] rows =
        [
            new(new DateOnly(2026, 3, 10), 0, 7, 1) { Consultations = 2, QueueMaxWaitMilliseconds = 5 },
            new(new DateOnly(2026, 3, 10), 1, 7, 1) { Consultations = 3, QueueMaxWaitMilliseconds = 8 },
            new(new DateOnly(2026, 3, 10), 2, null, 1) { Consultations = 4, QueueMaxWaitMilliseconds = 6 },
        ];

        var sum = RollupTotals.Sum(rows);

        Assert.Equal((9L, 8L), (sum.Consultations, sum.QueueMaxWaitMilliseconds));
        Assert.All(Counters, c => Assert.Equal(0L, (long)c.GetValue(RollupTotals.Sum([]))!));
    }

    [Fact]
    public void The_histogram_reads_in_bucket_order()
    {
        var totals = new RollupTotals
        {
            ResponseBucket0 = 1, ResponseBucket1 = 2, ResponseBucket2 = 3, ResponseBucket3 = 4,
            ResponseBucket4 = 5, ResponseBucket5 = 6, ResponseBucket6 = 7,
        };

        Assert.Equal([1L, 2, 3, 4, 5, 6, 7], totals.ResponseBucketCounts());
    }

    [Fact]
    public void A_row_is_keyed_by_local_date_hour_agent_and_group_with_hours_0_to_23_or_the_whole_day()
    {
        var row = new RollupRow(new DateOnly(2026, 3, 10), 23, 7, null);

        Assert.Equal((new DateOnly(2026, 3, 10), 23, (int?)7, (int?)null), (row.LocalDate, row.Hour, row.AgentId, row.ReceptionGroupId));
        Assert.Equal(0, new RollupRow(new DateOnly(2026, 3, 10), 0, null, 1).Hour);
        Assert.Equal(-1, new RollupRow(new DateOnly(2026, 3, 10), RollupRow.WholeDay, null, 1).Hour);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollupRow(new DateOnly(2026, 3, 10), -4, 7, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollupRow(new DateOnly(2026, 3, 10), 24, 7, 1));
    }

    [Fact]
    public void An_enterprise_day_row_belongs_to_no_agent_and_no_group()
    {
        var row = new RollupRow(new DateOnly(2026, 3, 10), RollupRow.EnterpriseDay, null, null);

        Assert.Equal((-3, (int?)null, (int?)null), (row.Hour, row.AgentId, row.ReceptionGroupId));
        Assert.Throws<ArgumentException>(() => new RollupRow(new DateOnly(2026, 3, 10), RollupRow.EnterpriseDay, 7, null));
        Assert.Throws<ArgumentException>(() => new RollupRow(new DateOnly(2026, 3, 10), RollupRow.EnterpriseDay, null, 1));
    }

    [Fact]
    public void The_enterprise_total_of_a_day_sums_every_whole_day_row_into_one_row_and_a_day_without_rows_has_none()
    {
        RollupRow Row(int? agent, int? group, long consultations) =>
            new(new DateOnly(2026, 3, 10), RollupRow.WholeDay, agent, group) { Consultations = consultations, QueueMaxWaitMilliseconds = consultations * 10 };

        // Agent 7 in groups 1 and 2 (2 + 5), agent 8 without a group (4), the queue of group 1 (1): 12 consultations, the
        // longest wait that of the row of 5 (50).
        var total = Assert.Single(RollupRow.EnterpriseTotal(new DateOnly(2026, 3, 10), [Row(7, 1, 2), Row(7, 2, 5), Row(8, null, 4), Row(null, 1, 1)]));

        Assert.Equal(
            (new DateOnly(2026, 3, 10), RollupRow.EnterpriseDay, (int?)null, (int?)null, 12L, 50L),
            (total.LocalDate, total.Hour, total.AgentId, total.ReceptionGroupId, total.Consultations, total.QueueMaxWaitMilliseconds));
        Assert.Empty(RollupRow.EnterpriseTotal(new DateOnly(2026, 3, 10), []));
        Assert.Throws<ArgumentNullException>(() => RollupRow.EnterpriseTotal(new DateOnly(2026, 3, 10), null!).ToList());
    }

    [Fact]
    public void A_whole_month_row_is_dated_the_first_day_of_its_month()
    {
        Assert.Equal(-2, new RollupRow(new DateOnly(2026, 3, 1), RollupRow.WholeMonth, 7, 1).Hour);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RollupRow(new DateOnly(2026, 3, 10), RollupRow.WholeMonth, 7, 1));
        Assert.Equal("localDate", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollupRow(new DateOnly(2026, 3, 2), RollupRow.WholeMonth, 7, 1));
    }

    [Fact]
    public void Summed_rows_hold_one_sum_per_agent_and_group_under_the_date_and_hour_given()
    {
        RollupRow Row(int day, int? agent, int? group, long consultations) =>
            new(new DateOnly(2026, 3, day), RollupRow.WholeDay, agent, group) { Consultations = consultations, QueueMaxWaitMilliseconds = consultations * 10 };

        // Agent 7 in group 1 on days 2 and 3 (2 + 5), agent 7 without a group (4), no agent in group 1 (1).
        var sums = RollupRow.Summed(new DateOnly(2026, 3, 1), RollupRow.WholeMonth, [Row(2, 7, 1, 2), Row(3, 7, 1, 5), Row(3, 7, null, 4), Row(4, null, 1, 1)]);

        Assert.Equal(
            [((int?)7, (int?)1, 7L, 50L), (7, null, 4L, 40L), (null, 1, 1L, 10L)],
            sums.Select(r => (r.AgentId, r.ReceptionGroupId, r.Consultations, r.QueueMaxWaitMilliseconds)));
        Assert.All(sums, r => Assert.Equal((new DateOnly(2026, 3, 1), RollupRow.WholeMonth), (r.LocalDate, r.Hour)));
        Assert.Empty(RollupRow.Summed(new DateOnly(2026, 3, 1), RollupRow.WholeMonth, []));
        Assert.Throws<ArgumentNullException>(() => RollupRow.Summed(new DateOnly(2026, 3, 1), RollupRow.WholeMonth, null!));
    }

    [Fact]
    public void Null_arguments_are_errors()
    {
        Assert.Throws<ArgumentNullException>(() => new RollupTotals().Add(null!));
        Assert.Throws<ArgumentNullException>(() => RollupTotals.Sum(null!));
    }

    private static RollupTotals Filled(long value, decimal amount)
    {
        var totals = new RollupTotals { OrderAmount = amount };
        foreach (var counter in Counters)
        {
            counter.SetValue(totals, value);
        }

        return totals;
    }
}
