using CustomerService.Domain.Conversations;
using CustomerService.Domain.Orders;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Reporting.Jobs;
using CustomerService.Web.Features.Settings.ConsultationTypes;
using CustomerService.Web.Features.Reporting.Orders;
using CustomerService.Web.Features.Reporting.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Reporting;

/// <summary>
/// SPEC I0/I4/N5 end to end: a small day of conversations driven through the engine, an order through the order
/// intake, and the report service's figures for the agent — worked out by hand below — the same live on the day and
/// from the rollup the day after.
/// </summary>
public sealed class ReportServiceTests
{
    // Monday 2026-01-05 in Asia/Shanghai (UTC+8): local 09:00 = 01:00 UTC.
    private static readonly DateOnly Day = new(2026, 1, 5);

    private static DateTimeOffset Local(int hour, int minute, int second = 0) =>
        new(2026, 1, 5, hour, minute, second, TimeSpan.FromHours(8));

    /// <summary>
    /// Agent a1, alone in the group:
    /// - 09:00 online; 13:00 busy (stays busy).
    /// - 10:00 conversation 1 of signed user u1: visitor 10:00:00, a1 10:00:20 (first response 20 s), visitor 10:01:00,
    ///   a1 10:02:00 (60 s), a1 ends 10:05:00 (duration 300 s, 4 messages). Rated 非常满意, problem solved.
    /// - 11:00 conversation 2 of an anonymous visitor: visitor 11:00:00, nobody answers, he closes at 11:03:00
    ///   (invalid, waited 180 s).
    /// - 15:00 u1 places order O-1 of 199.00, paid 15:10: a 咨询订单 of a1, on the day of the consultation.
    /// </summary>
    private static async Task<(EngineScenario Scenario, int Agent)> ArrangeDayAsync()
    {
        var scenario = await EngineScenario.StartAsync();
        scenario.Clock.Set(Local(9, 0));
        var a1 = await scenario.AddAgentAsync("a1");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a1, 0));
        await scenario.OnlineAsync(a1);

        scenario.Clock.Set(Local(10, 0));
        var u1 = await scenario.AddVisitorAsync("u1");
        var first = await scenario.StartActiveAsync(entry, u1);
        await scenario.Engine.AppendVisitorMessageAsync(u1, first, "v1", "这个多少钱？");
        scenario.Clock.Set(Local(10, 0, 20));
        await scenario.Engine.AppendAgentMessageAsync(a1, first, "a1", "199 元。");
        scenario.Clock.Set(Local(10, 1));
        await scenario.Engine.AppendVisitorMessageAsync(u1, first, "v2", "包邮吗？");
        scenario.Clock.Set(Local(10, 2));
        await scenario.Engine.AppendAgentMessageAsync(a1, first, "a2", "包邮。");
        scenario.Clock.Set(Local(10, 5));
        await scenario.Engine.EndByAgentAsync(a1, first);
        await scenario.Engine.RateAsync(u1, first, EvaluationLevel.VerySatisfied, problemSolved: true);

        scenario.Clock.Set(Local(11, 0));
        var anonymous = await scenario.AddVisitorAsync();
        var second = await scenario.StartActiveAsync(entry, anonymous);
        await scenario.Engine.AppendVisitorMessageAsync(anonymous, second, "v3", "在吗？");
        scenario.Clock.Set(Local(11, 3));
        await scenario.Engine.CloseByVisitorAsync(anonymous, second);

        scenario.Clock.Set(Local(13, 0));
        await scenario.Engine.SetStatusAsync(a1, AgentStatus.Busy);

        scenario.Clock.Set(Local(15, 10));
        var intake = scenario.Database.Services.GetRequiredService<OrderIntake>();
        var order = await intake.UpsertAsync(new OrderInput("O-1", "user-u1", 199.00m, Local(15, 0), Local(15, 10), "paid"));
        Assert.Empty(order.Problems);
        return (scenario, a1);
    }

    [Fact]
    public async Task Todays_figures_are_computed_live_from_facts()
    {
        var (scenario, a1) = await ArrangeDayAsync();
        await using var _ = scenario;
        scenario.Clock.Set(Local(16, 0));

        var report = await Reports(scenario).AgentsAsync(new ReportPeriod(Day, Day), ReportAudience.Agents([a1]));

        var figures = Assert.Single(report.Agents).Figures;
        AssertConversationFigures(figures);
        // Online 09:00–13:00, busy 13:00–16:00 (the open stretch counts up to now).
        Assert.Equal((14_400d, 10_800d, 0d, 25_200d, 25_200d, 1d), (figures.OnlineSeconds, figures.BusySeconds, figures.AwaySeconds, figures.WorkingSeconds, figures.LoginSeconds, figures.Saturation));
        Assert.Equal(figures, report.Total);
    }

    [Fact]
    public async Task A_closed_day_reads_its_rollup_and_gives_the_same_figures()
    {
        var (scenario, a1) = await ArrangeDayAsync();
        await using var _ = scenario;
        scenario.Clock.Set(new DateTimeOffset(2026, 1, 6, 0, 5, 0, TimeSpan.FromHours(8)));
        var rows = await scenario.Database.Services.GetRequiredService<DayRoller>().RollAsync(Day);
        Assert.True(rows > 0);

        var report = await Reports(scenario).AgentsAsync(new ReportPeriod(Day, Day), ReportAudience.Agents([a1]));

        var figures = Assert.Single(report.Agents).Figures;
        AssertConversationFigures(figures);
        // Busy from 13:00 to the end of the day: 11 h.
        Assert.Equal((14_400d, 39_600d, 54_000d), (figures.OnlineSeconds, figures.BusySeconds, figures.WorkingSeconds));
        await using var db = scenario.NewContext();
        Assert.Equal(Day, (await db.RollupDays.SingleAsync()).LocalDate);
    }

    [Fact]
    public async Task A_late_rating_marks_its_closed_day_and_the_report_counts_it_before_the_day_is_rolled_again()
    {
        var (scenario, a1) = await ArrangeDayAsync();
        await using var _ = scenario;
        await using (var db = scenario.NewContext())
        {
            Assert.Empty(await db.RollupDirtyMarks.ToListAsync());
        }

        scenario.Clock.Set(new DateTimeOffset(2026, 1, 6, 0, 5, 0, TimeSpan.FromHours(8)));
        await scenario.Database.Services.GetRequiredService<DayRoller>().RollAsync(Day);
        var anonymousConversation = await FindConversationAsync(scenario, valid: false);

        scenario.Clock.Set(new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.FromHours(8)));
        await scenario.Engine.RateAsync(anonymousConversation.VisitorId, anonymousConversation.Id, EvaluationLevel.Dissatisfied, problemSolved: false);

        await using (var db = scenario.NewContext())
        {
            Assert.Equal(Day, (await db.RollupDirtyMarks.SingleAsync()).LocalDate);
        }

        var report = await Reports(scenario).AgentsAsync(new ReportPeriod(Day, Day), ReportAudience.Agents([a1]));
        var figures = Assert.Single(report.Agents).Figures;
        Assert.Equal(new RatingCounts(1, 0, 0, 1, 0, 0), figures.Ratings);
        Assert.Equal((1L, 1L), (figures.Resolved, figures.Unresolved));
        Assert.Equal(0.5, figures.SatisfactionRate);
    }

    [Fact]
    public async Task A_late_summary_is_rolled_into_its_day_by_the_rollup_job_which_consumes_the_mark()
    {
        var (scenario, a1) = await ArrangeDayAsync();
        await using var _ = scenario;
        scenario.Clock.Set(new DateTimeOffset(2026, 1, 6, 0, 5, 0, TimeSpan.FromHours(8)));
        var job = scenario.Database.Services.GetRequiredService<RollupJob>();
        await job.RunAsync(CancellationToken.None);
        var valid = await FindConversationAsync(scenario, valid: true);
        var price = (await scenario.Database.GetRequiredService<ConsultationTypeService>().AddAsync(null, "价格咨询")).Value;

        scenario.Clock.Set(new DateTimeOffset(2026, 1, 6, 9, 30, 0, TimeSpan.FromHours(8)));
        await scenario.Engine.SummarizeAsync(a1, valid.Id, new ConsultationSummary(price, "问了价格"));
        await job.RunAsync(CancellationToken.None);

        await using var db = scenario.NewContext();
        Assert.Empty(await db.RollupDirtyMarks.ToListAsync());
        Assert.Equal(scenario.Clock.GetUtcNow().UtcDateTime, (await db.RollupDays.SingleAsync()).RolledAt);
        var report = await Reports(scenario).AgentsAsync(new ReportPeriod(Day, Day), ReportAudience.Agents([a1]));
        Assert.Equal((1L, 0L), (report.Total.Summarized, report.Total.Unsummarized));
    }

    private static void AssertConversationFigures(ReportFigures f)
    {
        Assert.Equal((2L, 1L, 1L, 0.5), (f.Consultations, f.Valid, f.Invalid, f.ConnectRate));
        Assert.Equal(20d, f.FirstResponseSeconds);
        Assert.Equal(40d, f.AvgResponseSeconds);
        Assert.Equal(0.5, f.ResponseRate30s);
        Assert.Equal(300d, f.AvgDurationSeconds);
        Assert.Equal(4d, f.AvgMessages);
        Assert.Equal((180d, 0L), (f.InvalidAvgWaitSeconds, f.Recoverable));
        Assert.Equal(new RatingCounts(1, 0, 0, 0, 0, 1), f.Ratings);
        Assert.Equal((1d, 1d), (f.SatisfactionRate, f.SatisfactionRateWithNeutral));
        Assert.Equal((1L, 0L), (f.Resolved, f.Unresolved));
        Assert.Equal((0L, 1L), (f.Summarized, f.Unsummarized));
        Assert.Equal((1L, 199.00m, 1L, 1d), (f.ConsultationOrders, f.OrderAmount, f.PaidOrders, f.PaidRate));
        Assert.Equal((1L, 1L, 1d, 1d), (f.ValidUsers, f.OrderingUsers, f.ConversionRate, f.UserConversionRate));
        Assert.Equal((1L, 1L, 1L, 1L), (f.PurchasedConsultations, f.Orders24h, f.OrdersSameDay, f.Orders3d));
        Assert.Equal(0d, f.RecoverableOrders);
    }

    private static ReportService Reports(EngineScenario scenario) => scenario.Database.Services.GetRequiredService<ReportService>();

    private static async Task<Conversation> FindConversationAsync(EngineScenario scenario, bool valid)
    {
        await using var db = scenario.NewContext();
        return await db.Conversations.AsNoTracking()
            .Where(c => valid ? c.AgentMessageCount > 0 : c.AgentMessageCount == 0)
            .SingleAsync();
    }
}
