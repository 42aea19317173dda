using ClosedXML.Excel;
using CustomerService.Web.Features.Exports;
using SpreadCheetah;

namespace CustomerService.Tests.Features.Exports;

/// <summary>The writer's sheets (SPEC G5): past the per-sheet limit the rows continue on a further sheet under the same header.</summary>
public sealed class XlsxExportWriterTests
{
    [Fact]
    public async Task Rows_past_the_sheet_limit_continue_on_a_further_sheet_with_the_header_again()
    {
        var table = new ExportTable("记录", [new ExportColumn("序号", 8, ExportFormat.Number)], 7, Numbers(7));
        using var file = new MemoryStream();

        var written = await XlsxExportWriter.WriteAsync(file, table, (_, _) => ValueTask.FromResult(true), CancellationToken.None, rowsPerSheet: 3);

        Assert.Equal(7, written);
        file.Position = 0;
        using var workbook = new XLWorkbook(file);
        Assert.Equal(["记录", "记录 (2)", "记录 (3)"], workbook.Worksheets.Select(s => s.Name));
        Assert.Equal(
            [["序号", "1", "2", "3"], ["序号", "4", "5", "6"], ["序号", "7"]],
            workbook.Worksheets.Select(s => s.RowsUsed().Select(r => r.Cell(1).GetString()).ToArray()));
        Assert.All(workbook.Worksheets, s => Assert.Equal(1, s.SheetView.SplitRow));
    }

    [Fact]
    public async Task An_empty_search_gives_a_file_with_its_header()
    {
        var table = new ExportTable("记录", [new ExportColumn("序号", 8, ExportFormat.Number)], 0, Numbers(0));
        using var file = new MemoryStream();

        Assert.Equal(0, await XlsxExportWriter.WriteAsync(file, table, (_, _) => ValueTask.FromResult(true), CancellationToken.None));

        file.Position = 0;
        using var workbook = new XLWorkbook(file);
        Assert.Equal(["序号"], workbook.Worksheets.Single().RowsUsed().Select(r => r.Cell(1).GetString()));
    }

    private static async IAsyncEnumerable<DataCell[]> Numbers(int count)
    {
        await Task.CompletedTask;
        for (var i = 1; i <= count; i++)
        {
            yield return [new DataCell(i)];
        }
    }
}
