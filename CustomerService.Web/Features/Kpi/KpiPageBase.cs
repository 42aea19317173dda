using System.Globalization;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Reporting.Api;
using CustomerService.Web.Infrastructure;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CustomerService.Web.Features.Kpi;

/// <summary>
/// What every KPI page shares (SPEC I2, I3): the period (from the query string when a link brought one, else 近7天),
/// the granularity, the scope picked within the account's reach — checked on the server by
/// <see cref="ReportAudienceResolver.WithinReachAsync"/>, so a typed <c>?scope=</c> outside it shows nothing — and the
/// trend points. Pages implement <see cref="LoadAsync"/> and read figures only from <see cref="ReportService"/>.
/// </summary>
public abstract class KpiPageBase : ComponentBase
{
    [Inject]
    public required ReportService Reports { get; init; }

    [Inject]
    public required ReportAudienceResolver Audiences { get; init; }

    [Inject]
    public required EnterpriseTimeZone Calendar { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required ViolationText Violations { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public string? FromQuery { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? ToQuery { get; set; }

    [SupplyParameterFromQuery(Name = "scope")]
    public string? ScopeQuery { get; set; }

    protected ReportPeriod Period { get; private set; }

    protected DateOnly? Today { get; private set; }

    protected TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    protected ReportGranularity Granularity { get; private set; } = ReportGranularity.Day;

    protected ReportScope Scope { get; private set; } = ReportScope.Reach;

    protected ReportScopeOptions? ScopeOptions { get; private set; }

    /// <summary>Whose figures the page shows now; null when the scope asked for lies outside the account's reach.</summary>
    protected ReportAudience? Audience { get; private set; }

    protected bool OutOfReach { get; private set; }

    /// <summary>Why the link's period was refused, in the user's language; null when it was fine or absent.</summary>
    protected string? QueryProblem { get; private set; }

    protected bool Loading { get; private set; }

    protected DateTime? RolledAt { get; set; }

    private ReportAudience? _reach;

    /// <summary>The current period and scope: what a count figure's drill-down to the records list carries.</summary>
    protected KpiRecordsLink RecordsLink => new(Period, Scope, _reach?.WholeEnterprise ?? true, ReachAs());

    /// <summary>The query string of the current period and scope, for downloads.</summary>
    protected string Query => string.Create(
        CultureInfo.InvariantCulture, $"from={Period.From:yyyy-MM-dd}&to={Period.To:yyyy-MM-dd}&scope={Uri.EscapeDataString(Scope.ToString())}");

    protected override async Task OnInitializedAsync()
    {
        var accountId = (await AuthenticationState).User.AccountId();
        (Zone, var today) = await Calendar.TodayAsync();
        Today = today;
        (Period, var problem) = ReportQuery.Linked(FromQuery, ToQuery, ReportPeriod.Preset(ReportPreset.Last7Days, today));
        QueryProblem = problem is null ? null : Violations.Describe(problem);
        _reach = await Audiences.ForAccountAsync(accountId);
        ScopeOptions = await Audiences.OptionsAsync(_reach);
        var scope = ReportScope.TryParse(ScopeQuery, out var parsed) ? parsed : (ReportScope?)null;
        await ApplyScopeAsync(scope);
    }

    protected async Task PeriodChangedAsync(ReportPeriod period)
    {
        Period = period;
        await ReloadAsync();
    }

    protected async Task GranularityChangedAsync(ReportGranularity granularity)
    {
        Granularity = granularity;
        await ReloadAsync();
    }

    protected async Task ScopeChangedAsync(ReportScope scope) => await ApplyScopeAsync(scope);

    /// <summary>Reads the page's figures for <see cref="Period"/> and <see cref="Audience"/>.</summary>
    protected abstract Task LoadAsync();

    /// <summary>
    /// The trend of the audience's totals: by hour for a single day (SPEC I2), else one point per bucket of the
    /// granularity, each the total a report over that bucket shows.
    /// </summary>
    protected async Task<IReadOnlyList<(string Label, ReportFigures Figures)>> TrendAsync(ReportAudience audience)
    {
        if (Period.From == Period.To)
        {
            return [.. (await Reports.HourlyAsync(Period.From, audience)).Select(p => (p.Hour.ToString(CultureInfo.InvariantCulture), p.Figures))];
        }

        return [.. (await Reports.TrendAsync(Period, Granularity, audience))
            .Select(p => (BucketLabel(p.From, p.To), p.Figures))];
    }

    /// <summary>A trend point's label: its first day, with “~” when the bucket is longer than a day.</summary>
    protected static string BucketLabel(DateOnly from, DateOnly to) =>
        from.ToString("MM-dd", CultureInfo.InvariantCulture) + (from == to ? string.Empty : "~");

    protected string Local(DateTime utc) =>
        EnterpriseClock.ToLocal(utc, Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A reach short of the enterprise as one scope, for the leave-message inbox's drill-down: Sales himself, a team lead
    /// the one account group the selector offers him (every agent of it is in his reach); null otherwise.
    /// </summary>
    private ReportScope? ReachAs() => _reach is not { WholeEnterprise: false } reach ? null
        : reach.AgentIds.Count == 1 ? ReportScope.Agent(reach.AgentIds.Single())
        : ScopeOptions?.AccountGroups is [var only] ? only.Scope
        : null;

    private async Task ApplyScopeAsync(ReportScope? scope)
    {
        Scope = scope ?? ReportScope.Reach;
        Audience = scope is { } picked ? await Audiences.WithinReachAsync(_reach!, picked) : null;
        OutOfReach = Audience is null;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        if (Audience is null)
        {
            return;
        }

        Loading = true;
        StateHasChanged();
        try
        {
            await LoadAsync();
        }
        finally
        {
            Loading = false;
        }
    }
}
