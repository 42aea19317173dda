using ClosedXML.Excel;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Kpi;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Settings.ColumnLayouts;
using CustomerService.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CustomerService.Tests.Features.Kpi;

/// <summary>SPEC I2: each analysis page's .xlsx read back holds the report service's figures, laid out as the page shows them.</summary>
public sealed class KpiViewDownloadTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_section_download_holds_the_sections_figures_for_the_total_and_each_agent()
    {
        var (period, _) = await KpiTestDay.OneValidConversationTodayAsync(app);
        using var admin = await app.SignInAsync("admin");

        using var response = await admin.GetAsync($"/kpi/consultation.xlsx?{Query(period)}&section=Valid");

        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var report = await app.Services.GetRequiredService<ReportService>().AgentsAsync(period, await Audiences().EnterpriseAsync());
        var sheet = Assert.Single(workbook.Worksheets);
        Assert.Equal(Text("Kpi.Part.Valid"), sheet.Name);
        var metrics = KpiViews.Consultation.Section("Valid")!.Metrics;
        Assert.Equal(Text("Kpi.Metric.valid"), sheet.Cell(2, 4).GetString());
        Assert.Equal(Text("Kpi.Total"), sheet.Cell(3, 1).GetString());
        AssertRow(sheet.Row(3), metrics, report.Total, step: 1);
        var sales1 = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "sales1");
        AssertRow(sales1, metrics, report.Agents.Single(a => a.Login == "sales1").Figures, step: 1);
        Assert.True(sales1.Cell(4).GetDouble() >= 1);
    }

    [Fact]
    public async Task Download_all_has_a_sheet_per_section_and_the_orders()
    {
        var (period, _) = await KpiTestDay.OneValidConversationTodayAsync(app);
        using var admin = await app.SignInAsync("admin");

        using var consultation = new XLWorkbook(await (await admin.GetAsync($"/kpi/consultation.xlsx?{Query(period)}")).Content.ReadAsStreamAsync());
        using var orders = new XLWorkbook(await (await admin.GetAsync($"/kpi/orders.xlsx?{Query(period)}")).Content.ReadAsStreamAsync());

        Assert.Equal(
            KpiViews.Consultation.Sections.Select(s => Text(s.TitleKey)),
            consultation.Worksheets.Select(w => w.Name));
        Assert.Equal([Text("Kpi.Part.OrdersTrend"), Text("Kpi.Part.OrderDetails")], orders.Worksheets.Select(w => w.Name));
    }

    [Fact]
    public async Task Work_hours_put_the_change_against_the_previous_period_beside_each_figure()
    {
        var (period, _) = await KpiTestDay.OneValidConversationTodayAsync(app);
        using var admin = await app.SignInAsync("admin");

        using var workbook = new XLWorkbook(await (await admin.GetAsync($"/kpi/work-hours.xlsx?{Query(period)}")).Content.ReadAsStreamAsync());

        var sheet = workbook.Worksheet(1);
        Assert.Equal(Text("Kpi.Metric.workingSeconds"), sheet.Cell(2, 4).GetString());
        Assert.Equal($"{Text("Kpi.Metric.workingSeconds")} {Text("Kpi.Change")}", sheet.Cell(2, 5).GetString());
        // Nobody worked yesterday in a fresh demo: there is nothing to compare with, so 环比 is “–”, never 0.
        var sales1 = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "sales1");
        Assert.Equal(KpiFormat.Empty, sales1.Cell(5).GetString());
    }

    [Fact]
    public async Task Details_download_has_the_columns_the_account_saved_in_his_order()
    {
        var (period, _) = await KpiTestDay.OneValidConversationTodayAsync(app);
        var qc = await app.AccountIdAsync("qc");
        await app.Services.GetRequiredService<ColumnLayoutStore>().SaveAsync(qc, KpiDetailColumns.View, ["valid", "consultations", "saturation"], KpiMetrics.Names);
        using var client = await app.SignInAsync("qc");

        using var workbook = new XLWorkbook(await (await client.GetAsync($"/kpi/details.xlsx?{Query(period)}")).Content.ReadAsStreamAsync());

        var head = workbook.Worksheet(1).Row(2);
        Assert.Equal(
            [Text("Kpi.Metric.valid"), Text("Kpi.Metric.consultations"), Text("Kpi.Metric.saturation")],
            [head.Cell(4).GetString(), head.Cell(5).GetString(), head.Cell(6).GetString()]);
        Assert.True(head.Cell(7).IsEmpty());
    }

    [Fact]
    public async Task Details_by_group_has_a_row_per_account_group()
    {
        var (period, _) = await KpiTestDay.OneValidConversationTodayAsync(app);
        using var admin = await app.SignInAsync("admin");

        using var workbook = new XLWorkbook(await (await admin.GetAsync($"/kpi/details.xlsx?{Query(period)}&rows=Groups")).Content.ReadAsStreamAsync());

        var groups = workbook.Worksheet(1).RowsUsed().Skip(2).Select(r => (r.Cell(1).GetString(), r.Cell(2).GetDouble())).ToList();
        // 质检组 has no agent (QC inspectors receive no visitors): no row.
        Assert.Equal([("售前组", 3d), ("售后组", 1d), ("管理部", 1d)], groups.OrderBy(g => g.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_analysis_downloads_list_the_same_rows_as_the_report_service()
    {
        var (period, _) = await KpiTestDay.OneValidConversationTodayAsync(app);
        using var admin = await app.SignInAsync("admin");
        var reports = app.Services.GetRequiredService<ReportService>();
        var enterprise = await Audiences().EnterpriseAsync();

        using var starts = new XLWorkbook(await (await admin.GetAsync($"/kpi/starts.xlsx?{Query(period)}")).Content.ReadAsStreamAsync());
        using var users = new XLWorkbook(await (await admin.GetAsync($"/kpi/users.xlsx?{Query(period)}")).Content.ReadAsStreamAsync());
        var origins = await reports.OriginsAsync(period, enterprise);

        var pages = starts.Worksheet(1).RowsUsed().Skip(2).ToList();
        Assert.Equal(origins.StartPages.Count, pages.Count);
        Assert.Equal(origins.StartPages.Sum(p => p.Consultations), pages.Sum(r => r.Cell(3).GetDouble()));
        Assert.True(origins.StartPages.Sum(p => p.Consultations) >= 1);
        var total = (await reports.AgentsAsync(period, enterprise)).Total;
        var habits = users.Worksheet(1).RowsUsed().Skip(2).Select(r => r.Cell(2).GetDouble()).ToList();
        Assert.Equal([total.PurchasedConsultations, total.AfterSaleConsultations, (double)total.Consultations], habits);
        var hours = users.Worksheet(2).RowsUsed().Skip(2).Select(r => r.Cell(2).GetDouble()).ToList();
        Assert.Equal(origins.ByHour.Select(h => (double)h), hours);

        using var types = new XLWorkbook(await (await admin.GetAsync($"/kpi/types.xlsx?{Query(period)}")).Content.ReadAsStreamAsync());
        var typeFigures = await reports.ConsultationTypesAsync(period, enterprise);
        var totals = types.Worksheet(1).RowsUsed().Skip(2).Select(r => r.Cell(2).GetDouble()).ToList();
        Assert.Equal([typeFigures.Used, typeFigures.Added, (double)typeFigures.Summarized], totals);
        Assert.Equal(typeFigures.Types.Count, types.Worksheet(2).RowsUsed().Count() - 2);
    }

    [Fact]
    public async Task A_data_analysis_part_downloads_alone_with_the_rows_of_the_report_service()
    {
        var (period, _) = await KpiTestDay.OneValidConversationTodayAsync(app);
        using var admin = await app.SignInAsync("admin");
        var origins = await app.Services.GetRequiredService<ReportService>().OriginsAsync(period, await Audiences().EnterpriseAsync());

        using var response = await admin.GetAsync($"/kpi/starts.xlsx?{Query(period)}&section=Sources");

        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = Assert.Single(workbook.Worksheets);
        Assert.Equal(Text("Kpi.Part.Sources"), sheet.Name);
        Assert.NotEmpty(origins.Sources);
        Assert.Equal(origins.Sources.Select(s => (double)s.Consultations), sheet.RowsUsed().Skip(2).Select(r => r.Cell(2).GetDouble()));
    }

    [Fact]
    public async Task Each_data_analysis_table_offers_its_own_download_and_shares_are_donuts()
    {
        var (period, _) = await KpiTestDay.OneValidConversationTodayAsync(app);
        using var admin = await app.SignInAsync("admin");

        var html = await (await admin.GetAsync($"/kpi/starts?{Query(period)}")).ReadHtmlAsync();

        foreach (var key in new[] { "StartPages", "Sources", "Keywords" })
        {
            Assert.Contains($"data-testid=\"kpi-download-{key}\"", html, StringComparison.Ordinal);
            Assert.Contains($"/kpi/starts.xlsx?{Query(period)}&scope=&section={key}", html, StringComparison.Ordinal);
        }

        Assert.Contains("data-testid=\"kpi-table-chart-Donut\"", html, StringComparison.Ordinal);
    }

    private static void AssertRow(IXLRow row, IReadOnlyList<KpiMetric> metrics, ReportFigures figures, int step)
    {
        for (var i = 0; i < metrics.Count; i++)
        {
            var cell = row.Cell(4 + (i * step));
            var expected = metrics[i].Read(figures);
            if (expected is not { } value)
            {
                Assert.Equal(KpiFormat.Empty, cell.GetString());
                continue;
            }

            var stored = cell.DataType switch
            {
                XLDataType.TimeSpan => cell.GetValue<TimeSpan>().TotalDays,
                XLDataType.DateTime => cell.GetDateTime().ToOADate(),
                _ => cell.GetDouble(),
            };
            Assert.Equal(metrics[i].Unit == KpiUnit.Seconds ? value / 86_400d : value, stored, 9);
        }
    }

    private string Text(string key) => app.Services.GetRequiredService<IStringLocalizer<UiText>>()[key].Value;

    private ReportAudienceResolver Audiences() => app.Services.GetRequiredService<ReportAudienceResolver>();

    private static string Query(ReportPeriod period) => FormattableString.Invariant($"from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}");
}
