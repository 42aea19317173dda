using CustomerService.Domain.Conversations;
using CustomerService.Domain.Orders;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Reporting.Orders;
using CustomerService.Web.Features.Reporting.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Reporting;

/// <summary>
/// SPEC I0/I4: 有效咨询用户, 咨询下单用户 and 可挽回咨询 over a period united from rolled days, a stale day and today give
/// the figures computed from facts alone, for the enterprise and for a team, per agent and in total.
/// </summary>
public sealed class DistinctRollupTests
{
    // Asia/Shanghai (UTC+8). Day 1 and day 2 are closed and rolled; day 2 gets a late rating (stale); day 3 is today.
    private static readonly DateOnly Day1 = new(2026, 1, 5);
    private static readonly DateOnly Day3 = new(2026, 1, 7);

    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 1, day, hour, minute, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// a1 answers entry "one", a2 entry "two". u1 visits from two devices (two visitors, one user).
    /// - Day 1: u1 valid with a1; an anonymous visitor waits 100 s on a1 unanswered.
    /// - Day 2: u1 (second device) valid with a2; u2 valid with a1; an anonymous visitor waits 300 s on a1; u1 orders
    ///   (a 咨询订单 of a2, his last consultation).
    /// - Day 3 (today): u1 valid with a1; an anonymous visitor waits 50 s on a2.
    /// </summary>
    private static async Task<(EngineScenario Scenario, int A1, int A2)> ArrangeAsync()
    {
        var scenario = await EngineScenario.StartAsync();
        scenario.Clock.Set(Local(5, 8));
        var a1 = await scenario.AddAgentAsync("a1");
        var a2 = await scenario.AddAgentAsync("a2");
        var one = await scenario.AddGroupWithEntryAsync("one", new MemberAssignment(a1, 0));
        var two = await scenario.AddGroupWithEntryAsync("two", new MemberAssignment(a2, 0));
        await scenario.OnlineAsync(a1);
        await scenario.OnlineAsync(a2);
        var u1 = await scenario.AddVisitorAsync("u1");

        await scenario.ValidConsultationAsync(one, a1, u1, Local(5, 10));
        await InvalidAsync(scenario, one, Local(5, 11), TimeSpan.FromSeconds(100));

        scenario.Clock.Set(Local(6, 8));
        var u1Phone = await scenario.AddVisitorAsync("u1");
        var u2 = await scenario.AddVisitorAsync("u2");
        await scenario.ValidConsultationAsync(two, a2, u1Phone, Local(6, 10));
        await scenario.ValidConsultationAsync(one, a1, u2, Local(6, 11));
        await InvalidAsync(scenario, one, Local(6, 12), TimeSpan.FromSeconds(300));
        scenario.Clock.Set(Local(6, 15, 10));
        var intake = scenario.Database.Services.GetRequiredService<OrderIntake>();
        Assert.Empty((await intake.UpsertAsync(new OrderInput("O-1", "user-u1", 99.00m, Local(6, 15), Local(6, 15, 10), "paid"))).Problems);

        // Day 1 and day 2 rolled after midnight, then a late rating marks day 2.
        scenario.Clock.Set(Local(7, 0, 5));
        var roller = scenario.Database.Services.GetRequiredService<DayRoller>();
        await roller.RollAsync(Day1);
        await roller.RollAsync(Day1.AddDays(1));
        long late;
        await using (var db = scenario.NewContext())
        {
            late = await db.Conversations.Where(c => c.VisitorId == u2).Select(c => c.Id).SingleAsync();
        }

        scenario.Clock.Set(Local(7, 9));
        await scenario.Engine.RateAsync(u2, late, EvaluationLevel.Satisfied, problemSolved: true);
        await scenario.ValidConsultationAsync(one, a1, u1, Local(7, 10));
        await InvalidAsync(scenario, two, Local(7, 11), TimeSpan.FromSeconds(50));
        scenario.Clock.Set(Local(7, 18));
        return (scenario, a1, a2);
    }

    private static async Task InvalidAsync(EngineScenario scenario, string entry, DateTimeOffset at, TimeSpan wait)
    {
        scenario.Clock.Set(at);
        var visitor = await scenario.AddVisitorAsync();
        var conversation = await scenario.StartActiveAsync(entry, visitor);
        await scenario.Engine.AppendVisitorMessageAsync(visitor, conversation, $"v{conversation}", "有人吗？");
        scenario.Clock.Set(at.Add(wait));
        await scenario.Engine.CloseByVisitorAsync(visitor, conversation);
    }

    [Fact]
    public async Task Rolled_days_a_stale_day_and_today_give_the_figures_worked_by_hand_and_those_of_facts_alone()
    {
        var (scenario, a1, a2) = await ArrangeAsync();
        await using var _ = scenario;
        await using (var db = scenario.NewContext())
        {
            // Day 1 is read from its rolled sets, day 2 (marked) and day 3 (today) from facts.
            Assert.Equal([Day1, Day1.AddDays(1)], (await db.DistinctRollupRows.Where(r => r.Span == DistinctRollupSpan.AgentDay).Select(r => r.LocalDate).Distinct().ToListAsync()).Order());
            Assert.Equal(Day1.AddDays(1), (await db.RollupDirtyMarks.SingleAsync()).LocalDate);
        }

        var period = new ReportPeriod(Day1, Day3);
        var enterprise = ReportAudience.Enterprise([a1, a2]);
        var team = ReportAudience.Agents([a1]);
        var mixedEnterprise = await scenario.Reports().AgentsAsync(period, enterprise);
        var mixedTeam = await scenario.Reports().AgentsAsync(period, team);

        // Enterprise: users u1 (a1 twice, a2 once) and u2 (a1) → 2; a1 2, a2 1. Ordering: u1 for a2 → 1.
        // Waits 100, 300 (a1), 50 (a2): all → average 150, 100 and 50 below → 2; a1 → average 200, 100 below → 1;
        // a2 → 50 alone, none.
        Assert.Equal((2L, 1L, 2L), Distinct(mixedEnterprise.Total));
        Assert.Equal((2L, 0L, 1L), Distinct(Agent(mixedEnterprise, a1)));
        Assert.Equal((1L, 1L, 0L), Distinct(Agent(mixedEnterprise, a2)));
        // Team of a1: u1 and u2 → 2; no ordering user; waits 100, 300 → 1.
        Assert.Equal((2L, 0L, 1L), Distinct(mixedTeam.Total));

        await scenario.MarkStaleAsync(period.From, period.To);
        var factsEnterprise = await scenario.Reports().AgentsAsync(period, enterprise);
        var factsTeam = await scenario.Reports().AgentsAsync(period, team);
        Assert.Equal(factsEnterprise.Total, mixedEnterprise.Total);
        Assert.Equal(factsEnterprise.Agents.Select(a => a.Figures), mixedEnterprise.Agents.Select(a => a.Figures));
        Assert.Equal(factsTeam.Total, mixedTeam.Total);
        Assert.Equal(factsTeam.Agents.Select(a => a.Figures), mixedTeam.Agents.Select(a => a.Figures));
    }

    [Fact]
    public async Task The_total_alone_unites_the_sets_once_as_the_report_does_on_rolled_stale_and_live_days()
    {
        var (scenario, a1, a2) = await ArrangeAsync();
        await using var _ = scenario;
        var period = new ReportPeriod(Day1, Day3);
        var enterprise = ReportAudience.Enterprise([a1, a2]);

        var total = await scenario.Reports().TotalAsync(period, enterprise);
        var team = await scenario.Reports().TotalAsync(period, ReportAudience.Agents([a1]));

        // The same hand-worked figures as the report's total: u1 (served by a1 and a2) counts once.
        Assert.Equal((2L, 1L, 2L), Distinct(total.Figures));
        Assert.Equal((2L, 0L, 1L), Distinct(team.Figures));
        // Valid: u1 and u2 on day 2, u1 on days 1 and 3 → 4; a1's: days 1, 2 (u2) and 3 → 3.
        Assert.Equal((4L, 3L), (total.Figures.Valid, team.Figures.Valid));
        Assert.Equal(await scenario.Reports().RolledAtAsync(), total.RolledAt);
        Assert.NotNull(total.RolledAt);
    }

    [Fact]
    public async Task A_trend_point_is_the_report_over_its_bucket_on_rolled_stale_and_live_days()
    {
        var (scenario, a1, a2) = await ArrangeAsync();
        await using var _ = scenario;
        var period = new ReportPeriod(Day1, Day3);
        var enterprise = ReportAudience.Enterprise([a1, a2]);
        var team = ReportAudience.Agents([a1]);

        var daily = await scenario.Reports().TrendAsync(period, ReportGranularity.Day, enterprise);

        // Day 1: u1, no order, one wait (100 s: not below its own average); day 2: u1 and u2, u1 ordered, one wait;
        // day 3 (today): u1, one wait.
        Assert.Equal([Day1, Day1.AddDays(1), Day3], daily.Select(p => p.From));
        Assert.Equal([(1L, 0L, 0L), (2L, 1L, 0L), (1L, 0L, 0L)], daily.Select(p => Distinct(p.Figures)));
        Assert.Equal([1L, 2L, 1L], daily.Select(p => p.Figures.Valid));
        foreach (var audience in new[] { enterprise, team })
        {
            foreach (var point in await scenario.Reports().TrendAsync(period, ReportGranularity.Day, audience))
            {
                Assert.Equal((await scenario.Reports().AgentsAsync(new ReportPeriod(point.From, point.To), audience)).Total, point.Figures);
            }

            // One week (5–11 January 2026, cut to the period): the united days, as the report over the period.
            var week = Assert.Single(await scenario.Reports().TrendAsync(period, ReportGranularity.Week, audience));
            Assert.Equal((await scenario.Reports().AgentsAsync(period, audience)).Total, week.Figures);
        }
    }

    [Fact]
    public async Task Rolling_a_day_stores_its_sets_per_agent_and_for_the_enterprise_and_rolling_it_again_replaces_them()
    {
        var (scenario, a1, a2) = await ArrangeAsync();
        await using var _ = scenario;
        var roller = scenario.Database.Services.GetRequiredService<DayRoller>();
        var day2 = Day1.AddDays(1);
        await roller.RollAsync(day2);
        await roller.RollAsync(day2);

        await using var db = scenario.NewContext();
        var rows = (await db.DistinctRollupRows.Where(r => r.LocalDate == day2 && r.Span == DistinctRollupSpan.AgentDay).ToListAsync()).ToDictionary(r => r.AgentId ?? 0, r => r.ToInputs());
        Assert.Equal([a1, a2], rows.Keys.Order());
        var keys = await db.ReportUserKeys.ToDictionaryAsync(k => k.Id, k => k.Key);
        Assert.Equal(["user:user-u2"], rows[a1].ValidUsers.Select(id => keys[id]));
        Assert.Empty(rows[a1].OrderingUsers);
        Assert.Equal([300_000L], rows[a1].InvalidWaits);
        Assert.Equal(["user:user-u1"], rows[a2].ValidUsers.Select(id => keys[id]));
        Assert.Equal(["user-u1"], rows[a2].OrderingUsers.Select(id => keys[id]));
        Assert.Empty(rows[a2].InvalidWaits);
        // The enterprise's day: both agents' sets merged.
        var enterprise = (await db.DistinctRollupRows.SingleAsync(r => r.LocalDate == day2 && r.Span == DistinctRollupSpan.EnterpriseDay)).ToInputs();
        Assert.Equal(["user:user-u1", "user:user-u2"], enterprise.ValidUsers.Select(id => keys[id]).Order());
        Assert.Equal(["user-u1"], enterprise.OrderingUsers.Select(id => keys[id]));
        Assert.Equal([300_000L], enterprise.InvalidWaits);
        // One id per distinct key however often it was rolled: user:user-u1, user:user-u2, user-u1.
        Assert.Equal(3, keys.Count);
        Assert.Empty(await db.RollupDirtyMarks.ToListAsync());
    }

    private static (long ValidUsers, long OrderingUsers, long Recoverable) Distinct(ReportFigures f) => (f.ValidUsers, f.OrderingUsers, f.Recoverable);

    private static ReportFigures Agent(AgentReport report, int agent) => report.Agents.Single(a => a.AgentId == agent).Figures;
}
