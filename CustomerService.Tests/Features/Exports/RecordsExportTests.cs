using ClosedXML.Excel;
using CustomerService.Domain.Exports;
using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Features.Records;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Exports;
using CustomerService.Web.Features.Records;
using CustomerService.Web.Features.Security;
using CustomerService.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CustomerService.Tests.Features.Exports;

/// <summary>
/// 导出全部 of 互动记录 (SPEC G5): the file read back with ClosedXML holds the list's rows in the list's order with the
/// chosen columns as real values, in the owner's scope (SPEC G6), and keyset reading neither repeats nor skips while
/// conversations arrive. Three March conversations (UTC: the test database has no enterprise profile).
/// </summary>
public sealed class RecordsExportTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 3, 10, 4, 0, 0, DateTimeKind.Utc);
    private static readonly ReportPeriod March = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));
    private static readonly RecordSearch AllOfMarch = new(March, RecordList.All, new RecordFilter());

    private TestDatabase _db = null!;
    private ExportFiles _files = null!;
    private DemoTeam _team = null!;

    public async Task InitializeAsync()
    {
        (_db, _files) = await ExportTestDatabase.CreateAsync();
        _db.Clock.Set(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        _team = await DemoTeam.AddToAsync(_db);
        await new RecordConversationBuilder(Start).ServedBy(_team.Sales1).Answered().Named("甲").SaveAsync(_db);
        await new RecordConversationBuilder(Start.AddHours(1)).ServedBy(_team.Sales2).Unanswered().Named("乙").SaveAsync(_db);
        await new RecordConversationBuilder(Start.AddHours(2)).ServedBy(_team.Sales3).Answered().Named("丙").SaveAsync(_db);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        ExportTestDatabase.DeleteFolder(_files);
    }

    [Fact]
    public async Task The_file_reads_back_equal_to_the_list_with_the_chosen_columns_as_real_values()
    {
        var columns = new[] { RecordColumn.RequestedAt, RecordColumn.Visitor, RecordColumn.Agent, RecordColumn.Duration, RecordColumn.Messages, RecordColumn.Result };
        await _db.GetRequiredService<RecordColumnPreferences>().SaveAsync(_team.Admin, columns);

        var task = await ExportAsync(_team.Admin, "三月全部");

        Assert.Equal(ExportState.Done, task.State);
        Assert.Equal((3, 3), (task.RowsWritten, task.RowsTotal));
        Assert.Equal(new DateTime(2026, 6, 8, 0, 0, 0, DateTimeKind.Utc), task.ExpiresAt);
        using var workbook = await OpenAsync(_team.Admin, task.Id);
        var sheet = workbook.Worksheets.First();
        Assert.Equal("互动记录", sheet.Name);
        Assert.Equal(["开始时间", "客人名称", "接待客服", "咨询时长", "消息条数", "咨询结果"], Enumerable.Range(1, 6).Select(c => sheet.Cell(1, c).GetString()));
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        // Excel stores widths with its padding; ClosedXML reads them back within a character of what was set.
        Assert.InRange(sheet.Column(1).Width, 19, 21);
        Assert.InRange(sheet.Column(2).Width, 17, 19);

        var rows = ExportTestDatabase.DataRows(workbook, 6);
        // Newest first, as the list; the answered ones last 40 s (assigned +1 s, ended 30 s after the agent's reply at +11 s).
        Assert.Equal(["丙", "乙", "甲"], rows.Select(r => r[1].GetString()));
        Assert.Equal([Start.AddHours(2), Start.AddHours(1), Start], rows.Select(r => r[0].GetDateTime()));
        Assert.All(rows, r => Assert.Equal(XLDataType.DateTime, r[0].DataType));
        Assert.Equal(["sales3", "sales2", "sales1"], rows.Select(r => r[2].GetString()));
        Assert.Equal([40.0, 35.0, 40.0], rows.Select(r => Math.Round(DurationOf(r[3]).TotalSeconds)));
        Assert.Equal([2.0, 1.0, 2.0], rows.Select(r => r[4].GetDouble()));
        Assert.All(rows, r => Assert.Equal(XLDataType.Number, r[4].DataType));
        Assert.Equal(["有效咨询", "无效咨询", "有效咨询"], rows.Select(r => r[5].GetString()));

        var listed = (await _db.GetRequiredService<RecordListService>().PageAsync(_team.Admin, AllOfMarch, null)).Value!.Rows;
        Assert.Equal(
            listed.Select(r => (r.RequestedAt, r.VisitorName, r.AgentName, (double)r.Messages)),
            rows.Select(r => (r[0].GetDateTime(), (string?)r[1].GetString(), (string?)r[2].GetString(), r[4].GetDouble())));
    }

    [Theory]
    [InlineData("sales1", new[] { "甲" })]
    [InlineData("lead", new[] { "乙", "甲" })]
    [InlineData("sales3", new[] { "丙" })]
    [InlineData("qc", new[] { "丙", "乙", "甲" })]
    public async Task An_export_holds_only_the_conversations_its_owner_sees(string login, string[] expected)
    {
        var owner = _team[login];
        await _db.GetRequiredService<RecordColumnPreferences>().SaveAsync(owner, [RecordColumn.Visitor]);

        var task = await ExportAsync(owner, "我的");

        Assert.Equal(expected.Length, task.RowsTotal);
        using var workbook = await OpenAsync(owner, task.Id);
        Assert.Equal(expected, ExportTestDatabase.DataRows(workbook, 1).Select(r => r[0].GetString()));
    }

    [Fact]
    public async Task Reading_in_keyset_pages_neither_repeats_nor_skips_while_conversations_are_added()
    {
        var source = new RecordsExportSource(
            _db.GetRequiredService<IDbContextFactory<CustomerService.Data.CustomerServiceDbContext>>(), _db.GetRequiredService<DataScopeFilter>(),
            _db.Services.GetRequiredService<IStringLocalizer<UiText>>()) { PageSize = 2 };
        var table = await source.OpenAsync(_team.Admin, RecordsExportRequest.For(AllOfMarch, [RecordColumn.Visitor]).Value!, CancellationToken.None);

        var added = 0;
        async IAsyncEnumerable<SpreadCheetah.DataCell[]> WhileRequestsArrive()
        {
            await foreach (var row in table.Rows)
            {
                yield return row;
                // New requests arrive while the export reads, as they do in a busy enterprise.
                await new RecordConversationBuilder(Start.AddHours(3).AddMinutes(added++)).ServedBy(_team.Sales1).Answered().Named("新" + added).SaveAsync(_db);
            }
        }

        using var file = new MemoryStream();
        var written = await XlsxExportWriter.WriteAsync(file, table with { Rows = WhileRequestsArrive() }, (_, _) => ValueTask.FromResult(true), CancellationToken.None);

        Assert.Equal((3, 3, 3), (table.Total, written, added));
        file.Position = 0;
        using var workbook = new XLWorkbook(file);
        Assert.Equal(["丙", "乙", "甲"], ExportTestDatabase.DataRows(workbook, 1).Select(r => r[0].GetString()));
    }

    [Fact]
    public async Task A_keyword_export_read_in_pages_of_one_holds_the_keyword_lists_rows()
    {
        await new RecordConversationBuilder(Start.AddMinutes(30)).ServedBy(_team.Sales1).Answered().Named("丁").Says("能开发票吗").SaveAsync(_db);
        await new RecordConversationBuilder(Start.AddHours(2).AddMinutes(30)).ServedBy(_team.Sales2).Answered().Named("戊").Says("发票抬头").SaveAsync(_db);
        var search = AllOfMarch with { Filter = new RecordFilter { Keyword = "发票" } };
        var source = new RecordsExportSource(
            _db.GetRequiredService<IDbContextFactory<CustomerService.Data.CustomerServiceDbContext>>(), _db.GetRequiredService<DataScopeFilter>(),
            _db.Services.GetRequiredService<IStringLocalizer<UiText>>()) { PageSize = 1 };

        // The search is planned once, when the export opens; each page of one row is read with that plan.
        var table = await source.OpenAsync(_team.Admin, RecordsExportRequest.For(search, [RecordColumn.Visitor]).Value!, CancellationToken.None);
        using var file = new MemoryStream();
        var written = await XlsxExportWriter.WriteAsync(file, table, (_, _) => ValueTask.FromResult(true), CancellationToken.None);

        var listed = (await _db.GetRequiredService<RecordListService>().PageAsync(_team.Admin, search, null)).Value!.Rows;
        Assert.Equal(["戊", "丁"], listed.Select(r => r.VisitorName));
        Assert.Equal((2, 2), (table.Total, written));
        file.Position = 0;
        using var workbook = new XLWorkbook(file);
        Assert.Equal(["戊", "丁"], ExportTestDatabase.DataRows(workbook, 1).Select(r => r[0].GetString()));
    }

    [Fact]
    public async Task A_search_the_list_refuses_is_refused_before_anything_is_queued()
    {
        var refused = RecordsExportRequest.For(AllOfMarch with { Filter = new RecordFilter { Keyword = "退" } }, [RecordColumn.Visitor]);

        Assert.Equal("RecordKeywordLength", refused.Violation?.Code);
    }

    private async Task<ExportTask> ExportAsync(int owner, string name)
    {
        var columns = await _db.GetRequiredService<RecordColumnPreferences>().GetAsync(owner);
        var request = RecordsExportRequest.For(AllOfMarch, columns).Value!;
        var queued = await _db.GetRequiredService<ExportTaskService>().QueueAsync(owner, name, ExportKind.Records, request);
        Assert.Null(queued.Violation);
        Assert.Equal(1, await _db.GetRequiredService<ExportRunner>().RunQueuedAsync(CancellationToken.None));
        await using var db = _db.NewContext();
        return await db.ExportTasks.SingleAsync(t => t.Id == queued.Value);
    }

    private async Task<XLWorkbook> OpenAsync(int account, long taskId)
    {
        var file = await _db.GetRequiredService<ExportTaskService>().OpenAsync(account, taskId);
        Assert.Null(file.Violation);
        return new XLWorkbook(file.Value!.Path);
    }

    /// <summary>A [h]:mm:ss cell holds a day fraction; ClosedXML 0.95 reads it as a date or a time span, depending on the format.</summary>
    private static TimeSpan DurationOf(IXLCell cell) => cell.DataType switch
    {
        XLDataType.TimeSpan => cell.GetTimeSpan(),
        XLDataType.DateTime => TimeSpan.FromDays(cell.GetDateTime().ToOADate()),
        _ => TimeSpan.FromDays(cell.GetDouble()),
    };
}
