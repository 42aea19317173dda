using CustomerService.Domain.Qc;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Qc;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Reporting.Rollups;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Qc;

/// <summary>
/// 质检统计 and the N5 qc* figures on the same grades (SPEC H3, I0), worked by hand. In the week of 2024-05-06:
/// c1 (sales1): qc 27/24/18/16 = 85, admin 30/30/10/0 = 70 → 77.5 良;
/// c2 (sales1): qc 15/15/10/10 = 50, disputed and revised to 25/25/15/15 = 80 → 80 良;
/// c3 (sales3): qc 30/30/20/20 = 100, disputed and upheld → 100 优.
/// </summary>
public sealed class QcStatisticsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateOnly Monday = new(2024, 5, 6);

    [Fact]
    public async Task Statistics_per_agent_group_and_inspector_and_the_report_figures_agree()
    {
        var ids = new Dictionary<string, int>();
        foreach (var login in new[] { "qc", "admin", "sales1", "sales3" })
        {
            ids[login] = await app.AccountIdAsync(login);
        }

        var grading = app.Services.CreateScope().ServiceProvider.GetRequiredService<QcGradingService>();
        // 02:00 UTC = 10:00 in Shanghai, Tuesday and Wednesday of that week.
        var c1 = await new PastConversationBuilder().RequestedAt(new DateTime(2024, 5, 7, 2, 0, 0, DateTimeKind.Utc)).ServedBy(ids["sales1"]).Answered().SaveAsync(app.Services);
        var c2 = await new PastConversationBuilder().RequestedAt(new DateTime(2024, 5, 8, 2, 0, 0, DateTimeKind.Utc)).ServedBy(ids["sales1"]).Answered().SaveAsync(app.Services);
        var c3 = await new PastConversationBuilder().RequestedAt(new DateTime(2024, 5, 8, 3, 0, 0, DateTimeKind.Utc)).ServedBy(ids["sales3"]).Answered().SaveAsync(app.Services);
        await grading.SaveAsync(ids["qc"], c1.Id, null, [27m, 24m, 18m, 16m], null);
        await grading.SaveAsync(ids["admin"], c1.Id, null, [30m, 30m, 10m, 0m], null);
        var g2 = (await grading.SaveAsync(ids["qc"], c2.Id, null, [15m, 15m, 10m, 10m], null)).Value;
        var g3 = (await grading.SaveAsync(ids["qc"], c3.Id, null, [30m, 30m, 20m, 20m], null)).Value;
        Assert.True((await grading.DisputeAsync(ids["sales1"], g2, "已解决")).Succeeded);
        Assert.True((await grading.AnswerAsync(ids["qc"], g2, [25m, 25m, 15m, 15m], null)).Succeeded);
        Assert.True((await grading.DisputeAsync(ids["sales3"], g3, "不同意")).Succeeded);
        Assert.True((await grading.AnswerAsync(ids["qc"], g3, null, "维持")).Succeeded);

        var statistics = app.Services.CreateScope().ServiceProvider.GetRequiredService<QcStatisticsService>();
        var computed = (await statistics.ComputeAsync(ids["qc"], Monday, Monday.AddDays(6))).Value!;

        // Total: (77.5 + 80 + 100) / 3 = 85.83… → 85.8; 优 1, 良 2; disputes 2 (1 upheld, 1 revised).
        Assert.Equal((3L, 85.8m, 1L, 2L, 0L, 0L), Tally(computed.Total));
        Assert.Equal((2L, 0L, 1L, 1L), Disputes(computed.Total));
        // sales1: (77.5 + 80) / 2 = 78.75 → 78.8 (half away from zero); sales3: 100.
        Assert.Equal((2L, 78.8m, 0L, 2L, 0L, 0L), Tally(computed.Agents.Single(a => a.Id == ids["sales1"]).Tally));
        Assert.Equal((1L, 100m, 1L, 0L, 0L, 0L), Tally(computed.Agents.Single(a => a.Id == ids["sales3"]).Tally));
        Assert.Equal((2L, 78.8m), (Tally(computed.Groups.Single(g => g.Name == "售前组").Tally).Item1, Tally(computed.Groups.Single(g => g.Name == "售前组").Tally).Item2));
        // Inspectors count grades: qc 85, 80 (revised), 100 → 88.33… → 88.3, 优 2 良 1; admin 70, 合格 1.
        Assert.Equal((3L, 88.3m, 2L, 1L, 0L, 0L), Tally(computed.Inspectors.Single(i => i.Id == ids["qc"]).Tally));
        Assert.Equal((1L, 70m, 0L, 0L, 1L, 0L), Tally(computed.Inspectors.Single(i => i.Id == ids["admin"]).Tally));

        // The same numbers as N5 figures, after the closed days are rolled up.
        var roller = app.Services.GetRequiredService<DayRoller>();
        for (var day = Monday; day <= Monday.AddDays(6); day = day.AddDays(1))
        {
            await roller.RollAsync(day);
        }

        var reports = app.Services.CreateScope().ServiceProvider.GetRequiredService<ReportService>();
        var audience = await app.Services.CreateScope().ServiceProvider.GetRequiredService<ReportAudienceResolver>().EnterpriseAsync();
        var report = await reports.AgentsAsync(new ReportPeriod(Monday, Monday.AddDays(6)), audience);
        var sales1 = report.Agents.Single(a => a.AgentId == ids["sales1"]).Figures;
        Assert.Equal((2L, 78.8, 0L, 2L, 0L, 0L), (sales1.QcGraded, sales1.QcAverage!.Value, sales1.QcExcellent, sales1.QcGood, sales1.QcPass, sales1.QcPoor));
        Assert.Equal((3L, 85.8, 1L, 2L), (report.Total.QcGraded, report.Total.QcAverage!.Value, report.Total.QcExcellent, report.Total.QcGood));
    }

    [Fact]
    public async Task Sales_and_team_leads_may_not_see_statistics_and_a_reversed_period_is_refused()
    {
        var statistics = app.Services.CreateScope().ServiceProvider.GetRequiredService<QcStatisticsService>();

        Assert.Equal("QcMayNotViewStatistics", (await statistics.ComputeAsync(await app.AccountIdAsync("sales1"), Monday, Monday)).Violation!.Code);
        Assert.Equal("QcMayNotViewStatistics", (await statistics.ComputeAsync(await app.AccountIdAsync("lead"), Monday, Monday)).Violation!.Code);
        Assert.Equal("ReportPeriodReversed", (await statistics.ComputeAsync(await app.AccountIdAsync("admin"), Monday, Monday.AddDays(-1))).Violation!.Code);
    }

    private static (long, decimal?, long, long, long, long) Tally(QcTally t) => (t.Graded, t.Average, t.Excellent, t.Good, t.Pass, t.Poor);

    private static (long, long, long, long) Disputes(QcTally t) => (t.Disputed, t.DisputesOpen, t.DisputesUpheld, t.DisputesRevised);
}
