using System.Globalization;
using CustomerService.Domain.Common;
using CustomerService.Domain.Qc;
using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Features.Reporting.Api;
using CustomerService.Web.Infrastructure;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Records;

/// <summary>
/// 互动记录 (SPEC G1, G2; seed 002 互动记录说明): the navigation with counts, the quick and advanced search, the period,
/// the chosen columns and keyset pages of rows, all in the account's records scope (the services apply it).
/// </summary>
public sealed partial class RecordsPage : IDisposable
{
    private readonly List<RecordRow> _rows = [];
    private RecordFilterDraft _draft = new();
    private RecordFilter _filter = new();
    private RecordList _list = RecordList.Valid;
    private ReportPeriod _period;
    private DateOnly? _today;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private readonly PendingRecordCounts _counts = new();
    private IReadOnlyCollection<RecordColumn> _columns = RecordColumns.Default;
    private RecordSearchOptions? _options;
    private RecordCursor? _next;
    private string? _quickKeyword;
    private string? _error;

    /// <summary>Why the period of the link that opened the page was not used (it stays while the user searches on).</summary>
    private string? _linkProblem;
    private bool _loading;
    private int _accountId;
    private string? _savedName;
    private string? _savedMessage;

    [Inject]
    public required RecordListService Records { get; init; }

    [Inject]
    public required RecordColumnPreferences Preferences { get; init; }

    [Inject]
    public required EnterpriseTimeZone Calendar { get; init; }

    [Inject]
    public required IStringLocalizer<UiText> L { get; init; }

    [Inject]
    public required ViolationText Violations { get; init; }

    [Inject]
    public required SavedRecordSearches SavedSearches { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    /// <summary>A link from a KPI figure (drill-down) brings its period, list and agent; none of them is trusted beyond the filter.</summary>
    [SupplyParameterFromQuery(Name = "from")]
    public string? FromQuery { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? ToQuery { get; set; }

    [SupplyParameterFromQuery(Name = "list")]
    public string? ListQuery { get; set; }

    [SupplyParameterFromQuery(Name = "agent")]
    public int? AgentQuery { get; set; }

    /// <summary>A KPI page scoped to an account group drills down to the conversations its agents took part in.</summary>
    [SupplyParameterFromQuery(Name = "accountGroup")]
    public int? AccountGroupQuery { get; set; }

    [SupplyParameterFromQuery(Name = "rating")]
    public string? RatingQuery { get; set; }

    [SupplyParameterFromQuery(Name = "solved")]
    public string? SolvedQuery { get; set; }

    /// <summary>A saved search (常用搜索) of the account to apply; another account's is not found (404).</summary>
    [SupplyParameterFromQuery(Name = "saved")]
    public int? SavedQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _accountId = (await AuthenticationState).User.AccountId();
        (_zone, var today) = await Calendar.TodayAsync();
        _today = today;
        (_period, var problem) = ReportQuery.Linked(FromQuery, ToQuery, ReportPeriod.Preset(ReportPreset.Today, today));
        // A drill-down link whose period cannot be used says why, as the KPI pages do.
        _linkProblem = problem is null ? null : Violations.Describe(problem);
        if (Enum.TryParse<RecordList>(ListQuery, out var list) && Enum.IsDefined(list))
        {
            _list = list;
        }

        // The records scope still applies: an agent or account group outside it simply has no rows here; an account
        // group that does not exist is said (RecordListService) and shows none.
        var (linked, filterUnreadable) = RecordListAddress.Read(AgentQuery, AccountGroupQuery, RatingQuery, SolvedQuery);
        (_filter, _draft) = (linked, RecordFilterDraft.From(linked));
        if (filterUnreadable)
        {
            _linkProblem ??= L["Records.LinkFilterIgnored"].Value;
        }

        if (SavedQuery is { } savedId)
        {
            var saved = await SavedSearches.GetAsync(_accountId, savedId);
            if (saved.Violation is { Code: "Records.SavedSearch.NotFound" })
            {
                Navigation.NotFound();
                return;
            }

            if (saved.Violation is { } unreadable)
            {
                // Said like a drill-down link's unusable period: the list opens unfiltered, the reason above it.
                _linkProblem = Violations.Describe(unreadable);
            }
            else
            {
                (_list, _filter, _draft) = (saved.Value!.List, saved.Value.Filter, RecordFilterDraft.From(saved.Value.Filter));
            }
        }

        _columns = [.. await Preferences.GetAsync(_accountId)];
        _options = await Records.OptionsAsync(_accountId);
        await ReloadAsync();
    }

    private async Task PeriodChangedAsync(ReportPeriod period)
    {
        _period = period;
        await ReloadAsync();
    }

    private async Task ListChangedAsync(RecordList list)
    {
        _list = list;
        await LoadFirstPageAsync();
    }

    private async Task QuickKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key is "Enter" or "NumpadEnter")
        {
            // The quick search looks in every consultation of the period, as 002's 快捷查找 does.
            await SearchAsync(RecordList.All, new RecordFilter { Keyword = _quickKeyword });
        }
    }

    private Task AdvancedSearchAsync() => SearchAsync(_list, _draft.ToFilter());

    /// <summary>
    /// A new search replaces the list only when it can be run: a refused one (a 1-character keyword, a malformed IP) is
    /// said, and the list, its rows and the applied filter stay as they were.
    /// </summary>
    private async Task SearchAsync(RecordList list, RecordFilter filter)
    {
        if (Refused(filter.Validate()))
        {
            return;
        }

        (_list, _filter) = (list, filter);
        await ReloadAsync();
    }

    private async Task ResetAsync()
    {
        (_draft, _filter, _quickKeyword) = (new RecordFilterDraft(), new RecordFilter(), null);
        await ReloadAsync();
    }

    private async Task SaveSearchAsync()
    {
        var saved = await SavedSearches.SaveAsync(_accountId, _savedName, new SavedSearchContent(_list, _filter));
        _savedMessage = null;
        if (!Refused(saved.Violation))
        {
            (_savedName, _savedMessage) = (null, L["Records.SavedSearch.Saved"].Value);
        }
    }

    private async Task ColumnsChangedAsync(IEnumerable<RecordColumn> columns)
    {
        _columns = [.. await Preferences.SaveAsync(_accountId, columns)];
    }

    private async Task ReloadAsync()
    {
        // The rows first, and only they are awaited: the counts scan the whole period (seconds over a year), the first
        // page is an index walk. Each count shows a progress mark until the numbers of this search arrive.
        _counts.Clear();
        await LoadFirstPageAsync();
        if (_error is not null || !RendererInfo.IsInteractive)
        {
            // A prerendered page is thrown away when the circuit starts: it counts nothing.
            return;
        }

        var search = Search();
        _ = CountInBackgroundAsync(_counts.Start(
            token => Records.CountsAsync(_accountId, search, token),
            violation =>
            {
                if (violation is not null)
                {
                    Refused(violation);
                }

                return InvokeAsync(StateHasChanged);
            }));
    }

    /// <summary>The counts run unawaited: a failure still reaches the page's error boundary instead of vanishing.</summary>
    private async Task CountInBackgroundAsync(Task counting)
    {
        try
        {
            await counting;
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    public void Dispose() => _counts.Dispose();

    private async Task LoadFirstPageAsync()
    {
        _rows.Clear();
        _next = null;
        await MoreAsync();
    }

    private async Task MoreAsync()
    {
        _loading = true;
        try
        {
            var page = await Records.PageAsync(_accountId, Search(), _next);
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

    /// <summary>Shows the refusal and keeps what is on screen (bad input changes nothing).</summary>
    private bool Refused(RuleViolation? violation)
    {
        _error = violation is null ? null : Violations.Describe(violation);
        return violation is not null;
    }

    private RecordSearch Search() => new(_period, _list, _filter);

    /// <summary>导出全部: the search on screen with the columns chosen now (SPEC G5).</summary>
    private Task<Outcome<string>> ExportRequestAsync() => Task.FromResult(Exports.RecordsExportRequest.For(Search(), _columns));

    private string ExportName() => $"{L[$"Records.List.{_list}"].Value}_{_period.From:yyyyMMdd}-{_period.To:yyyyMMdd}";

    private string CountText(RecordList list) =>
        _counts.Counts is { } counts && counts.TryGetValue(list, out var count) ? count.ToString(CultureInfo.InvariantCulture) : "–";

    private string Cell(RecordRow row, RecordColumn column) => column switch
    {
        RecordColumn.RequestedAt => EnterpriseClock.ToLocal(row.RequestedAt, _zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        RecordColumn.Visitor => row.VisitorName ?? row.UserId ?? L["Records.VisitorNumber", row.VisitorId].Value,
        RecordColumn.Agent => row.AgentName ?? "–",
        RecordColumn.ReceptionGroup => row.ReceptionGroup ?? "–",
        RecordColumn.Duration => row.Duration is { } duration ? $"{(int)duration.TotalHours}:{duration:mm\\:ss}" : "–",
        RecordColumn.Messages => row.Messages.ToString(CultureInfo.InvariantCulture),
        RecordColumn.Result => L[row.Valid ? "Records.List.Valid" : "Records.List.Invalid"].Value,
        RecordColumn.Rating => L[$"Records.Rating.{(row.Rating is { } level ? (RatingFilter)(int)level : RatingFilter.Unrated)}"].Value,
        RecordColumn.SummaryType => row.SummaryType ?? L["Records.Unsummarized"].Value,
        RecordColumn.Purchased => L[row.Purchased ? "Records.List.Purchased" : "Records.List.NotPurchased"].Value,
        RecordColumn.Vip => L[row.IsVip ? "Records.Vip.Yes" : "Records.Vip.No"].Value,
        RecordColumn.VisitorIp => row.VisitorIp ?? "–",
        RecordColumn.StartPage => row.StartPageTitle ?? row.StartPageUrl ?? "–",
        RecordColumn.QcBand => row.QcBand is { } band ? L[$"Qc.Band.{band}"].Value : L["Records.QcUngraded"].Value,
        _ => string.Empty,
    };

    /// <summary>The advanced search form's values while they are being edited; applied only on 搜索.</summary>
    private sealed class RecordFilterDraft
    {
        public string? Keyword { get; set; }
        public string? VisitorIp { get; set; }
        public int? AgentId { get; set; }
        public int? AccountGroupId { get; set; }
        public int? ReceptionGroupId { get; set; }
        public RatingFilter? Rating { get; set; }
        public bool? ProblemSolved { get; set; }
        public bool? Purchased { get; set; }
        public VisitCountFilter? VisitCount { get; set; }
        public int? ConsultationTypeId { get; set; }
        public bool? Valid { get; set; }
        public bool? Vip { get; set; }
        public string? Region { get; set; }
        public SourceFilter? Source { get; set; }
        public Domain.Visitors.Terminal? Terminal { get; set; }
        public ReceptionModeFilter? ReceptionMode { get; set; }
        public QcBand? QcBand { get; set; }

        public static RecordFilterDraft From(RecordFilter filter) => new()
        {
            Keyword = filter.Keyword, VisitorIp = filter.VisitorIp, AgentId = filter.AgentId, AccountGroupId = filter.AccountGroupId,
            ReceptionGroupId = filter.ReceptionGroupId, Rating = filter.Rating, ProblemSolved = filter.ProblemSolved, Purchased = filter.Purchased, VisitCount = filter.VisitCount, ConsultationTypeId = filter.ConsultationTypeId,
            Valid = filter.Valid, Vip = filter.Vip, Region = filter.Region, Source = filter.Source, Terminal = filter.Terminal,
            ReceptionMode = filter.ReceptionMode, QcBand = filter.QcBand,
        };

        public RecordFilter ToFilter() => new()
        {
            Keyword = Keyword, VisitorIp = VisitorIp, AgentId = AgentId, AccountGroupId = AccountGroupId, ReceptionGroupId = ReceptionGroupId,
            Rating = Rating, ProblemSolved = ProblemSolved, Purchased = Purchased, VisitCount = VisitCount, ConsultationTypeId = ConsultationTypeId, Valid = Valid, Vip = Vip,
            Region = Region, Source = Source, Terminal = Terminal, ReceptionMode = ReceptionMode, QcBand = QcBand,
        };
    }
}
