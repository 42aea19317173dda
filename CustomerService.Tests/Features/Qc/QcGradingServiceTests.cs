using CustomerService.Data;
using CustomerService.Domain.Qc;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Notifications;
using CustomerService.Web.Features.Qc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Qc;

/// <summary>
/// Grading on the real app and database (SPEC H2, H3, B): the demo standard 默认标准 (服务态度 30, 专业能力 30, 响应速度 20,
/// 解决问题 20), one grade per inspector, scope per role on the service itself, notifications, and the day re-rolled.
/// </summary>
public sealed class QcGradingServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private QcGradingService Grading => app.Services.CreateScope().ServiceProvider.GetRequiredService<QcGradingService>();

    [Fact]
    public async Task The_qc_account_grades_an_ended_conversation_with_the_default_standard()
    {
        var (qc, sales1) = (await app.AccountIdAsync("qc"), await app.AccountIdAsync("sales1"));
        var conversation = await EndedConversationAsync(sales1);

        var saved = await Grading.SaveAsync(qc, conversation.Id, null, [27m, 24m, 18m, 16m], "态度很好");

        Assert.True(saved.Succeeded, saved.Violation?.ToString());
        var panel = (await Grading.PanelAsync(qc, conversation.Id))!;
        Assert.True(panel.CanGrade);
        Assert.Equal(DemoStandard, panel.Standards.Single(s => s.IsDefault).Dimensions.Select(d => (d.Name, d.MaxScore)));
        var mine = panel.Mine!;
        Assert.Equal((sales1, "陈质检", "默认标准", 1), (mine.AgentId, mine.InspectorName, mine.StandardName, mine.VersionNumber));
        Assert.Equal([27, 24, 18, 16], mine.Scores);
        Assert.Equal((85m, QcBand.Excellent, "态度很好"), (mine.Score.Value, mine.Score.Band, mine.Comment));
        Assert.Equal(85m, panel.ConversationScore!.Value.Value);
    }

    [Fact]
    public async Task One_grade_per_inspector_a_second_save_edits_it_and_two_inspectors_average()
    {
        var (qc, admin, sales1) = (await app.AccountIdAsync("qc"), await app.AccountIdAsync("admin"), await app.AccountIdAsync("sales1"));
        var conversation = await EndedConversationAsync(sales1);

        var first = await Grading.SaveAsync(qc, conversation.Id, null, [27m, 24m, 18m, 16m], null);
        var again = await Grading.SaveAsync(qc, conversation.Id, null, [20m, 20m, 20m, 20m], "改了");
        await Grading.SaveAsync(admin, conversation.Id, null, [30m, 30m, 10m, 0m], null);

        Assert.Equal(first.Value, again.Value);
        await using var db = NewContext();
        Assert.Equal(2, await db.QcGrades.CountAsync(g => g.ConversationId == conversation.Id));
        // qc: 80, admin: 70 → 75: 良.
        var panel = (await Grading.PanelAsync(qc, conversation.Id))!;
        Assert.Equal((80m, "改了"), (panel.Mine!.Score.Value, panel.Mine.Comment));
        Assert.Equal((75m, QcBand.Good), (panel.ConversationScore!.Value.Value, panel.ConversationScore.Value.Band));
        Assert.Equal(2, panel.Grades.Count);
    }

    [Fact]
    public async Task Bad_input_is_refused_and_nothing_is_written()
    {
        var (qc, sales1) = (await app.AccountIdAsync("qc"), await app.AccountIdAsync("sales1"));
        var conversation = await EndedConversationAsync(sales1);
        var open = await new PastConversationBuilder().ServedBy(sales1).Answered().StillOpen().SaveAsync(app.Services);

        Assert.Equal("QcScoreOutOfRange", (await Grading.SaveAsync(qc, conversation.Id, null, [31m, 24m, 18m, 16m], null)).Violation!.Code);
        Assert.Equal("QcScoreOutOfRange", (await Grading.SaveAsync(qc, conversation.Id, null, [-1m, 24m, 18m, 16m], null)).Violation!.Code);
        Assert.Equal("QcScoreNotWhole", (await Grading.SaveAsync(qc, conversation.Id, null, [27.5m, 24m, 18m, 16m], null)).Violation!.Code);
        Assert.Equal("TooLong", (await Grading.SaveAsync(qc, conversation.Id, null, [27m, 24m, 18m, 16m], new string('评', 2001))).Violation!.Code);
        Assert.Equal("QcConversationNotEnded", (await Grading.SaveAsync(qc, open.Id, null, [27m, 24m, 18m, 16m], null)).Violation!.Code);
        Assert.Equal("QcStandardNotFound", (await Grading.SaveAsync(qc, conversation.Id, 999_999, [27m, 24m, 18m, 16m], null)).Violation!.Code);

        await using var db = NewContext();
        Assert.False(await db.QcGrades.AnyAsync(g => g.ConversationId == conversation.Id || g.ConversationId == open.Id));
    }

    [Theory]
    [InlineData("sales1")]
    [InlineData("lead")]
    public async Task Sales_and_team_leads_cannot_grade_on_the_service_call(string login)
    {
        var (caller, sales1) = (await app.AccountIdAsync(login), await app.AccountIdAsync("sales1"));
        var conversation = await EndedConversationAsync(sales1);

        var outcome = await Grading.SaveAsync(caller, conversation.Id, null, [27m, 24m, 18m, 16m], null);

        Assert.Equal("QcMayNotGrade", outcome.Violation!.Code);
        Assert.False((await Grading.PanelAsync(caller, conversation.Id))!.CanGrade);
        await using var db = NewContext();
        Assert.False(await db.QcGrades.AnyAsync(g => g.ConversationId == conversation.Id));
    }

    [Fact]
    public async Task Each_role_sees_the_grades_of_its_scope()
    {
        var ids = await IdsAsync("qc", "admin", "lead", "sales1", "sales2", "sales3");
        var ofSales1 = await EndedConversationAsync(ids["sales1"]);
        var ofSales3 = await EndedConversationAsync(ids["sales3"]);
        await Grading.SaveAsync(ids["qc"], ofSales1.Id, null, [27m, 24m, 18m, 16m], null);
        await Grading.SaveAsync(ids["qc"], ofSales3.Id, null, [27m, 24m, 18m, 16m], null);

        // Sales1 sees his own grade; sales2 (same group, not in it) and sales3 do not see the conversation at all.
        Assert.Single((await Grading.PanelAsync(ids["sales1"], ofSales1.Id))!.Grades);
        Assert.Null(await Grading.PanelAsync(ids["sales2"], ofSales1.Id));
        Assert.Null(await Grading.PanelAsync(ids["sales3"], ofSales1.Id));
        // The lead of 售前组 sees sales1's conversation and grade, not sales3's (售后组).
        Assert.Single((await Grading.PanelAsync(ids["lead"], ofSales1.Id))!.Grades);
        Assert.Null(await Grading.PanelAsync(ids["lead"], ofSales3.Id));
        // QC and Admin see everything.
        Assert.Single((await Grading.PanelAsync(ids["admin"], ofSales3.Id))!.Grades);
        Assert.Single((await Grading.PanelAsync(ids["qc"], ofSales3.Id))!.Grades);
        // Lists: the agent's view holds his own grades only.
        var lists = app.Services.CreateScope().ServiceProvider.GetRequiredService<QcGradeLists>();
        Assert.All(await lists.GradesAsync(ids["sales1"], QcGradeList.AboutMe), g => Assert.Equal(ids["sales1"], g.AgentId));
        Assert.Contains(await lists.GradesAsync(ids["sales1"], QcGradeList.AboutMe), g => g.ConversationId == ofSales1.Id);
        Assert.DoesNotContain(await lists.GradesAsync(ids["lead"], QcGradeList.Disputes), g => g.AgentId == ids["sales3"]);
    }

    [Fact]
    public async Task A_dispute_end_to_end_notifies_the_agent_and_the_revision_counts()
    {
        var ids = await IdsAsync("qc", "admin", "sales1", "sales2");
        var conversation = await EndedConversationAsync(ids["sales1"]);
        var gradeId = (await Grading.SaveAsync(ids["qc"], conversation.Id, null, [15m, 15m, 10m, 10m], "需要改进")).Value;
        var inbox = app.Services.CreateScope().ServiceProvider.GetRequiredService<NoticeInbox>();
        Assert.Contains(await inbox.ListAsync(ids["sales1"]), n => n.Body.Contains(conversation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        // Someone else may not dispute it; sales1 may, once.
        Assert.Equal("QcGradeNotFound", (await Grading.DisputeAsync(ids["sales2"], gradeId, "不是我")).Violation!.Code);
        Assert.True((await Grading.DisputeAsync(ids["sales1"], gradeId, "问题已经解决")).Succeeded);
        Assert.Equal("QcAlreadyDisputed", (await Grading.DisputeAsync(ids["sales1"], gradeId, "再次申诉")).Violation!.Code);

        // Another inspector (admin) may not revise someone else's grade; its author does.
        Assert.Equal("QcNotYourGrade", (await Grading.AnswerAsync(ids["admin"], gradeId, [30m, 30m, 20m, 20m], null)).Violation!.Code);
        Assert.Equal("QcMayNotGrade", (await Grading.AnswerAsync(ids["sales1"], gradeId, [30m, 30m, 20m, 20m], null)).Violation!.Code);
        Assert.True((await Grading.AnswerAsync(ids["qc"], gradeId, [25m, 25m, 15m, 15m], "已复核")).Succeeded);

        var view = (await Grading.PanelAsync(ids["sales1"], conversation.Id))!.Grades.Single();
        Assert.Equal((QcDisputeState.Revised, 50m, 80m), (view.DisputeState, view.Score.Value, view.EffectiveScore.Value));
        Assert.Equal(("问题已经解决", "已复核"), (view.DisputeReason, view.AnswerComment));
        Assert.Equal(2, (await inbox.ListAsync(ids["sales1"])).Count(n => n.Body.Contains(conversation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Grading_a_past_conversation_marks_its_day_for_re_rolling()
    {
        var (qc, sales1) = (await app.AccountIdAsync("qc"), await app.AccountIdAsync("sales1"));
        var requested = new DateTime(2025, 6, 2, 3, 0, 0, DateTimeKind.Utc);
        var conversation = await new PastConversationBuilder().RequestedAt(requested).ServedBy(sales1).Answered().SaveAsync(app.Services);
        await using (var before = NewContext())
        {
            before.RollupDirtyMarks.RemoveRange(before.RollupDirtyMarks.Where(m => m.LocalDate == new DateOnly(2025, 6, 2)));
            await before.SaveChangesAsync();
        }

        await Grading.SaveAsync(qc, conversation.Id, null, [27m, 24m, 18m, 16m], null);

        await using var db = NewContext();
        // 03:00 UTC is 11:00 in Asia/Shanghai, the same local date.
        Assert.True(await db.RollupDirtyMarks.AnyAsync(m => m.LocalDate == new DateOnly(2025, 6, 2)));
    }

    private static readonly (string, int)[] DemoStandard = [("服务态度", 30), ("专业能力", 30), ("响应速度", 20), ("解决问题", 20)];

    private Task<PastConversation> EndedConversationAsync(int agentId) =>
        new PastConversationBuilder().RequestedAt(DateTime.UtcNow.AddHours(-2)).ServedBy(agentId).Answered().SaveAsync(app.Services);

    private async Task<Dictionary<string, int>> IdsAsync(params string[] logins)
    {
        var ids = new Dictionary<string, int>();
        foreach (var login in logins)
        {
            ids[login] = await app.AccountIdAsync(login);
        }

        return ids;
    }

    private CustomerServiceDbContext NewContext() => app.Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContext();
}
