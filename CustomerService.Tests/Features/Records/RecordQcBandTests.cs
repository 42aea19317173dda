using CustomerService.Domain.Qc;
using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Qc;
using CustomerService.Web.Features.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Records;

/// <summary>
/// SPEC G2 质检结果 and H2 bands on the records list: the band of each graded conversation, exact at the edge, and the
/// band filter finding exactly its conversations; ungraded ones have none and match no band. The demo standard
/// 默认标准 has 服务态度 30, 专业能力 30, 响应速度 20, 解决问题 20.
/// </summary>
public sealed class RecordQcBandTests(AppFactory app) : IClassFixture<AppFactory>
{
    // A fixed past day, so the conversations other tests make today stay out of the list.
    private static readonly DateTime Morning = new(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc);
    private static readonly ReportPeriod March = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

    [Fact]
    public async Task The_list_shows_each_conversations_band_and_the_band_filter_finds_exactly_its_conversations()
    {
        var (qc, admin, sales1) = (await app.AccountIdAsync("qc"), await app.AccountIdAsync("admin"), await app.AccountIdAsync("sales1"));
        var excellent = await EndedAsync(sales1, 0);
        var good = await EndedAsync(sales1, 1);
        var averaged = await EndedAsync(sales1, 2);
        var ungraded = await EndedAsync(sales1, 3);
        var grading = app.Services.CreateScope().ServiceProvider.GetRequiredService<QcGradingService>();
        // 27 + 24 + 18 + 16 = 85: 优 exactly at the edge. 27 + 24 + 18 + 15 = 84: 良.
        await grading.SaveAsync(qc, excellent, null, [27m, 24m, 18m, 16m], null);
        await grading.SaveAsync(qc, good, null, [27m, 24m, 18m, 15m], null);
        // Two inspectors, 90 and 59: the conversation's score is their average 74.5, 合格 (not 良, not 差).
        await grading.SaveAsync(qc, averaged, null, [30m, 30m, 20m, 10m], null);
        await grading.SaveAsync(admin, averaged, null, [20m, 20m, 10m, 9m], null);
        var records = app.Services.CreateScope().ServiceProvider.GetRequiredService<RecordListService>();

        var all = (await records.PageAsync(admin, new RecordSearch(March, RecordList.All, new RecordFilter()), null)).Value!.Rows;

        Assert.Equal(
            [(ungraded, null), (averaged, QcBand.Pass), (good, QcBand.Good), (excellent, QcBand.Excellent)],
            all.Select(r => (r.Id, r.QcBand)));
        foreach (var (band, expected) in new[] { (QcBand.Excellent, excellent), (QcBand.Good, good), (QcBand.Pass, averaged) })
        {
            var found = (await records.PageAsync(admin, new RecordSearch(March, RecordList.All, new RecordFilter { QcBand = band }), null)).Value!.Rows;
            Assert.Equal([expected], found.Select(r => r.Id));
        }

        Assert.Empty((await records.PageAsync(admin, new RecordSearch(March, RecordList.All, new RecordFilter { QcBand = QcBand.Poor }), null)).Value!.Rows);
    }

    private async Task<long> EndedAsync(int agentId, int minutes) =>
        (await new PastConversationBuilder().RequestedAt(Morning.AddMinutes(minutes)).ServedBy(agentId).Answered().SaveAsync(app.Services)).Id;
}
