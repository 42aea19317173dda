using CustomerService.Domain.Reporting;

namespace CustomerService.Tests.Domain.Reporting;

/// <summary>
/// A period's 有效咨询用户, 咨询下单用户 and 可挽回咨询 united from days' rolled inputs (SPEC I0, I4): each expected figure is
/// worked out by hand in the comment above it.
/// </summary>
public sealed class DistinctUnionTests
{
    private static readonly Func<int?, bool> Everyone = _ => true;

    private static DistinctInputs Day(int? agent, int[] valid, int[]? ordering = null, long[]? waits = null) =>
        new(agent, valid, ordering ?? [], waits ?? []);

    [Fact]
    public void A_user_served_on_two_days_by_two_agents_counts_once_in_the_total_and_once_for_each_agent()
    {
        // User 7: agent 1 on day 1 and day 2, agent 2 on day 2. User 8: agent 1 on day 1.
        var figures = DistinctUnion.Combine(
            [Day(1, [7, 8]), Day(1, [7]), Day(2, [7])],
            Everyone);

        Assert.Equal(2, figures.Total.ValidUsers);
        Assert.Equal(2, figures.ByAgent[1].ValidUsers);
        Assert.Equal(1, figures.ByAgent[2].ValidUsers);
    }

    [Fact]
    public void Ordering_users_are_a_set_of_their_own_and_orders_of_no_agent_count_only_in_a_total_that_includes_them()
    {
        // Agent 1: valid user 7, ordering users 7 and 9 (two days). No agent: ordering user 10 and 9.
        var inputs = new[] { Day(1, [7], [7]), Day(1, [], [9]), Day(null, [], [10, 9]) };

        var enterprise = DistinctUnion.Combine(inputs, Everyone);
        Assert.Equal(3, enterprise.Total.OrderingUsers); // 7, 9, 10
        Assert.Equal(1, enterprise.Total.ValidUsers);
        Assert.Equal(2, enterprise.ByAgent[1].OrderingUsers);
        Assert.Single(enterprise.ByAgent);

        var team = DistinctUnion.Combine(inputs, agent => agent == 1);
        Assert.Equal(2, team.Total.OrderingUsers); // 7, 9
    }

    [Fact]
    public void The_total_alone_is_the_same_total_without_any_agents_figures()
    {
        // Users 7 and 8 (valid), 7 ordering with agent 1 and 9 with none; waits 100 and 300 → average 200, one below.
        var inputs = new[] { Day(1, [7, 8], [7], [100]), Day(2, [7], [], [300]), Day(null, [], [9]) };

        var alone = DistinctUnion.OfMerged(inputs);

        Assert.Equal(new DistinctFigures(2, 2, 1), alone);
        Assert.Equal(DistinctUnion.Combine(inputs, Everyone).Total, alone);
    }

    [Fact]
    public void An_agent_outside_the_audience_adds_nothing()
    {
        var figures = DistinctUnion.Combine(
            [Day(1, [7], [7], [100]), Day(2, [8], [8], [50, 60])],
            agent => agent == 1);

        Assert.Equal(new DistinctFigures(1, 1, 0), figures.Total);
        Assert.Equal([1], figures.ByAgent.Keys);
    }

    [Fact]
    public void Recoverable_compares_each_wait_with_the_average_of_the_whole_period_not_of_its_day()
    {
        // Agent 1: day 1 waits 100, day 2 waits 300 → average 200: 100 is below (each day alone: none).
        // Agent 2: 1000 alone → none. Total: 100, 300, 1000 → average 466.67: 100 and 300 below → 2.
        var figures = DistinctUnion.Combine(
            [Day(1, [], waits: [100]), Day(1, [], waits: [300]), Day(2, [], waits: [1000])],
            Everyone);

        Assert.Equal(1, figures.ByAgent[1].Recoverable);
        Assert.Equal(0, figures.ByAgent[2].Recoverable);
        Assert.Equal(2, figures.Total.Recoverable);
    }

    [Fact]
    public void Equal_waits_on_two_days_are_two_waits()
    {
        // 100, 100, 400 → average 200: both 100s are below → 2 (deduplicated, 100 and 400 would give 1).
        var figures = DistinctUnion.Combine(
            [Day(1, [], waits: [100]), Day(1, [], waits: [100, 400])],
            Everyone);

        Assert.Equal(2, figures.ByAgent[1].Recoverable);
        Assert.Equal(2, figures.Total.Recoverable);
    }

    [Fact]
    public void No_inputs_give_zero_figures()
    {
        var figures = DistinctUnion.Combine([], Everyone);

        Assert.Equal(DistinctFigures.None, figures.Total);
        Assert.Empty(figures.ByAgent);
    }

    [Fact]
    public void Null_arguments_are_errors()
    {
        Assert.Throws<ArgumentNullException>(() => DistinctUnion.Combine(null!, Everyone));
        Assert.Throws<ArgumentNullException>(() => DistinctUnion.Combine([], null!));
    }

    [Fact]
    public void Merging_inputs_unites_their_ids_in_order_and_keeps_every_wait()
    {
        // Agent 1: users 3 and 1, ordering user 7, waits 500 and 100. Agent 2: users 1 and 2, wait 100. Merged: users
        // 1, 2, 3 (1 once), ordering 7, waits 100, 100, 500 (both 100s kept: each is a consultation).
        var merged = DistinctInputs.Merge(null, [Day(1, [3, 1], [7], [500, 100]), Day(2, [1, 2], [], [100])]);

        Assert.Null(merged.AgentId);
        Assert.Equal([1, 2, 3], merged.ValidUsers);
        Assert.Equal([7], merged.OrderingUsers);
        Assert.Equal([100L, 100L, 500L], merged.InvalidWaits);
        Assert.Equal([7, 9], DistinctInputs.Merge(null, [Day(1, [], [9]), Day(2, [], [7])]).OrderingUsers);
        Assert.Equal(4, DistinctInputs.Merge(4, []).AgentId);
        Assert.Empty(DistinctInputs.Merge(4, []).ValidUsers);
        Assert.Throws<ArgumentNullException>(() => DistinctInputs.Merge(null, null!));
    }

    [Fact]
    public void Figures_of_merged_inputs_count_every_entry_whatever_its_agent()
    {
        // Day 1 (merged, no agent): users 1, 2, ordering 7, waits 100 and 500. Day 2 (merged, no agent): user 2, ordering 8,
        // wait 100. Users {1, 2} = 2, ordering {7, 8} = 2; waits 100, 500, 100 average 233⅓: the two 100s are recoverable.
        var figures = DistinctUnion.OfMerged([Day(null, [1, 2], [7], [100, 500]), Day(null, [2], [8], [100])]);

        Assert.Equal(new DistinctFigures(2, 2, 2), figures);
        // One merged day alone: its own counts (users 1, 2; ordering 7; of waits 100 and 500 the 100 is below 300).
        Assert.Equal(new DistinctFigures(2, 1, 1), DistinctUnion.OfMerged([Day(null, [1, 2], [7], [100, 500])]));
        Assert.Equal(new DistinctFigures(0, 0, 0), DistinctUnion.OfMerged([]));
        Assert.Throws<ArgumentNullException>(() => DistinctUnion.OfMerged(null!));
    }

    [Fact]
    public void A_rolled_row_says_what_it_covers_a_month_row_is_dated_the_first_and_an_enterprise_day_has_no_agent()
    {
        var day = new DistinctRollupRow(new DateOnly(2026, 3, 10), Day(7, [2, 1], [3], [40]));
        var month = new DistinctRollupRow(new DateOnly(2026, 3, 1), Day(7, [1]), DistinctRollupSpan.AgentMonth);
        var enterprise = new DistinctRollupRow(new DateOnly(2026, 3, 10), Day(null, [1]), DistinctRollupSpan.EnterpriseDay);

        Assert.Equal((DistinctRollupSpan.AgentDay, (int?)7), (day.Span, day.AgentId));
        Assert.Equal([1, 2], day.ToInputs().ValidUsers);
        Assert.Equal(DistinctRollupSpan.AgentMonth, month.Span);
        Assert.Equal((DistinctRollupSpan.EnterpriseDay, (int?)null), (enterprise.Span, enterprise.AgentId));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DistinctRollupRow(new DateOnly(2026, 3, 2), Day(7, [1]), DistinctRollupSpan.AgentMonth));
        Assert.Equal("localDate", error.ParamName);
        Assert.Throws<ArgumentException>(() => new DistinctRollupRow(new DateOnly(2026, 3, 10), Day(7, [1]), DistinctRollupSpan.EnterpriseDay));
        Assert.Equal(DistinctRollupSpan.AgentDay, new DistinctRollupRow(new DateOnly(2026, 3, 2), Day(null, [1])).Span);
        Assert.Throws<ArgumentNullException>(() => new DistinctRollupRow(new DateOnly(2026, 3, 2), null!));
        Assert.Throws<ArgumentException>(() => new ReportUserKey(""));
        Assert.Equal("user:u1", new ReportUserKey("user:u1").Key);
    }
}

/// <summary>The rolled sets' encoding: exact round trips, 4 bytes per distinct id, 8 per wait.</summary>
public sealed class RollupBlobTests
{
    [Fact]
    public void Ids_come_back_sorted_and_distinct_at_four_bytes_each()
    {
        var bytes = RollupBlob.EncodeIds([42, -3, int.MaxValue, 42, 0, int.MinValue]);

        Assert.Equal(20, bytes.Length);
        Assert.Equal([int.MinValue, -3, 0, 42, int.MaxValue], RollupBlob.DecodeIds(bytes));
    }

    [Fact]
    public void Waits_come_back_sorted_with_repeats_at_eight_bytes_each()
    {
        var bytes = RollupBlob.EncodeWaits([300, 100, 100, 5_000_000_000]);

        Assert.Equal(32, bytes.Length);
        Assert.Equal([100, 100, 300, 5_000_000_000], RollupBlob.DecodeWaits(bytes));
    }

    [Fact]
    public void Ids_are_stored_little_endian()
    {
        Assert.Equal([0x01, 0x02, 0x00, 0x00], RollupBlob.EncodeIds([0x0201]));
        Assert.Equal([0x01, 0x02, 0, 0, 0, 0, 0, 0], RollupBlob.EncodeWaits([0x0201]));
    }

    [Fact]
    public void Empty_sets_are_empty_blobs()
    {
        Assert.Empty(RollupBlob.EncodeIds([]));
        Assert.Empty(RollupBlob.DecodeIds([]));
        Assert.Empty(RollupBlob.DecodeWaits([]));
    }

    [Fact]
    public void A_blob_of_a_broken_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RollupBlob.DecodeIds([1, 2, 3]));
        Assert.Throws<ArgumentException>(() => RollupBlob.DecodeWaits([1, 2, 3, 4]));
        Assert.Throws<ArgumentNullException>(() => RollupBlob.EncodeIds(null!));
        Assert.Throws<ArgumentNullException>(() => RollupBlob.DecodeIds(null!));
        Assert.Throws<ArgumentNullException>(() => RollupBlob.EncodeWaits(null!));
        Assert.Throws<ArgumentNullException>(() => RollupBlob.DecodeWaits(null!));
    }
}
