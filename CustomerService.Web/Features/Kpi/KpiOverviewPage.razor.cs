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
    private ReportPeriod _period;
    private DateOnly? _today;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private ReportGranularity _granularity = ReportGranularity.Day;
    private ReportAudience? _audience;
    private AgentReport? _report;
    private bool _loading;
    private List<ChartSeries<double>> _trendSeries = [];
    private string[] _trendLabels = [];
    private List<ChartSeries<double>> _ratingSeries = [];
    private string[] _ratingLabels = [];
    private List<ChartSeries<double>> _agentSeries = [];
    private string[] _agentLabels = [];

    [Inject]
    public required ReportService Reports { get; init; }

    [Inject]
    public required ReportAudienceResolver Audiences { get; init; }

    [Inject]
    public required EnterpriseTimeZone Calendar { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    /// <summary>The consultation figures per agent; the other parts' columns come with 详细数据.</summary>
    private static IReadOnlyList<KpiMetric> TableMetrics => KpiMetrics.OverviewParts[0].Metrics;

    private string DownloadUrl => string.Create(
        CultureInfo.InvariantCulture, $"/kpi/overview.xlsx?from={_period.From:yyyy-MM-dd}&to={_period.To:yyyy-MM-dd}");

    protected override async Task OnInitializedAsync()
    {
        var accountId = (await AuthenticationState).User.AccountId();
        (_zone, var today) = await Calendar.TodayAsync();
        _today = today;
        _period = ReportPeriod.Preset(ReportPreset.Last7Days, today);
        _audience = await Audiences.ForAccountAsync(accountId);
        await LoadAsync();
    }

    private async Task PeriodChangedAsync(ReportPeriod period)
    {
        _period = period;
        await LoadAsync();
    }

    private async Task GranularityChangedAsync(ReportGranularity granularity)
    {
        _granularity = granularity;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        StateHasChanged();
        try
        {
            _report = await Reports.AgentsAsync(_period, _audience!);

            // SPEC I2: a single day's trend is by hour.
            var trend = _period.From == _period.To
                ? (await Reports.HourlyAsync(_period.From, _audience!))
                    .Select(p => (Label: p.Hour.ToString(CultureInfo.InvariantCulture), p.Figures)).ToList()
                : (await Reports.TrendAsync(_period, _granularity, _audience!))
                    .Select(p => (Label: p.From.ToString("MM-dd", CultureInfo.InvariantCulture) + (p.From == p.To ? string.Empty : "~"), p.Figures)).ToList();
            BuildCharts(_report, trend);
        }
        finally
        {
            _loading = false;
        }
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

    private string Local(DateTime utc) =>
        EnterpriseClock.ToLocal(utc, _zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
