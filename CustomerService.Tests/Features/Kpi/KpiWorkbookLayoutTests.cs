using ClosedXML.Excel;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Kpi;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using static CustomerService.Tests.Features.Kpi.XlsxCells;

namespace CustomerService.Tests.Features.Kpi;

/// <summary>
/// SPEC I2 / issue 11: what every KPI .xlsx promises — a title row naming the period and scope, Excel percent and
/// [h]:mm:ss formats on the numbers, a frozen header, column widths set — and the 排名 and 排队分析 files read back equal
/// to the report service's figures for the same period.
/// </summary>
public sealed class KpiWorkbookLayoutTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_file_has_a_title_with_period_and_scope_a_frozen_header_and_set_column_widths()
    {
        var (period, _) = await KpiTestDay.OneValidConversationTodayAsync(app);
        using var admin = await app.SignInAsync("admin");

        using var workbook = await DownloadAsync(admin, $"/kpi/consultation.xlsx?{Query(period)}&section=ConsultationTrend");

        var sheet = workbook.Worksheet(1);
        var day = period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"{Text("Kpi.View.consultation")}  {day} ~ {day}  {Text("Kpi.Scope.Enterprise")}  (Asia/Shanghai)", sheet.Cell(1, 1).GetString());
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(2, sheet.SheetView.SplitRow);
        Assert.True(sheet.Row(2).Style.Font.Bold);
        Assert.Equal([14d, 16d, 14d, 14d, 14d], [.. Enumerable.Range(1, 5).Select(c => sheet.Column(c).Width)]);
    }

    [Fact]
    public async Task Rates_are_excel_percentages_and_durations_excel_hours_minutes_seconds()
    {
        var (period, _) = await KpiTestDay.OneValidConversationTodayAsync(app);
        using var admin = await app.SignInAsync("admin");

        using var consultation = await DownloadAsync(admin, $"/kpi/consultation.xlsx?{Query(period)}&section=ConsultationTrend");
        using var work = await DownloadAsync(admin, $"/kpi/work-hours.xlsx?{Query(period)}");

        // 咨询绩效 趋势: consultations, valid, invalid, connectRate, transfers; the total on row 3.
        var total = consultation.Worksheet(1).Row(3);
        Assert.Equal("#,##0", total.Cell(4).Style.NumberFormat.Format);
        Assert.Equal("0.0%", total.Cell(7).Style.NumberFormat.Format);
        Assert.InRange(total.Cell(7).GetDouble(), 0, 1);
        // 工作时长: workingSeconds first, then its 环比; sales1 has been online since the test began.
        var sales1 = work.Worksheet(1).RowsUsed().Single(r => r.Cell(1).GetString() == "sales1");
        Assert.Equal("[h]:mm:ss", sales1.Cell(4).Style.NumberFormat.Format);
        Assert.True(Number(sales1.Cell(4)) > 0);
        // p50 is an estimate (SPEC I4): the page and the file show it with “≈”, the cell stays a number.
        using var valid = await DownloadAsync(admin, $"/kpi/consultation.xlsx?{Query(period)}&section=Valid");
        var p50 = valid.Worksheet(1).Row(3).Cell(4 + KpiViews.Consultation.Section("Valid")!.Metrics.ToList().FindIndex(m => m.Name == "responseP50Seconds"));
        Assert.Equal("\"≈\"[h]:mm:ss", p50.Style.NumberFormat.Format);
    }

    [Fact]
    public async Task The_ranking_file_holds_each_agents_figures_and_places_as_the_report_service_gives_them()
    {
        var (period, _) = await KpiTestDay.OneValidConversationTodayAsync(app);
        using var lead = await app.SignInAsync("lead");

        using var workbook = await DownloadAsync(lead, $"/kpi/ranking.xlsx?{Query(period)}");

        var sheet = workbook.Worksheet(1);
        var rows = sheet.RowsUsed().Skip(2).ToList();
        // The lead sees his own group only: 售前组 = lead, sales1, sales2; sales1 alone consulted today, so he ranks first.
        Assert.Equal(["sales1", "lead", "sales2"], rows.Select(r => r.Cell(1).GetString()));
        Assert.Equal(Text("Kpi.Metric.consultations"), sheet.Cell(2, 4).GetString());
        Assert.Equal($"{Text("Kpi.Metric.consultations")} {Text("Kpi.Ranking.Rank")}", sheet.Cell(2, 5).GetString());
        Assert.Equal(1d, rows[0].Cell(5).GetDouble());
        var audience = await Audiences().ForAccountAsync(await app.AccountIdAsync("lead"));
        var report = await app.Services.GetRequiredService<ReportService>().AgentsAsync(period, audience);
        foreach (var row in rows)
        {
            var figures = report.Agents.Single(a => a.Login == row.Cell(1).GetString()).Figures;
            for (var i = 0; i < KpiRanking.Metrics.Count; i++)
            {
                var metric = KpiRanking.Metrics[i];
                if (metric.Name is "workingSeconds" or "onlineSeconds")
                {
                    continue; // still growing while agents stay online
                }

                var cell = row.Cell(4 + (2 * i));
                if (metric.Read(figures) is { } value)
                {
                    Assert.Equal(metric.Unit == KpiUnit.Seconds ? value / 86_400d : value, Number(cell), 9);
                }
                else
                {
                    Assert.Equal(KpiFormat.Empty, cell.GetString());
                    Assert.Equal(KpiFormat.Empty, row.Cell(5 + (2 * i)).GetString());
                }
            }
        }
    }

    [Fact]
    public async Task The_queue_file_holds_the_total_and_each_reception_groups_figures_of_the_report_service()
    {
        var (period, _) = await KpiTestDay.OneValidConversationTodayAsync(app);
        using var qc = await app.SignInAsync("qc");

        using var workbook = await DownloadAsync(qc, $"/kpi/queue.xlsx?{Query(period)}");

        var sheet = workbook.Worksheet(1);
        Assert.Equal(2, sheet.SheetView.SplitRow);
        var reports = app.Services.GetRequiredService<ReportService>();
        var expected = new List<(string Name, QueueFigures Figures)> { (Text("Kpi.Total"), await reports.QueueAsync(period, null)) };
        expected.AddRange((await reports.QueueByGroupAsync(period)).Select(g => (g.Name, g.Figures)));
        var rows = sheet.RowsUsed().Skip(2).ToList();
        Assert.Equal(expected.Select(e => e.Name), rows.Select(r => r.Cell(1).GetString()));
        Assert.Contains("售前", rows.Select(r => r.Cell(1).GetString()));
        for (var r = 0; r < rows.Count; r++)
        {
            for (var i = 0; i < KpiQueueFigures.All.Count; i++)
            {
                var figure = KpiQueueFigures.All[i];
                var cell = rows[r].Cell(2 + i);
                if (figure.Read(expected[r].Figures) is { } value)
                {
                    Assert.Equal(figure.Metric.Unit == KpiUnit.Seconds ? value / 86_400d : value, Number(cell), 9);
                }
                else
                {
                    Assert.Equal(KpiFormat.Empty, cell.GetString());
                }
            }
        }
    }

    private static async Task<XLWorkbook> DownloadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    private string Text(string key) => app.Services.GetRequiredService<IStringLocalizer<UiText>>()[key].Value;

    private ReportAudienceResolver Audiences() => app.Services.GetRequiredService<ReportAudienceResolver>();

    private static string Query(ReportPeriod period) => FormattableString.Invariant($"from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}");
}
