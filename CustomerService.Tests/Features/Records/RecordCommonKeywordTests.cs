using CustomerService.Data.Search;
using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Records;

/// <summary>
/// A keyword said in more than <see cref="KeywordMatch.FewMessages"/> messages (发票 is in 575k a year) is looked for in
/// windows newest first — the last day, 8 days, 64 days, then the whole period (ADR 018) — and the pages must still be
/// exactly the period's: newest first, nothing repeated, nothing skipped, whichever window fills them. Q1 2026 (UTC).
/// </summary>
public sealed class RecordCommonKeywordTests : IAsyncLifetime
{
    private static readonly ReportPeriod FirstQuarter = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));
    private static readonly DateTime LastDay = new(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc);

    private TestDatabase _db = null!;
    private DemoTeam _team = null!;
    private readonly Dictionary<long, string> _names = [];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(services => services.AddRecordsFeature());
        _db.Clock.Set(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        _team = await DemoTeam.AddToAsync(_db);
        // Before the period: the conversation that makes 发票 common (more messages than the rare plan takes).
        var before = await Add("december", new DateTime(2025, 12, 10, 4, 0, 0, DateTimeKind.Utc), "发票");
        await using (var db = _db.NewContext())
        {
            // Ids far above the app's own (it assigns message ids itself).
            await db.Database.ExecuteSqlRawAsync(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {0}) " +
                "INSERT INTO Messages (Id, ConversationId, Seq, Sender, Kind, Text, SentAt) " +
                "SELECT 9000000000 + i, {1}, 1000 + i, 'Visitor', 'Text', '请开发票', '2025-12-10 04:10:00' FROM n",
                KeywordMatch.FewMessages + 1, before);
            Assert.True(await db.Database.SqlQuery<long>($"SELECT count(*) AS Value FROM MessageSearch WHERE MessageSearch MATCH '\"发票\"'").SingleAsync() > KeywordMatch.FewMessages);
        }

        await Add("d0a", LastDay.AddHours(10), "能开发票吗");
        await Add("d0b", LastDay.AddHours(9), "发票抬头写公司");
        await Add("silent", LastDay.AddHours(11), "谢谢");
        await Add("d3", LastDay.AddDays(-3), "发票");
        await Add("d10", LastDay.AddDays(-10), "发票");
        await Add("silent2", LastDay.AddDays(-11), "好的");
        await Add("d30", LastDay.AddDays(-30), "发票");
        await Add("d80", LastDay.AddDays(-80), "发票");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(100)]
    public async Task Pages_of_a_common_keyword_are_the_periods_newest_first_whichever_window_fills_them(int size)
    {
        var records = _db.GetRequiredService<RecordListService>();
        var search = new RecordSearch(FirstQuarter, RecordList.All, new RecordFilter { Keyword = "发票" });
        var found = new List<string>();
        RecordCursor? after = null;
        do
        {
            var page = (await records.PageAsync(_team.Admin, search, after, size)).Value!;
            Assert.InRange(page.Rows.Count, 1, size);
            found.AddRange(page.Rows.Select(r => _names[r.Id]));
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(["d0a", "d0b", "d3", "d10", "d30", "d80"], found);
    }

    private async Task<long> Add(string name, DateTime at, string words)
    {
        var id = await new RecordConversationBuilder(at).ServedBy(_team.Sales1).Answered().Says(words).SaveAsync(_db);
        _names[id] = name;
        return id;
    }
}
