using System.Globalization;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Infrastructure;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CustomerService.Web.Features.Kpi;

/// <summary>
/// KPI统计 概况 (seed 002; SPEC I1–I3): the four parts' totals, the trend, rating shares and the agents compared, for the
/// period and the account's KPI scope. Every number comes from <see cref="ReportService"/>.
/// </summary>
public sealed partial class KpiOverviewPage
{
    private AgentReport? _report;
    private List<ChartSeries<double>> _trendSeries = [];
    private string[] _trendLabels = [];
    private List<ChartSeries<double>> _ratingSeries = [];
    private string[] _ratingLabels = [];
    private List<ChartSeries<double>> _agentSeries = [];
    private string[] _agentLabels = [];

    /// <summary>The consultation figures per agent; every figure is a column of 详细数据.</summary>
    private static IReadOnlyList<KpiMetric> TableMetrics => KpiMetrics.OverviewParts[0].Metrics;

    private string DownloadUrl => $"/kpi/overview.xlsx?{Query}";

    protected override async Task LoadAsync()
    {
        _report = await Reports.AgentsAsync(Period, Audience!);
        RolledAt = _report.RolledAt;
        BuildCharts(_report, await TrendAsync(Audience!));
    }

    private void BuildCharts(AgentReport report, IReadOnlyList<(string Label, ReportFigures Figures)> trend)
    {
        _trendLabels = [.. trend.Select(p => p.Label)];
        _trendSeries =
        [
            new() { Name = L["Kpi.Metric.consultations"], Data = trend.Select(p => (double)p.Figures.Consultations).ToArray() },
            new() { Name = L["Kpi.Metric.valid"], Data = trend.Select(p => (double)p.Figures.Valid).ToArray() },
        ];
        var ratings = report.Total.Ratings;
        _ratingLabels = [L["EvaluationLevel.VerySatisfied"], L["EvaluationLevel.Satisfied"], L["EvaluationLevel.Neutral"], L["EvaluationLevel.Dissatisfied"], L["EvaluationLevel.VeryDissatisfied"]];
        _ratingSeries =
        [
            new() { Name = L["Kpi.RatingShares"], Data = new double[] { ratings.VerySatisfied, ratings.Satisfied, ratings.Neutral, ratings.Dissatisfied, ratings.VeryDissatisfied } },
        ];
        var top = report.Agents.OrderByDescending(a => a.Figures.Consultations).Take(20).ToList();
        _agentLabels = [.. top.Select(a => a.Name)];
        _agentSeries =
        [
            new() { Name = L["Kpi.Metric.consultations"], Data = top.Select(a => (double)a.Figures.Consultations).ToArray() },
            new() { Name = L["Kpi.Metric.valid"], Data = top.Select(a => (double)a.Figures.Valid).ToArray() },
        ];
    }
}
