using System.Globalization;
using ClosedXML.Excel;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Kpi;

/// <summary>
/// 概况 as an .xlsx (SPEC I2): a title row with the period and scope, the totals by part, and one row per agent — the
/// same <see cref="KpiMetric"/>s the page shows, so the file and the page cannot disagree. Values are stored as numbers
/// with Excel formats (percent, [h]:mm:ss, amounts); an empty denominator is the text "–". Column widths are set
/// explicitly: ClosedXML 0.95's AdjustToContents needs GDI+, which Linux servers lack.
/// </summary>
public sealed class KpiWorkbook(IStringLocalizer<UiText> text)
{
    public byte[] Overview(AgentReport report, string scopeName)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var workbook = new XLWorkbook();
        var title = string.Create(CultureInfo.InvariantCulture, $"{text["Kpi.Overview"]}  {report.Period.From:yyyy-MM-dd} ~ {report.Period.To:yyyy-MM-dd}  {scopeName}  ({report.TimeZone})");
        WriteTotals(workbook.AddWorksheet(text["Kpi.Sheet.Totals"]), title, report.Total);
        WriteAgents(workbook.AddWorksheet(text["Kpi.Sheet.Agents"]), title, report.Agents);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private void WriteTotals(IXLWorksheet sheet, string title, ReportFigures total)
    {
        sheet.Cell(1, 1).Value = title;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        var row = 3;
        foreach (var part in KpiMetrics.OverviewParts)
        {
            sheet.Cell(row, 1).Value = text[part.TitleKey].Value;
            sheet.Cell(row, 1).Style.Font.Bold = true;
            row++;
            foreach (var metric in part.Metrics)
            {
                sheet.Cell(row, 1).Value = text[metric.LabelKey].Value;
                Put(sheet.Cell(row, 2), metric, metric.Read(total));
                row++;
            }

            row++;
        }

        sheet.Column(1).Width = 28;
        sheet.Column(2).Width = 18;
    }

    private void WriteAgents(IXLWorksheet sheet, string title, IReadOnlyList<AgentFigures> agents)
    {
        var metrics = KpiMetrics.OverviewParts.SelectMany(p => p.Metrics).ToList();
        sheet.Cell(1, 1).Value = title;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).Value = text["Kpi.Login"].Value;
        sheet.Cell(2, 2).Value = text["Kpi.Agent"].Value;
        sheet.Cell(2, 3).Value = text["Kpi.AccountGroup"].Value;
        for (var i = 0; i < metrics.Count; i++)
        {
            sheet.Cell(2, 4 + i).Value = text[metrics[i].LabelKey].Value;
            sheet.Column(4 + i).Width = 14;
        }

        sheet.Row(2).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(2);
        sheet.Column(1).Width = 14;
        sheet.Column(2).Width = 16;
        sheet.Column(3).Width = 14;
        var row = 3;
        foreach (var agent in agents)
        {
            sheet.Cell(row, 1).Value = agent.Login;
            sheet.Cell(row, 2).Value = agent.Name;
            sheet.Cell(row, 3).Value = agent.AccountGroup ?? string.Empty;
            for (var i = 0; i < metrics.Count; i++)
            {
                Put(sheet.Cell(row, 4 + i), metrics[i], metrics[i].Read(agent.Figures));
            }

            row++;
        }
    }

    private static void Put(IXLCell cell, KpiMetric metric, double? value)
    {
        if (value is not { } v)
        {
            cell.Value = KpiFormat.Empty;
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
            return;
        }

        switch (metric.Unit)
        {
            case KpiUnit.Count:
                cell.Value = v;
                cell.Style.NumberFormat.Format = "#,##0";
                break;
            case KpiUnit.Rate:
                cell.Value = v;
                cell.Style.NumberFormat.Format = "0.0%";
                break;
            case KpiUnit.Seconds:
                // Excel keeps durations as fractions of a day.
                cell.Value = v / 86_400d;
                cell.Style.NumberFormat.Format = "[h]:mm:ss";
                break;
            case KpiUnit.Amount:
                cell.Value = v;
                cell.Style.NumberFormat.Format = "#,##0.00";
                break;
            case KpiUnit.Average:
                cell.Value = v;
                cell.Style.NumberFormat.Format = "0.0";
                break;
        }
    }
}
