using System.Net;
using ClosedXML.Excel;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Kpi;
using CustomerService.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CustomerService.Tests.Features.Kpi.XlsxCells;

namespace CustomerService.Tests.Features.Kpi;

/// <summary>
/// 排队分析's download (issue 11) holds the reception group picked on the page: its total and its row, equal to the
/// report service's figures for that group; a group that does not exist is refused with the module's words.
/// </summary>
public sealed class KpiQueueDownloadTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly ReportPeriod September = new(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30));
    private const string Query = "from=2026-09-01&to=2026-09-30";

    [Fact]
    public async Task The_file_of_one_reception_group_holds_its_queue_as_the_report_service_counts_it()
    {
        var (presale, aftersale) = (await ReceptionGroupIdAsync("售前"), await ReceptionGroupIdAsync("售后"));
        var at = new DateTime(2026, 9, 10, 2, 0, 0, DateTimeKind.Utc);
        await QueueAsync(presale, at, QueueOutcome.Served, TimeSpan.FromSeconds(20));
        await QueueAsync(presale, at.AddMinutes(5), QueueOutcome.Abandoned, TimeSpan.FromSeconds(60));
        await QueueAsync(aftersale, at.AddMinutes(9), QueueOutcome.LeftMessage, TimeSpan.FromSeconds(30));
        using var admin = await app.SignInAsync("admin");

        using var response = await admin.GetAsync($"/kpi/queue.xlsx?{Query}&receptionGroup={presale}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));

        var sheet = workbook.Worksheet(1);
        Assert.Contains("售前", sheet.Cell(1, 1).GetString());
        var rows = sheet.RowsUsed().Skip(2).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("售前", rows[1].Cell(1).GetString());
        var expected = await app.Services.GetRequiredService<ReportService>().QueueAsync(September, presale);
        foreach (var row in rows)
        {
            for (var i = 0; i < KpiQueueFigures.All.Count; i++)
            {
                var figure = KpiQueueFigures.All[i];
                var value = figure.Read(expected)!.Value;
                Assert.Equal(figure.Metric.Unit == KpiUnit.Seconds ? value / 86_400d : value, Number(row.Cell(2 + i)), 9);
            }
        }

        // By hand: 售前 queued twice, one served after 20 s, one abandoned after 60 s; 售后's message is not in it.
        Assert.Equal([2d, 1, 0, 1], Enumerable.Range(2, 4).Select(c => Number(rows[0].Cell(c))));
        Assert.Equal([20d, 60, 60], Enumerable.Range(6, 3).Select(c => Math.Round(Number(rows[0].Cell(c)) * 86_400, 3)));
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("abc")]
    public async Task A_reception_group_that_does_not_exist_is_refused_and_no_file_is_written(string receptionGroup)
    {
        using var admin = await app.SignInAsync("admin");

        using var response = await admin.GetAsync($"/kpi/queue.xlsx?{Query}&receptionGroup={receptionGroup}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("该接待组不存在。", await response.Content.ReadAsStringAsync());
        Assert.NotEqual("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A request that waited in the group's queue and left it as <paramref name="outcome"/> after <paramref name="wait"/>.</summary>
    private async Task QueueAsync(int receptionGroupId, DateTime enteredAt, QueueOutcome outcome, TimeSpan wait)
    {
        var conversation = await new PastConversationBuilder().RequestedAt(enteredAt).SaveAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        var entry = new ConversationQueueEntry(conversation.Id, receptionGroupId, null, enteredAt, afterAgentLost: false);
        entry.Close(outcome, enteredAt + wait);
        db.QueueEntries.Add(entry);
        await db.SaveChangesAsync();
    }

    private async Task<int> ReceptionGroupIdAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        return await db.ReceptionGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync();
    }
}
