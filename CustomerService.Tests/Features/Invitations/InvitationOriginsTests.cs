using CustomerService.Domain.Organisation;
using CustomerService.Domain.Reporting;
using CustomerService.Domain.Visitors;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Invitations;

/// <summary>
/// 数据分析 → 咨询发起 → 来源: a consultation an accepted invitation opened counts under 「主动邀请」 (ADR 021), through the
/// public <see cref="ReportService.OriginsAsync"/> on a day driven through the engine; the figures are worked out by hand.
/// </summary>
public sealed class InvitationOriginsTests
{
    private static readonly UserAgentInfo Chrome = new(BrowserKind.Chrome, "120", OperatingSystemKind.Windows, Terminal.PC);

    // Monday 2026-01-05 and Tuesday 2026-01-06 in Asia/Shanghai (UTC+8), the enterprise's zone.
    private static DateTimeOffset Local(int day, int hour, int minute, int second = 0) =>
        new(2026, 1, day, hour, minute, second, TimeSpan.FromHours(8));

    private static async Task ViewedFromBaiduAsync(EngineScenario scenario, long visitor, DateTimeOffset at, string keyword)
    {
        await using var db = scenario.NewContext();
        db.PageViews.Add(new PageView(visitor, "https://shop.example.com/p/1", "沙发", "https://www.baidu.com/s?wd=x", at.UtcDateTime,
            new TrafficSource(TrafficSourceKind.SearchEngine, SearchEngine.Baidu, keyword, "baidu.com"), null, Chrome, "浙江 杭州", null));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Agent a1 alone in presale, Online from 09:00 on the 5th.
    /// - v1 came from Baidu (“沙发”) at 09:58; a1 invites him 10:00, he accepts 10:00:10 → 主动邀请 (his keyword still counts).
    /// - v2 came from Baidu (“茶几”) at 10:29 and asks himself at 10:30 → 百度.
    /// - v3 is invited 11:00 and declines → no consultation.
    /// - v4 is invited 11:30, lets it run out (11:31:01), and asks himself at 11:32 → 直接访问: an expired invitation
    ///   started nothing.
    /// - v5 is invited and accepts on the 6th at 10:00 → 主动邀请 of the 6th, not of the 5th.
    /// 5th: 直接访问 1, 主动邀请 1, 百度 1; keywords 沙发 1, 茶几 1. 6th: 主动邀请 1.
    /// </summary>
    [Fact]
    public async Task A_consultation_opened_by_an_accepted_invitation_counts_under_the_invitation_source_of_its_day()
    {
        await using var scenario = await EngineScenario.StartAsync();
        scenario.Clock.Set(Local(5, 9, 0));
        var a1 = await scenario.AddAgentAsync("a1", maxLoad: 10);
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a1, 0));
        await scenario.OnlineAsync(a1);
        var (v1, v2, v3, v4, v5) = (await scenario.AddVisitorAsync(), await scenario.AddVisitorAsync(), await scenario.AddVisitorAsync(),
            await scenario.AddVisitorAsync(), await scenario.AddVisitorAsync());
        var engine = scenario.Engine;

        await ViewedFromBaiduAsync(scenario, v1, Local(5, 9, 58), "沙发");
        scenario.Clock.Set(Local(5, 10, 0));
        var first = await engine.InviteAsync(new InviteRequest(a1, v1, entry, "您好"));
        scenario.Clock.Set(Local(5, 10, 0, 10));
        Assert.Null((await engine.AcceptInvitationAsync(v1, first.Id, false)).WithdrawnBecause);

        await ViewedFromBaiduAsync(scenario, v2, Local(5, 10, 29), "茶几");
        scenario.Clock.Set(Local(5, 10, 30));
        await engine.StartAsync(new StartRequest(v2, entry));

        scenario.Clock.Set(Local(5, 11, 0));
        var declined = await engine.InviteAsync(new InviteRequest(a1, v3, entry, "您好"));
        await engine.DeclineInvitationAsync(v3, declined.Id);

        scenario.Clock.Set(Local(5, 11, 30));
        await engine.InviteAsync(new InviteRequest(a1, v4, entry, "您好"));
        scenario.Clock.Set(Local(5, 11, 31, 1));
        await engine.TickAsync();
        scenario.Clock.Set(Local(5, 11, 32));
        await engine.StartAsync(new StartRequest(v4, entry));

        scenario.Clock.Set(Local(6, 10, 0));
        await scenario.OnlineAsync(a1);
        var next = await engine.InviteAsync(new InviteRequest(a1, v5, entry, "您好"));
        Assert.Null((await engine.AcceptInvitationAsync(v5, next.Id, false)).WithdrawnBecause);

        var reports = scenario.Database.Services.GetRequiredService<ReportService>();
        var fifth = await reports.OriginsAsync(new ReportPeriod(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 5)), ReportAudience.Enterprise([a1]));
        var sixth = await reports.OriginsAsync(new ReportPeriod(new DateOnly(2026, 1, 6), new DateOnly(2026, 1, 6)), ReportAudience.Agents([a1]));

        Assert.Equal(
            [new OriginCount("Direct", 1), new OriginCount(ConsultationOrigins.InvitationSource, 1), new OriginCount("SearchEngine.Baidu", 1)],
            fifth.Sources);
        Assert.Equal([new OriginCount("沙发", 1), new OriginCount("茶几", 1)], fifth.Keywords);
        Assert.Equal([new OriginCount(ConsultationOrigins.InvitationSource, 1)], sixth.Sources);
    }
}
