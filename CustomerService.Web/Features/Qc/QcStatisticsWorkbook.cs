using System.Globalization;
using ClosedXML.Excel;
using CustomerService.Domain.Qc;
using CustomerService.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Qc;

/// <summary>
/// 质检统计 as an .xlsx: one sheet each for agents, account groups and inspectors, the same <see cref="QcTally"/> the page
/// shows. Averages are numbers with one decimal; an average without grades is the text "–". Column widths are set by
/// hand (ClosedXML's AdjustToContents needs GDI+, which Linux servers lack; see KpiWorkbook).
/// </summary>
public sealed class QcStatisticsWorkbook(IStringLocalizer<UiText> text)
{
    public byte[] Write(QcStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        using var workbook = new XLWorkbook();
        var title = string.Create(CultureInfo.InvariantCulture, $"{text["Qc.Nav.Statistics"]}  {statistics.Period.From:yyyy-MM-dd} ~ {statistics.Period.To:yyyy-MM-dd}");
        Write(workbook.AddWorksheet(text["Qc.Stats.Agents"]), title, text["Qc.Agent"], statistics.Agents, statistics.Total);
        Write(workbook.AddWorksheet(text["Qc.Stats.Groups"]), title, text["Qc.AccountGroup"], statistics.Groups, statistics.Total);
        Write(workbook.AddWorksheet(text["Qc.Stats.Inspectors"]), title, text["Qc.Inspector"], statistics.Inspectors, null);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>The column headers after the name, in the order of <see cref="Values"/>.</summary>
    public IReadOnlyList<string> Headers() =>
    [
        text["Qc.Stats.Graded"], text["Qc.Stats.Average"], text["Qc.Band.Excellent"], text["Qc.Band.Good"], text["Qc.Band.Pass"],
        text["Qc.Band.Poor"], text["Qc.Stats.Disputed"], text["Qc.DisputeState.Open"], text["Qc.DisputeState.Upheld"], text["Qc.DisputeState.Revised"],
    ];

    private static IEnumerable<object?> Values(QcTally t) =>
        [t.Graded, t.Average, t.Excellent, t.Good, t.Pass, t.Poor, t.Disputed, t.DisputesOpen, t.DisputesUpheld, t.DisputesRevised];

    private void Write(IXLWorksheet sheet, string title, string nameHeader, IReadOnlyList<QcStatisticsLine> lines, QcTally? total)
    {
        sheet.Cell(1, 1).Value = title;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).Value = nameHeader;
        var headers = Headers();
        for (var i = 0; i < headers.Count; i++)
        {
            sheet.Cell(2, 2 + i).Value = headers[i];
            sheet.Column(2 + i).Width = 12;
        }

        sheet.Row(2).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(2);
        sheet.Column(1).Width = 20;
        var row = 3;
        foreach (var line in lines)
        {
            Put(sheet, row++, line.Name, line.Tally);
        }

        if (total is not null)
        {
            Put(sheet, row, text["Qc.Stats.Total"], total);
            sheet.Row(row).Style.Font.Bold = true;
        }
    }

    private static void Put(IXLWorksheet sheet, int row, string name, QcTally tally)
    {
        sheet.Cell(row, 1).Value = name;
        var column = 2;
        foreach (var value in Values(tally))
        {
            var cell = sheet.Cell(row, column++);
            switch (value)
            {
                case long count:
                    cell.Value = count;
                    break;
                case decimal average:
                    cell.Value = average;
                    cell.Style.NumberFormat.Format = "0.0";
                    break;
                default:
                    cell.Value = "–";
                    break;
            }
        }
    }
}
