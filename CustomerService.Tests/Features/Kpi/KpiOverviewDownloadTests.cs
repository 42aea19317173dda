using System.Net;
using ClosedXML.Excel;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Kpi;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Kpi;

/// <summary>SPEC I2/I3: the 概况 .xlsx holds the report service's figures, in the caller's KPI scope.</summary>
public sealed class KpiOverviewDownloadTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_workbook_cells_equal_the_report_services_figures_for_the_admin()
    {
        var (period, sales1) = await OneValidConversationTodayAsync();
        using var admin = await app.SignInAsync("admin");
        // Time online keeps growing while the agent stays online: the file was made between these two reports.
        var before = await ReportAsync(period, await Audiences().EnterpriseAsync());

        var response = await admin.GetAsync(Url(period));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var after = await ReportAsync(period, await Audiences().EnterpriseAsync());
        var metrics = KpiMetrics.OverviewParts.SelectMany(p => p.Metrics).ToList();

        var agents = workbook.Worksheet(2);
        var row = agents.RowsUsed().Single(r => r.Cell(1).GetString() == "sales1");
        var figures = (before.Agents.Single(a => a.AgentId == sales1).Figures, after.Agents.Single(a => a.AgentId == sales1).Figures);
        Assert.True(figures.Item2.Consultations >= 1);
        for (var i = 0; i < metrics.Count; i++)
        {
            AssertCell(row.Cell(4 + i), metrics[i], metrics[i].Read(figures.Item1), metrics[i].Read(figures.Item2));
        }

        var totals = workbook.Worksheet(1);
        foreach (var metric in metrics)
        {
            var label = app.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<CustomerService.Web.Localization.UiText>>()[metric.LabelKey].Value;
            var cell = totals.RowsUsed().Single(r => r.Cell(1).GetString() == label).Cell(2);
            AssertCell(cell, metric, metric.Read(before.Total), metric.Read(after.Total));
        }
    }

    [Theory]
    [InlineData("Consultation")]
    [InlineData("Orders")]
    [InlineData("Quality")]
    [InlineData("WorkHours")]
    public async Task A_part_downloads_alone_with_the_report_services_total_and_agent_rows(string part)
    {
        var (period, sales1) = await OneValidConversationTodayAsync();
        using var admin = await app.SignInAsync("admin");
        var before = await ReportAsync(period, await Audiences().EnterpriseAsync());

        var response = await admin.GetAsync(Url(period) + "&section=" + part);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var after = await ReportAsync(period, await Audiences().EnterpriseAsync());
        var metrics = KpiMetrics.OverviewParts.Single(p => p.Name == part).Metrics;
        var sheet = Assert.Single(workbook.Worksheets);
        var total = sheet.Row(3);
        var agent = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "sales1");
        var (agentBefore, agentAfter) = (before.Agents.Single(a => a.AgentId == sales1).Figures, after.Agents.Single(a => a.AgentId == sales1).Figures);
        Assert.Equal(4 + metrics.Count - 1, sheet.Row(2).LastCellUsed().Address.ColumnNumber);
        for (var i = 0; i < metrics.Count; i++)
        {
            AssertCell(total.Cell(4 + i), metrics[i], metrics[i].Read(before.Total), metrics[i].Read(after.Total));
            AssertCell(agent.Cell(4 + i), metrics[i], metrics[i].Read(agentBefore), metrics[i].Read(agentAfter));
        }
    }

    [Fact]
    public async Task A_sales_agent_downloads_only_his_own_row()
    {
        var (period, _) = await OneValidConversationTodayAsync();
        using var sales2 = await app.SignInAsync("sales2");

        var response = await sales2.GetAsync(Url(period));

        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var logins = workbook.Worksheet(2).RowsUsed().Skip(2).Select(r => r.Cell(1).GetString()).ToList();
        Assert.Equal(["sales2"], logins);
    }

    [Fact]
    public async Task A_period_over_a_year_is_refused()
    {
        using var admin = await app.SignInAsync("admin");

        var response = await admin.GetAsync("/kpi/overview.xlsx?from=2024-01-01&to=2025-01-02");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Nobody_signed_out_downloads()
    {
        using var anonymous = app.CreateCookieClient();

        var response = await anonymous.GetAsync("/kpi/overview.xlsx?from=2026-01-01&to=2026-01-02");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private static void AssertCell(IXLCell cell, KpiMetric metric, double? before, double? after)
    {
        var value = after;
        if (value is null)
        {
            Assert.Equal(KpiFormat.Empty, cell.GetString());
            return;
        }

        Assert.True(cell.DataType == XLDataType.Number || cell.DataType == XLDataType.TimeSpan || cell.DataType == XLDataType.DateTime, $"{metric.Name}: {cell.DataType} {cell.GetString()} expected {value}");
        var stored = cell.DataType switch
        {
            XLDataType.TimeSpan => cell.GetValue<TimeSpan>().TotalDays,
            XLDataType.DateTime => cell.GetDateTime().ToOADate(),
            _ => cell.GetDouble(),
        };
        var scale = metric.Unit == KpiUnit.Seconds ? 86_400d : 1d;
        var (low, high) = (Math.Min(before ?? after!.Value, after!.Value) / scale, Math.Max(before ?? after.Value, after.Value) / scale);
        Assert.InRange(stored, low - 1e-9, high + 1e-9);
    }

    private Task<(ReportPeriod Period, int Sales1)> OneValidConversationTodayAsync() => KpiTestDay.OneValidConversationTodayAsync(app);

    private ReportAudienceResolver Audiences() => app.Services.GetRequiredService<ReportAudienceResolver>();

    private Task<AgentReport> ReportAsync(ReportPeriod period, ReportAudience audience) =>
        app.Services.GetRequiredService<ReportService>().AgentsAsync(period, audience);

    private static string Url(ReportPeriod period) =>
        FormattableString.Invariant($"/kpi/overview.xlsx?from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}");
}
