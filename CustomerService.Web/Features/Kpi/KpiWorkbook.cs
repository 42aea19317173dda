using System.Globalization;
using ClosedXML.Excel;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Infrastructure;
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
        Head(sheet, title, [.. metrics.Select(m => text[m.LabelKey].Value)]);
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

    /// <summary>
    /// An analysis page or one of its sections: a sheet per section with the total row and a row per agent (and 环比
    /// beside each figure when the page compares), and 订单详情 when the page lists orders.
    /// </summary>
    public byte[] Sections(KpiSheets sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var report = sheets.Report;
        using var workbook = new XLWorkbook();
        var title = string.Create(CultureInfo.InvariantCulture, $"{sheets.Title}  {report.Period.From:yyyy-MM-dd} ~ {report.Period.To:yyyy-MM-dd}  {sheets.ScopeName}  ({report.TimeZone})");
        foreach (var part in sheets.Parts)
        {
            var sheet = workbook.AddWorksheet(SheetName(text[part.TitleKey]));
            var metrics = part.Metrics;
            var step = sheets.Previous is null ? 1 : 2;
            Head(sheet, title, [.. metrics.SelectMany(m => step == 1 ? new[] { text[m.LabelKey].Value } : new[] { text[m.LabelKey].Value, $"{text[m.LabelKey].Value} {text["Kpi.Change"].Value}" })]);
            var row = 3;
            sheet.Cell(row, 1).Value = text["Kpi.Total"].Value;
            sheet.Row(row).Style.Font.Bold = true;
            PutRow(sheet, row++, metrics, step, report.Total, sheets.Previous?.Total);
            foreach (var agent in report.Agents)
            {
                sheet.Cell(row, 1).Value = agent.Login;
                sheet.Cell(row, 2).Value = agent.Name;
                sheet.Cell(row, 3).Value = agent.AccountGroup ?? string.Empty;
                var before = sheets.Previous?.Agents.FirstOrDefault(a => a.AgentId == agent.AgentId)?.Figures;
                PutRow(sheet, row++, metrics, step, agent.Figures, sheets.Previous is null ? null : before ?? Nothing);
            }
        }

        if (sheets.Orders is { } orders)
        {
            WriteOrders(workbook.AddWorksheet(SheetName(text["Kpi.Part.OrderDetails"])), title, orders, TimeZoneInfo.FindSystemTimeZoneById(report.TimeZone));
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>详细数据 as shown: the account's columns, a row per agent (with the total) or per account group.</summary>
    public byte[] Details(string scopeName, IReadOnlyList<KpiMetric> metrics, AgentReport report, IReadOnlyList<GroupFigures>? groups)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(metrics);
        using var workbook = new XLWorkbook();
        var title = string.Create(CultureInfo.InvariantCulture, $"{text["Kpi.View.details"]}  {report.Period.From:yyyy-MM-dd} ~ {report.Period.To:yyyy-MM-dd}  {scopeName}  ({report.TimeZone})");
        var sheet = workbook.AddWorksheet(SheetName(text["Kpi.View.details"]));
        Head(sheet, title, [.. metrics.Select(m => text[m.LabelKey].Value)]);
        var row = 3;
        if (groups is null)
        {
            sheet.Cell(row, 1).Value = text["Kpi.Total"].Value;
            sheet.Row(row).Style.Font.Bold = true;
            PutRow(sheet, row++, metrics, 1, report.Total, null);
            foreach (var agent in report.Agents)
            {
                sheet.Cell(row, 1).Value = agent.Login;
                sheet.Cell(row, 2).Value = agent.Name;
                sheet.Cell(row, 3).Value = agent.AccountGroup ?? string.Empty;
                PutRow(sheet, row++, metrics, 1, agent.Figures, null);
            }
        }
        else
        {
            sheet.Cell(2, 1).Value = text["Kpi.AccountGroup"].Value;
            sheet.Cell(2, 2).Value = text["Kpi.AgentCount"].Value;
            sheet.Cell(2, 3).Value = string.Empty;
            foreach (var group in groups)
            {
                sheet.Cell(row, 1).Value = group.Name;
                sheet.Cell(row, 2).Value = group.Agents;
                PutRow(sheet, row++, metrics, 1, group.Figures, null);
            }
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>关键绩效排名: per key figure, the value and the rank within the scope.</summary>
    public byte[] Ranking(string scopeName, AgentReport report, IReadOnlyList<RankedAgent> ranked)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(ranked);
        using var workbook = new XLWorkbook();
        var title = string.Create(CultureInfo.InvariantCulture, $"{text["Kpi.View.ranking"]}  {report.Period.From:yyyy-MM-dd} ~ {report.Period.To:yyyy-MM-dd}  {scopeName}  ({report.TimeZone})");
        var sheet = workbook.AddWorksheet(SheetName(text["Kpi.View.ranking"]));
        var metrics = KpiRanking.Metrics;
        Head(sheet, title, [.. metrics.SelectMany(m => new[] { text[m.LabelKey].Value, $"{text[m.LabelKey].Value} {text["Kpi.Ranking.Rank"].Value}" })]);
        var row = 3;
        foreach (var agent in ranked)
        {
            sheet.Cell(row, 1).Value = agent.Agent.Login;
            sheet.Cell(row, 2).Value = agent.Agent.Name;
            sheet.Cell(row, 3).Value = agent.Agent.AccountGroup ?? string.Empty;
            for (var i = 0; i < metrics.Count; i++)
            {
                Put(sheet.Cell(row, 4 + (2 * i)), metrics[i], agent.Places[i].Value);
                Put(sheet.Cell(row, 5 + (2 * i)), KpiUnit.Count, agent.Places[i].Rank);
            }

            row++;
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>排队分析: the total and a row per reception group; <paramref name="scopeName"/> says which groups (title row).</summary>
    public byte[] Queue(ReportPeriod period, string timeZone, string scopeName, QueueFigures total, IReadOnlyList<QueueGroupFigures> groups)
    {
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(groups);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(SheetName(text["Kpi.View.queue"]));
        sheet.Cell(1, 1).Value = string.Create(CultureInfo.InvariantCulture, $"{text["Kpi.View.queue"]}  {period.From:yyyy-MM-dd} ~ {period.To:yyyy-MM-dd}  {scopeName}  ({timeZone})");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).Value = text["Kpi.ReceptionGroup"].Value;
        sheet.Column(1).Width = 18;
        var figures = KpiQueueFigures.All;
        for (var i = 0; i < figures.Count; i++)
        {
            sheet.Cell(2, 2 + i).Value = text[figures[i].Metric.LabelKey].Value;
            sheet.Column(2 + i).Width = 14;
        }

        sheet.Row(2).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(2);
        var rows = new[] { (Name: text["Kpi.Total"].Value, Figures: total) }.Concat(groups.Select(g => (g.Name, g.Figures))).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            sheet.Cell(3 + r, 1).Value = rows[r].Name;
            for (var i = 0; i < figures.Count; i++)
            {
                Put(sheet.Cell(3 + r, 2 + i), figures[i].Metric, figures[i].Read(rows[r].Figures));
            }
        }

        sheet.Row(3).Style.Font.Bold = true;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>A 数据分析 page: a sheet per table, counts as numbers.</summary>
    public byte[] Tables(string title, ReportPeriod period, string scopeName, string timeZone, IReadOnlyList<KpiTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var workbook = new XLWorkbook();
        foreach (var table in tables)
        {
            var sheet = workbook.AddWorksheet(SheetName(table.Name));
            sheet.Cell(1, 1).Value = string.Create(CultureInfo.InvariantCulture, $"{title}  {period.From:yyyy-MM-dd} ~ {period.To:yyyy-MM-dd}  {scopeName}  ({timeZone})");
            sheet.Cell(1, 1).Style.Font.Bold = true;
            for (var i = 0; i < table.Headers.Count; i++)
            {
                sheet.Cell(2, i + 1).Value = table.Headers[i];
                sheet.Column(i + 1).Width = i == 0 ? 40 : 14;
            }

            sheet.Row(2).Style.Font.Bold = true;
            sheet.SheetView.FreezeRows(2);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 0; c < table.Rows[r].Count; c++)
                {
                    var cell = sheet.Cell(3 + r, c + 1);
                    if (table.Rows[r][c] is long count)
                    {
                        cell.Value = count;
                        cell.Style.NumberFormat.Format = "#,##0";
                    }
                    else
                    {
                        cell.Value = table.Rows[r][c]?.ToString() ?? string.Empty;
                    }
                }
            }
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Figures of an agent who was not in the previous period's report: every 环比 is then “–”.</summary>
    private static readonly ReportFigures Nothing = ReportFigures.From(new RollupTotals(), DistinctFigures.None, ReportSubject.Agent);

    private void Head(IXLWorksheet sheet, string title, IReadOnlyList<string> figureHeaders)
    {
        sheet.Cell(1, 1).Value = title;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).Value = text["Kpi.Login"].Value;
        sheet.Cell(2, 2).Value = text["Kpi.Agent"].Value;
        sheet.Cell(2, 3).Value = text["Kpi.AccountGroup"].Value;
        for (var i = 0; i < figureHeaders.Count; i++)
        {
            sheet.Cell(2, 4 + i).Value = figureHeaders[i];
            sheet.Column(4 + i).Width = 14;
        }

        sheet.Row(2).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(2);
        sheet.Column(1).Width = 14;
        sheet.Column(2).Width = 16;
        sheet.Column(3).Width = 14;
    }

    private static void PutRow(IXLWorksheet sheet, int row, IReadOnlyList<KpiMetric> metrics, int step, ReportFigures figures, ReportFigures? previous)
    {
        for (var i = 0; i < metrics.Count; i++)
        {
            Put(sheet.Cell(row, 4 + (i * step)), metrics[i], metrics[i].Read(figures));
            if (step == 2)
            {
                var change = ReportFigures.Change(metrics[i].Read(figures), previous is null ? null : metrics[i].Read(previous));
                Put(sheet.Cell(row, 5 + (i * step)), KpiUnit.Rate, change);
            }
        }
    }

    private void WriteOrders(IXLWorksheet sheet, string title, IReadOnlyList<OrderDetail> orders, TimeZoneInfo zone)
    {
        sheet.Cell(1, 1).Value = title;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        string[] heads = ["Kpi.Order.Id", "Kpi.Order.PlacedAt", "Kpi.Order.PaidAt", "Kpi.Order.Amount", "Kpi.Order.UserId", "Kpi.Order.Agent", "Kpi.Order.Assisting", "Kpi.Order.Type"];
        double[] widths = [22, 18, 18, 12, 18, 14, 22, 14];
        for (var i = 0; i < heads.Length; i++)
        {
            sheet.Cell(2, i + 1).Value = text[heads[i]].Value;
            sheet.Column(i + 1).Width = widths[i];
        }

        sheet.Row(2).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(2);
        var row = 3;
        foreach (var order in orders)
        {
            sheet.Cell(row, 1).Value = order.OrderId;
            LocalTime(sheet.Cell(row, 2), order.PlacedAt, zone);
            if (order.PaidAt is { } paid)
            {
                LocalTime(sheet.Cell(row, 3), paid, zone);
            }

            sheet.Cell(row, 4).Value = order.Amount;
            sheet.Cell(row, 4).Style.NumberFormat.Format = "#,##0.00";
            sheet.Cell(row, 5).Value = order.UserId;
            sheet.Cell(row, 6).Value = order.OrderAgent ?? string.Empty;
            sheet.Cell(row, 7).Value = string.Join(", ", order.AssistingAgents);
            sheet.Cell(row, 8).Value = text[$"Kpi.OrderType.{order.Type}"].Value;
            row++;
        }
    }

    private static void LocalTime(IXLCell cell, DateTime utc, TimeZoneInfo zone)
    {
        cell.Value = EnterpriseClock.ToLocal(utc, zone);
        cell.Style.NumberFormat.Format = "yyyy-mm-dd hh:mm";
    }

    /// <summary>Excel refuses sheet names over 31 characters or with []:*?/\.</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Where(c => "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0)]);
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static void Put(IXLCell cell, KpiMetric metric, double? value)
    {
        Put(cell, metric.Unit, value);
        if (metric.Estimated && value is not null)
        {
            // The cell stays a number; the format shows “≈” before it, as the page does.
            cell.Style.NumberFormat.Format = $"\"{KpiFormat.Approximately}\"{cell.Style.NumberFormat.Format}";
        }
    }

    /// <summary>A number in the unit's Excel format; “–” where there is none (an empty denominator, SPEC I0).</summary>
    private static void Put(IXLCell cell, KpiUnit unit, double? value)
    {
        if (value is not { } v)
        {
            cell.Value = KpiFormat.Empty;
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
            return;
        }

        switch (unit)
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

/// <summary>What an analysis page's workbook holds: its title and scope, the report (and the previous period's for 环比), the sections, the orders.</summary>
public sealed record KpiSheets(
    string Title, string ScopeName, AgentReport Report, AgentReport? Previous, IReadOnlyList<KpiPart> Parts, IReadOnlyList<OrderDetail>? Orders);
