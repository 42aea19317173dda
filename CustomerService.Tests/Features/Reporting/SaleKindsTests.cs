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
/// 售前咨询 / 售后咨询 (SPEC I0; seed 002 用户分析 咨询习惯) end to end: conversations through the engine, orders through
/// the order intake, figures from the report service live, rolled, and after an order arrives late.
/// </summary>
public sealed class SaleKindsTests
{
    // Monday 2026-01-05 in Asia/Shanghai (UTC+8).
    private static readonly DateOnly Day = new(2026, 1, 5);

    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 1, day, hour, minute, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// Window 7 days (the default). Agent a1.
    /// - 5th 09:00 u1 orders O-1 (placed; no conversation before it).
    /// - 5th 09:00 u2 orders O-2 and cancels it: it leaves every figure.
    /// - 5th 10:00 u1 asks and a1 answers: valid, 1 h after O-1 → 售后.
    /// - 5th 10:30 u1 asks again and nobody answers: invalid → not counted.
    /// - 5th 11:00 u2 asks and a1 answers: valid, but his only order is cancelled → not 售后.
    /// - 5th 12:00 u3 asks and a1 answers; u3 orders O-3 at 14:00 → 售前 (已购买), not 售后.
    /// - 12th 10:00 u1 asks and a1 answers: 7 days 1 h after O-1, outside the window → not 售后.
    /// 5th: 售前 1, 售后 1, 咨询总量 4 (3 valid + 1 invalid).
    /// </summary>
    private static async Task<(EngineScenario Scenario, int Agent)> ArrangeAsync()
    {
        var scenario = await EngineScenario.StartAsync();
        scenario.Clock.Set(Local(5, 8));
        var a1 = await scenario.AddAgentAsync("a1");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a1, 0));
        await scenario.OnlineAsync(a1);
        var (u1, u2, u3) = (await scenario.AddVisitorAsync("u1"), await scenario.AddVisitorAsync("u2"), await scenario.AddVisitorAsync("u3"));

        scenario.Clock.Set(Local(5, 9));
        await OrderAsync(scenario, "O-1", "user-u1", Local(5, 9), "placed");
        await OrderAsync(scenario, "O-2", "user-u2", Local(5, 9), "placed");
        await OrderAsync(scenario, "O-2", "user-u2", Local(5, 9), "cancelled");

        await ConsultAsync(scenario, entry, a1, u1, Local(5, 10), answered: true);
        await ConsultAsync(scenario, entry, a1, u1, Local(5, 10, 30), answered: false);
        await ConsultAsync(scenario, entry, a1, u2, Local(5, 11), answered: true);
        await ConsultAsync(scenario, entry, a1, u3, Local(5, 12), answered: true);
        scenario.Clock.Set(Local(5, 14));
        await OrderAsync(scenario, "O-3", "user-u3", Local(5, 14), "placed");

        await ConsultAsync(scenario, entry, a1, u1, Local(12, 10), answered: true);
        return (scenario, a1);
    }

    [Fact]
    public async Task A_consultation_after_the_users_order_within_the_window_is_after_sale_live_and_rolled()
    {
        var (scenario, a1) = await ArrangeAsync();
        await using var _ = scenario;
        var reports = scenario.Database.Services.GetRequiredService<ReportService>();

        var live = (await reports.AgentsAsync(new ReportPeriod(Day, Day), ReportAudience.Agents([a1]))).Total;
        Assert.Equal((1L, 1L, 4L, 3L), (live.PurchasedConsultations, live.AfterSaleConsultations, live.Consultations, live.Valid));

        await scenario.Database.Services.GetRequiredService<DayRoller>().RollAsync(Day);
        var rolled = (await reports.AgentsAsync(new ReportPeriod(Day, Day), ReportAudience.Agents([a1]))).Total;
        Assert.Equal((1L, 1L, 4L), (rolled.PurchasedConsultations, rolled.AfterSaleConsultations, rolled.Consultations));

        var twelfth = (await reports.AgentsAsync(new ReportPeriod(new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 12)), ReportAudience.Agents([a1]))).Total;
        Assert.Equal((0L, 1L), (twelfth.AfterSaleConsultations, twelfth.Valid));
    }

    [Fact]
    public async Task An_order_pushed_days_later_marks_the_days_of_its_window_and_counts_the_consultation_after_it()
    {
        var scenario = await EngineScenario.StartAsync();
        await using var _ = scenario;
        scenario.Clock.Set(Local(5, 8));
        var a1 = await scenario.AddAgentAsync("a1");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a1, 0));
        await scenario.OnlineAsync(a1);
        var u1 = await scenario.AddVisitorAsync("u1");
        await ConsultAsync(scenario, entry, a1, u1, Local(6, 10), answered: true);
        scenario.Clock.Set(Local(8, 1));
        var roller = scenario.Database.Services.GetRequiredService<DayRoller>();
        await roller.RollAsync(new DateOnly(2026, 1, 5));
        await roller.RollAsync(new DateOnly(2026, 1, 6));
        await roller.RollAsync(new DateOnly(2026, 1, 7));

        // On the 8th the shop pushes an order u1 placed on the 5th at 09:00: the 6th's consultation becomes 售后.
        await OrderAsync(scenario, "O-late", "user-u1", Local(5, 9), "placed");

        await using (var db = scenario.NewContext())
        {
            var marked = await db.RollupDirtyMarks.Select(m => m.LocalDate).Distinct().OrderBy(d => d).ToListAsync();
            Assert.Equal([new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 6), new DateOnly(2026, 1, 7)], marked);
        }

        var reports = scenario.Database.Services.GetRequiredService<ReportService>();
        var sixth = new ReportPeriod(new DateOnly(2026, 1, 6), new DateOnly(2026, 1, 6));
        Assert.Equal(1L, (await reports.AgentsAsync(sixth, ReportAudience.Agents([a1]))).Total.AfterSaleConsultations);
        await roller.RollAsync(new DateOnly(2026, 1, 6));
        Assert.Equal(1L, (await reports.AgentsAsync(sixth, ReportAudience.Agents([a1]))).Total.AfterSaleConsultations);
    }

    private static async Task OrderAsync(EngineScenario scenario, string id, string user, DateTimeOffset placedAt, string status)
    {
        var intake = scenario.Database.Services.GetRequiredService<OrderIntake>();
        var result = await intake.UpsertAsync(new OrderInput(id, user, 99.00m, placedAt, null, status));
        Assert.Empty(result.Problems);
    }

    private static async Task ConsultAsync(EngineScenario scenario, string entry, int agent, long visitor, DateTimeOffset at, bool answered)
    {
        scenario.Clock.Set(at);
        var conversation = await scenario.StartActiveAsync(entry, visitor);
        await scenario.Engine.AppendVisitorMessageAsync(visitor, conversation, $"v-{conversation}", "在吗？");
        if (answered)
        {
            scenario.Clock.Set(at.AddSeconds(10));
            await scenario.Engine.AppendAgentMessageAsync(agent, conversation, $"a-{conversation}", "在的。");
        }

        scenario.Clock.Set(at.AddMinutes(5));
        await scenario.Engine.EndByAgentAsync(agent, conversation);
    }
}
