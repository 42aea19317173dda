using System.Globalization;
using System.Net;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Exports;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.LeaveMessages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Records;

/// <summary>
/// The records pages as the server renders them (SPEC G3, G4, G5, G6, N6): the transcript with its evaluation, summary
/// and QC slot, 404 outside the scope; 整体统计 opening on today with its panels' numbers; a download refused with 404
/// for another owner's task and 410 for an expired file; the navigation's leave-message lists with their counts.
/// </summary>
public sealed class RecordPagesHttpTests(AppFactory app) : IClassFixture<AppFactory>
{
    // A fixed past day for the transcript, so today's figures are only what the statistics test adds.
    private static readonly DateTime March10 = new(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_transcript_page_shows_the_conversation_its_evaluation_summary_and_the_qc_slot()
    {
        var sales1 = await app.AccountIdAsync("sales1");
        var stored = await new PastConversationBuilder().RequestedAt(March10).ServedBy(sales1).Answered().RatedAs(EvaluationLevel.Dissatisfied, "太慢了").SaveAsync(app.Services);
        using var admin = await app.SignInAsync("admin");

        using var response = await admin.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/records/{stored.Id}"));
        var html = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Count(html, "data-testid=\"records-message\""));
        Assert.Contains("data-testid=\"records-participants\"", html);
        Assert.Contains("data-testid=\"records-qc-slot\"", html);
        Assert.Contains("data-testid=\"records-summary-save\"", html);
        Assert.Contains("data-testid=\"records-trajectory\"", html);
        var evaluation = html[html.IndexOf("data-testid=\"records-evaluation\"", StringComparison.Ordinal)..];
        evaluation = evaluation[..evaluation.IndexOf("</td>", StringComparison.Ordinal)];
        Assert.Contains(UiTexts.Chinese("Records.Rating.Dissatisfied"), evaluation);
        Assert.DoesNotContain(UiTexts.Chinese("Records.Rating.VeryDissatisfied"), evaluation);
        Assert.Contains("太慢了", evaluation);
    }

    [Theory]
    [InlineData("sales3", HttpStatusCode.NotFound)]
    [InlineData("sales2", HttpStatusCode.NotFound)]
    [InlineData("lead", HttpStatusCode.OK)]
    [InlineData("qc", HttpStatusCode.OK)]
    public async Task Outside_the_records_scope_the_transcript_page_is_404(string login, HttpStatusCode expected)
    {
        var sales1 = await app.AccountIdAsync("sales1");
        var stored = await new PastConversationBuilder().RequestedAt(March10.AddMinutes(5)).ServedBy(sales1).Answered().SaveAsync(app.Services);
        using var client = await app.SignInAsync(login);

        using var response = await client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/records/{stored.Id}"));
        var html = await response.ReadHtmlAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 2 : 0, Count(html, "data-testid=\"records-message\""));
    }

    [Fact]
    public async Task Overall_statistics_open_on_today_with_every_panel_and_its_numbers()
    {
        var sales1 = await app.AccountIdAsync("sales1");
        await new PastConversationBuilder().RequestedAt(EarlierToday.Utc(TimeSpan.FromMinutes(3))).ServedBy(sales1).Answered().SaveAsync(app.Services);
        await new PastConversationBuilder().RequestedAt(EarlierToday.Utc(TimeSpan.FromMinutes(2))).ServedBy(sales1).SaveAsync(app.Services);
        using var admin = await app.SignInAsync("admin");

        var html = await (await admin.GetAsync("/records/statistics")).ReadHtmlAsync();

        foreach (var panel in new[] { "reception", "purchase", "summary", "ratings", "qc", "leaveMessages", "identitySignIn", "identityVip", "identityCrm", "types", "startPages" })
        {
            Assert.Contains($"data-testid=\"records-stat-panel-{panel}\"", html);
        }

        // Today: the answered conversation is valid, the unanswered one invalid; both unrated.
        Assert.Contains("data-metric=\"valid\" data-value=\"1\"", html);
        Assert.Contains("data-metric=\"invalid\" data-value=\"1\"", html);
        Assert.Contains("data-metric=\"unrated\" data-value=\"2\"", html);
    }

    [Fact]
    public async Task A_download_of_another_owners_task_is_404_and_of_an_expired_file_410()
    {
        var sales1 = await app.AccountIdAsync("sales1");
        long taskId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
            var task = ExportTask.Queue(sales1, "过期的", ExportKind.Records, "{}", "zh-CN", 0, DateTime.UtcNow).Value!;
            db.ExportTasks.Add(task);
            await db.SaveChangesAsync();
            taskId = task.Id;
            // As the retention job leaves it (the runner never picks an expired task).
            await db.ExportTasks.Where(t => t.Id == taskId).ExecuteUpdateAsync(set => set.SetProperty(t => t.State, ExportState.Expired));
        }

        var path = string.Create(CultureInfo.InvariantCulture, $"/records/exports/{taskId}/download");
        using var owner = await app.SignInAsync("sales1");
        using var colleague = await app.SignInAsync("sales2");

        using var expired = await owner.GetAsync(path);
        using var notHis = await colleague.GetAsync(path);

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await expired.Content.ReadAsStringAsync());
        Assert.Equal(UiTexts.Chinese("Error.Exports.Expired"), problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, notHis.StatusCode);
    }

    [Fact]
    public async Task The_navigation_counts_the_leave_messages_handled_and_not_and_links_to_each_list()
    {
        var engine = app.Services.GetRequiredService<ConversationEngine>();
        var handled = await engine.LeaveMessageAsync(null, "presale", new LeaveMessageContentBuilder().WithContent("已经处理的留言").Build());
        await engine.LeaveMessageAsync(null, "presale", new LeaveMessageContentBuilder().WithContent("还没处理的留言").Build());
        await engine.LeaveMessageAsync(null, "aftersale", new LeaveMessageContentBuilder().WithContent("售后的留言").Build());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<LeaveMessageInbox>().MarkHandledAsync(await app.AccountIdAsync("admin"), handled)).Succeeded);
        }

        // The admin's 留言处理范围 is every message; sales3's (own) holds none of these group messages.
        using var admin = await app.SignInAsync("admin");
        using var sales3 = await app.SignInAsync("sales3");
        var adminHtml = await (await admin.GetAsync("/records")).ReadHtmlAsync();
        var sales3Html = await (await sales3.GetAsync("/records")).ReadHtmlAsync();

        Assert.Equal(("3", "1", "2"), Counts(adminHtml));
        Assert.Equal(("0", "0", "0"), Counts(sales3Html));
        Assert.Contains("href=\"/leave-messages?filter=Handled\"", adminHtml);
        Assert.Contains("href=\"/leave-messages?filter=Unhandled\"", adminHtml);
        Assert.Contains("href=\"/leave-messages?filter=All\"", adminHtml);
    }

    private static (string All, string Handled, string Unhandled) Counts(string html)
    {
        string Of(string filter) => System.Text.RegularExpressions.Regex.Match(
            html, $"data-testid=\"records-leave-messages-count-{filter}\"[^>]*>\\s*([^<\\s]+)\\s*<").Groups[1].Value;
        return (Of("All"), Of("Handled"), Of("Unhandled"));
    }

    private static int Count(string html, string needle)
    {
        var count = 0;
        for (var at = html.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = html.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
