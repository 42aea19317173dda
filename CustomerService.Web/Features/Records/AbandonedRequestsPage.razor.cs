using CustomerService.Domain.Common;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Features.Reporting.Api;
using CustomerService.Web.Infrastructure;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Records;

/// <summary>
/// 放弃排队 (issue 11): the period and reception group of a 排队分析 drill-down link (<see cref="RecordListAddress.QueueAbandoned"/>),
/// keyset pages of <see cref="AbandonedRequestList"/> and its count. Not found for an account that sees no unassigned
/// requests (Sales: SPEC B gives him no such record and no 排队分析).
/// </summary>
public sealed partial class AbandonedRequestsPage
{
    private readonly List<AbandonedRequestRow> _rows = [];
    private IReadOnlyList<RecordOption> _groups = [];
    private ReportPeriod _period;
    private DateOnly? _today;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private int? _receptionGroup;
    private int? _count;
    private AbandonedRequestCursor? _next;
    private string? _linkProblem;
    private string? _error;
    private bool _loading;
    private int _accountId;

    [Inject]
    public required AbandonedRequestList Requests { get; init; }

    [Inject]
    public required EnterpriseTimeZone Calendar { get; init; }

    [Inject]
    public required IStringLocalizer<UiText> L { get; init; }

    [Inject]
    public required ViolationText Violations { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public string? FromQuery { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? ToQuery { get; set; }

    [SupplyParameterFromQuery(Name = "receptionGroup")]
    public string? ReceptionGroupQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _accountId = (await AuthenticationState).User.AccountId();
        if (!await Requests.MaySeeAsync(_accountId))
        {
            Navigation.NotFound();
            return;
        }

        (_zone, var today) = await Calendar.TodayAsync();
        _today = today;
        (_period, var problem) = ReportQuery.Linked(FromQuery, ToQuery, ReportPeriod.Preset(ReportPreset.Today, today));
        _linkProblem = problem is null ? null : Violations.Describe(problem);
        (_receptionGroup, var unreadable) = RecordListAddress.ReadReceptionGroup(ReceptionGroupQuery);
        if (unreadable)
        {
            _linkProblem ??= L["Records.LinkFilterIgnored"].Value;
        }

        _groups = await Requests.ReceptionGroupsAsync();
        await ReloadAsync();
    }

    private async Task PeriodChangedAsync(ReportPeriod period)
    {
        _period = period;
        await ReloadAsync();
    }

    private async Task ReceptionGroupChangedAsync(int? receptionGroup)
    {
        _receptionGroup = receptionGroup;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _rows.Clear();
        (_next, _count) = (null, null);
        var count = await Requests.CountAsync(_accountId, _period, _receptionGroup);
        if (!Refused(count.Violation))
        {
            _count = count.Value;
            await MoreAsync();
        }
    }

    private async Task MoreAsync()
    {
        _loading = true;
        try
        {
            var page = await Requests.PageAsync(_accountId, _period, _receptionGroup, _next);
            if (!Refused(page.Violation))
            {
                _rows.AddRange(page.Value!.Rows);
                _next = page.Value.Next;
            }
        }
        finally
        {
            _loading = false;
        }
    }

    private bool Refused(RuleViolation? violation)
    {
        _error = violation is null ? null : Violations.Describe(violation);
        return violation is not null;
    }
}
