using System.Net;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Reporting.Rollups;
using CustomerService.Web.Features.Visitors.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Reporting;

/// <summary>
/// SPEC I0/I4: 咨询发起 and 用户分析 over a period merged from rolled days, a day marked by a late key-page view and today
/// give the figures worked by hand and those of facts alone; a visitor reaching a key page after two consultations
/// counts once in the funnel.
/// </summary>
public sealed class OriginRollupTests
{
    // Asia/Shanghai (UTC+8). Days 1 and 2 are closed and rolled; day 3 is today.
    private static readonly DateOnly Day1 = new(2026, 1, 5);
    private static readonly DateOnly Day2 = new(2026, 1, 6);
    private static readonly DateOnly Day3 = new(2026, 1, 7);
    private const string Site = "https://shop.example.com";

    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 1, day, hour, minute, 0, TimeSpan.FromHours(8));

    private sealed record Arranged(EngineScenario Scenario, int A1, int A2, long V1, long V2, string V1Token);

    /// <summary>
    /// a1 answers entry "one", a2 entry "two".
    /// - Day 1: v1 comes from a Baidu search for 退款 at 09:50 and asks a1 at 10:00 (valid). Day 1 is rolled after midnight.
    /// - Day 2: v1 asks a2 at 10:00 (valid); v2 comes from another site at 10:55 and asks a1 at 11:00 (invalid: never
    ///   answered, he leaves at 11:05). Day 2 is rolled after midnight.
    /// - Day 3 (today): v1 fills an order at 09:00 (within the window of both his consultations), and v2 asks a1 at
    ///   10:00 (valid).
    /// </summary>
    private static async Task<Arranged> ArrangeAsync()
    {
        var scenario = await EngineScenario.StartAsync();
        scenario.Clock.Set(Local(5, 8));
        var a1 = await scenario.AddAgentAsync("a1");
        var a2 = await scenario.AddAgentAsync("a2");
        var one = await scenario.AddGroupWithEntryAsync("one", new MemberAssignment(a1, 0));
        var two = await scenario.AddGroupWithEntryAsync("two", new MemberAssignment(a2, 0));
        await scenario.OnlineAsync(a1);
        await scenario.OnlineAsync(a2);
        await using (var db = scenario.NewContext())
        {
            db.KeyPages.Add(new KeyPage("填写订单", "/order/fill", KeyPageType.OrderFill));
            await db.SaveChangesAsync();
        }

        scenario.Clock.Set(Local(5, 9, 50));
        var (v1, v1Token) = await ViewAsync(scenario, null, "/p/1", "https://www.baidu.com/s?wd=%E9%80%80%E6%AC%BE");
        await scenario.ValidConsultationAsync(one, a1, v1, Local(5, 10));

        var roller = scenario.Database.Services.GetRequiredService<DayRoller>();
        scenario.Clock.Set(Local(6, 0, 5));
        await roller.RollAsync(Day1);
        await scenario.ValidConsultationAsync(two, a2, v1, Local(6, 10));
        scenario.Clock.Set(Local(6, 10, 55));
        var (v2, _) = await ViewAsync(scenario, null, "/p/2", "https://news.example.org/a");
        scenario.Clock.Set(Local(6, 11));
        var unanswered = await scenario.StartActiveAsync(one, v2);
        await scenario.Engine.AppendVisitorMessageAsync(v2, unanswered, $"v{unanswered}", "有人吗？");
        scenario.Clock.Set(Local(6, 11, 5));
        await scenario.Engine.CloseByVisitorAsync(v2, unanswered);

        scenario.Clock.Set(Local(7, 0, 5));
        await roller.RollAsync(Day2);
        scenario.Clock.Set(Local(7, 9));
        await ViewAsync(scenario, v1Token, "/order/fill", Site + "/cart");
        await scenario.ValidConsultationAsync(one, a1, v2, Local(7, 10));
        scenario.Clock.Set(Local(7, 18));
        return new Arranged(scenario, a1, a2, v1, v2, v1Token);
    }

    private static async Task<(long Visitor, string Token)> ViewAsync(EngineScenario scenario, string? token, string path, string referrer)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse("114.114.114.114");
        var kept = await scenario.Database.Services.GetRequiredService<TrajectoryRecorder>()
            .RecordAsync(token, new TrackRequest(Site + path, null, referrer), http, CancellationToken.None);
        await using var db = scenario.NewContext();
        return (await db.PageViews.OrderByDescending(p => p.Id).Select(p => p.VisitorId).FirstAsync(), kept ?? token!);
    }

    [Fact]
    public async Task A_late_key_page_view_marks_the_days_of_the_visitors_consultations_in_the_window_before_it()
    {
        var arranged = await ArrangeAsync();
        await using var _ = arranged.Scenario;

        await using var db = arranged.Scenario.NewContext();
        // v1's fill on day 3 is within the window of his consultations of days 1 and 2; today is never marked.
        Assert.Equal([Day1, Day2], (await db.RollupDirtyMarks.Select(m => m.LocalDate).Distinct().ToListAsync()).Order());
    }

    [Fact]
    public async Task Rolled_days_marked_days_and_today_give_the_figures_worked_by_hand_and_those_of_facts_alone()
    {
        var arranged = await ArrangeAsync();
        await using var _ = arranged.Scenario;
        var period = new ReportPeriod(Day1, Day3);
        var enterprise = ReportAudience.Enterprise([arranged.A1, arranged.A2]);
        var team = ReportAudience.Agents([arranged.A1]);

        // Days 1 and 2 re-rolled (the backlog job's work): now every closed day is read from its rolled tallies.
        var roller = arranged.Scenario.Database.Services.GetRequiredService<DayRoller>();
        await roller.RollAsync(Day1);
        await roller.RollAsync(Day2);
        var rolled = await arranged.Scenario.Reports().OriginsAsync(period, enterprise);
        var rolledTeam = await arranged.Scenario.Reports().OriginsAsync(period, team);

        // Four consultations from no start page, three valid; v1 filled an order after both of his: one visitor.
        var page = Assert.Single(rolled.StartPages);
        Assert.Equal(new StartPageFigures(string.Empty, null, 4, 3, 1, 0, 0), page);
        // v1 twice from his Baidu search (the day-1 entry is his latest before day 2's request), v2 twice by referral.
        Assert.Equal([new OriginCount("Referral", 2), new OriginCount("SearchEngine.Baidu", 2)], rolled.Sources);
        Assert.Equal([new OriginCount("退款", 2)], rolled.Keywords);
        Assert.Equal((3L, 1L), (rolled.ByHour[10], rolled.ByHour[11]));
        // a1's: v1 on day 1 (valid, filled), v2 on day 2 (invalid) and day 3 (valid).
        Assert.Equal(new StartPageFigures(string.Empty, null, 3, 2, 1, 0, 0), Assert.Single(rolledTeam.StartPages));
        Assert.Equal([new OriginCount("Referral", 2), new OriginCount("SearchEngine.Baidu", 1)], rolledTeam.Sources);

        await using (var db = arranged.Scenario.NewContext())
        {
            // One row per agent and one of the enterprise per rolled day.
            Assert.Equal(
                [(Day1, (int?)null), (Day1, arranged.A1), (Day2, null), (Day2, arranged.A1), (Day2, arranged.A2)],
                (await db.OriginRollupRows.Select(r => new { r.LocalDate, r.AgentId }).ToListAsync())
                    .Select(r => (r.LocalDate, r.AgentId)).Order().ToList());
        }

        await arranged.Scenario.MarkStaleAsync(period.From, period.To);
        Assert.Equal(Json(await arranged.Scenario.Reports().OriginsAsync(period, enterprise)), Json(rolled));
        Assert.Equal(Json(await arranged.Scenario.Reports().OriginsAsync(period, team)), Json(rolledTeam));
    }

    [Fact]
    public async Task A_day_rolled_before_a_late_key_page_view_is_read_from_facts_until_rolled_again()
    {
        var arranged = await ArrangeAsync();
        await using var _ = arranged.Scenario;
        var enterprise = ReportAudience.Enterprise([arranged.A1, arranged.A2]);

        // Day 1's rolled tally was made before v1 filled his order; the mark makes the report read day 1 from facts.
        var day1 = await arranged.Scenario.Reports().OriginsAsync(new ReportPeriod(Day1, Day1), enterprise);
        Assert.Equal(new StartPageFigures(string.Empty, null, 1, 1, 1, 0, 0), Assert.Single(day1.StartPages));

        await using (var db = arranged.Scenario.NewContext())
        {
            var rolledBefore = OriginTally.FromJson((await db.OriginRollupRows.SingleAsync(r => r.LocalDate == Day1 && r.AgentId == null)).Tally);
            Assert.Empty(rolledBefore.StartPages[string.Empty].OrderFill);
        }

        await arranged.Scenario.Database.Services.GetRequiredService<DayRoller>().RollAsync(Day1);
        await using (var db = arranged.Scenario.NewContext())
        {
            var rolledAfter = OriginTally.FromJson((await db.OriginRollupRows.SingleAsync(r => r.LocalDate == Day1 && r.AgentId == null)).Tally);
            Assert.Equal([arranged.V1], rolledAfter.StartPages[string.Empty].OrderFill);
        }
    }

    private static string Json(OriginFigures figures) => System.Text.Json.JsonSerializer.Serialize(figures);
}
