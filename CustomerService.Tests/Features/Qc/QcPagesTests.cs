using System.Net;
using CustomerService.Data;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Qc;

/// <summary>
/// SPEC B for QC over HTTP (issue 13): Sales cannot grade — refused by the page policy and on a direct form post —,
/// statistics are for QC and Admin, a transcript outside one's scope is 404, and the statistics download is a real file.
/// </summary>
public sealed class QcPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("sales1")]
    [InlineData("lead")]
    public async Task Statistics_are_refused_to_sales_and_team_leads(string login)
    {
        using var client = await app.SignInAsync(login);

        using var page = await client.GetAsync("/qc/statistics");
        using var download = await client.GetAsync("/qc/statistics.xlsx?from=2026-01-01&to=2026-01-31");

        Assert.Equal("/access-denied", new Uri(app.BaseAddress, page.Headers.Location!).AbsolutePath);
        Assert.NotEqual(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task The_qc_account_opens_the_qc_pages_and_downloads_the_statistics()
    {
        using var client = await app.SignInAsync("qc");

        foreach (var path in new[] { "/qc", "/qc/my-grades", "/qc/disputes", "/qc/statistics" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        }

        using var download = await client.GetAsync("/qc/statistics.xlsx?from=2026-01-01&to=2026-01-31");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType?.MediaType);
        using var bad = await client.GetAsync("/qc/statistics.xlsx?from=2026-02-01&to=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Sales_is_refused_a_direct_grading_post_and_nothing_is_written()
    {
        var sales1 = await app.AccountIdAsync("sales1");
        var conversation = await new PastConversationBuilder().RequestedAt(DateTime.UtcNow.AddHours(-1)).ServedBy(sales1).Answered().SaveAsync(app.Services);
        using var client = await app.SignInAsync("sales1");

        using var response = await PostGradeAsync(client, conversation.Id, "27", "24", "18", "16");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        await using var db = NewContext();
        Assert.False(await db.QcGrades.AnyAsync(g => g.ConversationId == conversation.Id));
    }

    [Fact]
    public async Task The_qc_account_grades_by_form_post_and_bad_scores_get_a_clear_400()
    {
        var sales1 = await app.AccountIdAsync("sales1");
        var conversation = await new PastConversationBuilder().RequestedAt(DateTime.UtcNow.AddHours(-1)).ServedBy(sales1).Answered().SaveAsync(app.Services);
        using var client = await app.SignInAsync("qc");

        using var bad = await PostGradeAsync(client, conversation.Id, "27", "24", "18", "16.5");
        using var good = await PostGradeAsync(client, conversation.Id, "27", "24", "18", "16");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("解决问题", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        await using var db = NewContext();
        var grade = await db.QcGrades.SingleAsync(g => g.ConversationId == conversation.Id);
        Assert.Equal((85, 100), (grade.Points, grade.Possible));
    }

    [Fact]
    public async Task A_transcript_outside_the_scope_is_404_and_inside_it_shows_the_panel()
    {
        var sales1 = await app.AccountIdAsync("sales1");
        var conversation = await new PastConversationBuilder().RequestedAt(DateTime.UtcNow.AddHours(-1)).ServedBy(sales1).Answered().SaveAsync(app.Services);
        using var sales3 = await app.SignInAsync("sales3");
        using var qc = await app.SignInAsync("qc");

        using var refused = await sales3.GetAsync($"/qc/conversations/{conversation.Id}");
        using var shown = await qc.GetAsync($"/qc/conversations/{conversation.Id}");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("data-testid=\"qc-transcript\"", await shown.ReadHtmlAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostGradeAsync(HttpClient client, long conversationId, params string[] scores)
    {
        // The antiforgery token of the signed-in page (its logout form), as a browser's form would carry it.
        var fields = AppFactory.HiddenInputs(await client.GetStringAsync("/qc/my-grades"));
        for (var i = 0; i < scores.Length; i++)
        {
            fields[$"score-{i}"] = scores[i];
        }

        fields["comment"] = "表单提交";
        return await client.PostAsync($"/qc/conversations/{conversationId}/grade", new FormUrlEncodedContent(fields));
    }

    private CustomerServiceDbContext NewContext() => app.Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContext();
}
