using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Reporting.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Reporting;

/// <summary>
/// SPEC I4, ADR 011: a calendar month whose every day is in the period, rolled and clean is summed from its whole-month
/// rows; any other closed day from its whole-day rows; the figures are those of facts alone either way.
/// </summary>
public sealed class MonthRollupTests
{
    // Asia/Shanghai (UTC+8). February 2026 has 28 days; today is 3 March.
    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// a1 answers entry "one". Valid consultations on 31 January (10:00), 3 February (10:00), 20 February (10:00, and
    /// 15:00) and 1 March (10:00), the first three by one returning visitor; an unanswered one on 20 February at 11:00,
    /// closed by its visitor 2 minutes later. Every day from 30 January to 2 March is rolled on 3 March.
    /// </summary>
    private static async Task<(EngineScenario Scenario, int A1)> ArrangeAsync()
    {
        var scenario = await EngineScenario.StartAsync();
        scenario.Clock.Set(Local(1, 30, 8));
        var a1 = await scenario.AddAgentAsync("a1");
        var one = await scenario.AddGroupWithEntryAsync("one", new MemberAssignment(a1, 0));
        await scenario.OnlineAsync(a1);
        var returning = await scenario.AddVisitorAsync();
        foreach (var at in new[] { Local(1, 31, 10), Local(2, 3, 10), Local(2, 20, 10) })
        {
            await scenario.ValidConsultationAsync(one, a1, returning, at);
        }

        foreach (var at in new[] { Local(2, 20, 15), Local(3, 1, 10) })
        {
            await scenario.ValidConsultationAsync(one, a1, await scenario.AddVisitorAsync(), at);
        }

        scenario.Clock.Set(Local(2, 20, 11));
        var visitor = await scenario.AddVisitorAsync();
        var unanswered = await scenario.StartActiveAsync(one, visitor);
        await scenario.Engine.AppendVisitorMessageAsync(visitor, unanswered, $"v{unanswered}", "有人吗？");
        scenario.Clock.Set(Local(2, 20, 11, 2));
        await scenario.Engine.CloseByVisitorAsync(visitor, unanswered);

        scenario.Clock.Set(Local(3, 3, 0, 5));
        var roller = scenario.Database.Services.GetRequiredService<DayRoller>();
        for (var day = new DateOnly(2026, 1, 30); day <= new DateOnly(2026, 3, 2); day = day.AddDays(1))
        {
            await roller.RollAsync(day);
        }

        scenario.Clock.Set(Local(3, 3, 9));
        return (scenario, a1);
    }

    [Fact]
    public async Task A_whole_clean_month_is_read_from_its_month_rows_and_the_figures_are_those_of_facts()
    {
        var (scenario, a1) = await ArrangeAsync();
        await using var _ = scenario;
        var period = new ReportPeriod(new DateOnly(2026, 1, 30), new DateOnly(2026, 3, 3));
        var audience = ReportAudience.Enterprise([a1]);

        await using (var db = scenario.NewContext())
        {
            var split = await DaySplit.LoadAsync(db, await ReportContext.LoadAsync(db, scenario.Clock, CancellationToken.None), period, CancellationToken.None);
            Assert.Equal([new DateOnly(2026, 2, 1)], split.WholeMonths);
            Assert.Equal(
                [new DateOnly(2026, 1, 30), new DateOnly(2026, 1, 31), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2)],
                split.RolledDays);
            // February's three consultations in one whole-month row of a1 in group "one".
            var february = await db.RollupRows.SingleAsync(r => r.Hour == RollupRow.WholeMonth && r.LocalDate == new DateOnly(2026, 2, 1) && r.AgentId == a1 && r.ReceptionGroupId != null);
            Assert.Equal((4L, 3L), (february.Consultations, february.Valid));
        }

        var rolled = await scenario.Reports().AgentsAsync(period, audience);
        // Five valid and one invalid consultation over the period.
        Assert.Equal((6L, 5L, 1L), (rolled.Total.Consultations, rolled.Total.Valid, rolled.Total.Invalid));

        await scenario.AssertFactsAloneGiveAsync(rolled, audience);
    }

    [Fact]
    public async Task A_month_summed_again_from_its_stored_days_holds_the_rows_its_rolls_left()
    {
        var (scenario, _) = await ArrangeAsync();
        await using var _s = scenario;
        var february = new DateOnly(2026, 2, 1);
        async Task<List<(int?, int?, long, long)>> MonthRowsAsync()
        {
            await using var db = scenario.NewContext();
            return [.. (await db.RollupRows.Where(r => r.Hour == RollupRow.WholeMonth && r.LocalDate == february).ToListAsync())
                .Select(r => (r.AgentId, r.ReceptionGroupId, r.Consultations, r.Valid)).Order()];
        }

        var rolled = await MonthRowsAsync();
        await using (var db = scenario.NewContext())
        {
            await db.RollupRows.Where(r => r.Hour == RollupRow.WholeMonth).ExecuteDeleteAsync();
        }

        await scenario.Database.Services.GetRequiredService<DayRoller>().RollMonthAsync(new DateOnly(2026, 2, 17));

        Assert.NotEmpty(rolled);
        Assert.Equal(rolled, await MonthRowsAsync());
    }

    [Fact]
    public async Task A_month_with_a_stale_day_or_cut_by_the_period_is_read_day_by_day()
    {
        var (scenario, a1) = await ArrangeAsync();
        await using var _ = scenario;
        var audience = ReportAudience.Enterprise([a1]);
        var whole = await scenario.Reports().AgentsAsync(new ReportPeriod(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), audience);
        var cut = await scenario.Reports().AgentsAsync(new ReportPeriod(new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 28)), audience);
        Assert.Equal((4L, 3L), (whole.Total.Consultations, whole.Total.Valid));
        Assert.Equal((4L, 3L), (cut.Total.Consultations, cut.Total.Valid));

        // A late fact on 20 February: the month's rows are stale, so February is read from its days and the marked one
        // from facts, which now hold a rating the month rows have not seen.
        await using (var db = scenario.NewContext())
        {
            var late = await db.Conversations.Where(c => c.RequestedAt >= Local(2, 20, 0).UtcDateTime && c.AgentMessageCount > 0)
                .OrderBy(c => c.RequestedAt).Select(c => new { c.Id, c.VisitorId }).FirstAsync();
            await scenario.Engine.RateAsync(late.VisitorId, late.Id, EvaluationLevel.VerySatisfied, problemSolved: true);
        }

        await using (var db = scenario.NewContext())
        {
            var split = await DaySplit.LoadAsync(db, await ReportContext.LoadAsync(db, scenario.Clock, CancellationToken.None),
                new ReportPeriod(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), CancellationToken.None);
            Assert.Empty(split.WholeMonths);
            Assert.Equal(27, split.RolledDays.Count);
        }

        var stale = await scenario.Reports().AgentsAsync(new ReportPeriod(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), audience);
        Assert.Equal((4L, 3L), (stale.Total.Consultations, stale.Total.Valid));
        Assert.Equal(1L, stale.Total.Ratings.VerySatisfied);
    }

    [Fact]
    public async Task A_whole_month_of_distinct_sets_is_read_from_each_agents_month_row_which_a_second_roll_leaves_as_it_was()
    {
        var (scenario, a1) = await ArrangeAsync();
        await using var _ = scenario;
        var february = new DateOnly(2026, 2, 1);
        async Task<(IReadOnlyList<int> Users, IReadOnlyList<long> Waits)> MonthRowAsync()
        {
            await using var db = scenario.NewContext();
            var row = (await db.DistinctRollupRows.SingleAsync(r => r.Span == DistinctRollupSpan.AgentMonth && r.LocalDate == february && r.AgentId == a1)).ToInputs();
            return (row.ValidUsers, row.InvalidWaits);
        }

        // February: the returning visitor twice and a new one → 2 users; one invalid wait of 2 minutes.
        var month = await MonthRowAsync();
        Assert.Equal(2, month.Users.Count);
        Assert.Equal([120_000L], month.Waits);
        await scenario.Database.Services.GetRequiredService<DayRoller>().RollAsync(new DateOnly(2026, 2, 20));
        var again = await MonthRowAsync();
        Assert.Equal(month.Users, again.Users);
        Assert.Equal(month.Waits, again.Waits);

        var period = new ReportPeriod(february, new DateOnly(2026, 2, 28));
        var audience = ReportAudience.Agents([a1]);
        var rolled = await scenario.Reports().AgentsAsync(period, audience);
        Assert.Equal((2L, 0L), (rolled.Total.ValidUsers, rolled.Total.Recoverable));

        // Without February's day rows the report is unchanged: it reads the month's.
        await using (var db = scenario.NewContext())
        {
            await db.DistinctRollupRows.Where(r => r.Span == DistinctRollupSpan.AgentDay && r.LocalDate >= february && r.LocalDate <= period.To).ExecuteDeleteAsync();
        }

        Assert.Equal(rolled.Total, (await scenario.Reports().AgentsAsync(period, audience)).Total);
        await scenario.AssertFactsAloneGiveAsync(rolled, audience);
    }

    [Fact]
    public async Task A_trend_over_the_whole_enterprise_reads_one_enterprise_row_a_day_and_gives_the_figures_of_facts()
    {
        var (scenario, a1) = await ArrangeAsync();
        await using var _ = scenario;
        var period = new ReportPeriod(new DateOnly(2026, 1, 30), new DateOnly(2026, 3, 3));
        var enterprise = ReportAudience.Enterprise([a1]);
        var rolled = await scenario.Reports().TrendAsync(period, ReportGranularity.Day, enterprise);

        // 20 February: three consultations, two valid by two visitors; one invalid wait, not below its own average.
        var twentieth = rolled.Single(p => p.From == new DateOnly(2026, 2, 20)).Figures;
        Assert.Equal((3L, 2L, 2L, 0L), (twentieth.Consultations, twentieth.Valid, twentieth.ValidUsers, twentieth.Recoverable));
        await using (var db = scenario.NewContext())
        {
            var row = await db.RollupRows.SingleAsync(r => r.Hour == RollupRow.EnterpriseDay && r.LocalDate == new DateOnly(2026, 2, 20));
            Assert.Equal((3L, 2L), (row.Consultations, row.Valid));
            Assert.Equal(2, (await db.DistinctRollupRows.SingleAsync(r => r.Span == DistinctRollupSpan.EnterpriseDay && r.LocalDate == new DateOnly(2026, 2, 20))).ToInputs().ValidUsers.Count);

            // Without the agents' whole-day rows and day sets the enterprise's trend is unchanged: it reads its own rows.
            await db.RollupRows.Where(r => r.Hour == RollupRow.WholeDay).ExecuteDeleteAsync();
            await db.DistinctRollupRows.Where(r => r.Span == DistinctRollupSpan.AgentDay).ExecuteDeleteAsync();
        }

        Assert.Equal(rolled, await scenario.Reports().TrendAsync(period, ReportGranularity.Day, enterprise));
        await scenario.MarkStaleAsync(period.From, new DateOnly(2026, 3, 2));
        Assert.Equal(rolled, await scenario.Reports().TrendAsync(period, ReportGranularity.Day, enterprise));
    }
}
