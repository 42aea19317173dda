using System.Globalization;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Infrastructure;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CustomerService.Web.Features.Crm;

/// <summary>
/// /crm (SPEC J1, J2): the overview, the search with owner tabs (Sales only sees his own: no 全部, no 未分配), pages of
/// 50 newest first, and assign / abandon / delete on the selected customers. Everything is scoped on the server.
/// </summary>
public partial class CrmPage
{
    private const int PageSize = 50;

    private readonly HashSet<long> _selected = [];
    private readonly Stack<long?> _previous = new();
    private CrmOverview? _overview;
    private List<ChartSeries<double>> _starSeries = [];
    private string[] _starLabels = [];
    private List<ChartSeries<double>> _contactSeries = [];
    private string[] _contactLabels = [];
    private List<CustomField> _fields = [];
    private IReadOnlyList<(int Id, string Name)> _agents = [];
    private OwnerFilter[] _owners = [OwnerFilter.Mine];
    private CustomerQuery _query = new() { Owner = OwnerFilter.Mine };
    private SearchDraft _draft = new();
    private IReadOnlyList<CustomerRow> _rows = [];
    private long? _current;
    private long? _next;
    private int? _assignTo;
    private bool _loading = true;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private int _accountId;

    [Inject] public required IStringLocalizer<UiText> L { get; init; }
    [Inject] public required CustomerSearch Search { get; init; }
    [Inject] public required CustomerBook Book { get; init; }
    [Inject] public required CrmOverviewReader Overview { get; init; }
    [Inject] public required EnterpriseTimeZone TimeZone { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required ViolationText Violations { get; init; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>导出: the search on screen as an export task (SPEC J4 through G5's tasks).</summary>
    private Task<Outcome<string>> ExportRequestAsync() => Task.FromResult<Outcome<string>>(Exports.CustomersExportSource.RequestFor(_query));

    protected override async Task OnInitializedAsync()
    {
        _accountId = (await AuthenticationState).User.AccountId();
        _zone = await TimeZone.GetAsync();
        var scope = await Search.ScopeAsync(_accountId);
        _owners = scope switch
        {
            DataScope.All => [OwnerFilter.All, OwnerFilter.Mine, OwnerFilter.Unassigned],
            DataScope.OwnGroup => [OwnerFilter.All, OwnerFilter.Mine],
            _ => [OwnerFilter.Mine],
        };
        _query = new CustomerQuery { Owner = _owners[0] };
        _fields = await Search.FieldsAsync();
        _agents = await Book.AssignableAgentsAsync(_accountId);
        await LoadOverviewAsync();
        await LoadAsync(null);
    }

    private async Task LoadOverviewAsync()
    {
        var overview = await Overview.ReadAsync(_accountId);
        _overview = overview;
        _starLabels = [L["Crm.NoStar"], .. Enumerable.Range(1, Customer.MaxStar).Select(star => L["Crm.StarN", star].Value)];
        _starSeries = [new() { Name = L["Crm.Stars"], Data = overview.StarCounts.Select(count => (double)count).ToArray() }];
        _contactLabels = [L["Crm.Contact.Phone"], L["Crm.Contact.Email"], L["Crm.Contact.Other"]];
        _contactSeries = [new() { Name = L["Crm.Contacts"], Data = new double[] { overview.WithPhone, overview.WithEmail, overview.Other } }];
    }

    private async Task LoadAsync(long? after)
    {
        _loading = true;
        var page = await Search.PageAsync(_accountId, _query, after, PageSize);
        _rows = page.Rows;
        _current = after;
        _next = page.NextAfter;
        _selected.Clear();
        _loading = false;
    }

    private async Task SearchAsync()
    {
        _query = _draft.ToQuery(_query.Owner);
        _previous.Clear();
        await LoadAsync(null);
    }

    private async Task SearchOnEnterAsync(KeyboardEventArgs args)
    {
        if (args.Key == "Enter")
        {
            await SearchAsync();
        }
    }

    private async Task OwnerChangedAsync(OwnerFilter owner)
    {
        _query = _query with { Owner = owner };
        _previous.Clear();
        await LoadAsync(null);
    }

    private async Task NextAsync()
    {
        _previous.Push(_current);
        await LoadAsync(_next);
    }

    private async Task PreviousAsync()
    {
        if (_previous.TryPop(out var after))
        {
            await LoadAsync(after);
        }
    }

    private void Toggle(long id, bool on)
    {
        if (on)
        {
            _selected.Add(id);
        }
        else
        {
            _selected.Remove(id);
        }
    }

    private async Task AssignAsync()
    {
        var outcome = await Book.AssignAsync(_accountId, [.. _selected], _assignTo);
        await AfterBulkAsync(outcome.Violation, "Crm.Assigned", outcome.Value);
    }

    private async Task AbandonAsync()
    {
        var outcome = await Book.AssignAsync(_accountId, [.. _selected], null);
        await AfterBulkAsync(outcome.Violation, "Crm.Abandoned", outcome.Value);
    }

    private async Task DeleteAsync()
    {
        var deleted = await Book.DeleteAsync(_accountId, [.. _selected]);
        await AfterBulkAsync(null, "Crm.Deleted", deleted);
    }

    private async Task AfterBulkAsync(Domain.Common.RuleViolation? violation, string doneKey, int count)
    {
        if (violation is not null)
        {
            Snackbar.Add(Violations.Describe(violation), Severity.Error);
            return;
        }

        Snackbar.Add(L[doneKey, count], Severity.Success);
        await LoadOverviewAsync();
        await LoadAsync(_current);
    }

    private string Growth(decimal? growth) =>
        growth is { } value ? L["Crm.Growth", value.ToString("+0.#%;-0.#%;0%", CultureInfo.InvariantCulture)] : L["Crm.GrowthNone"];

    private string Stars(int? star) => star is { } value ? new string('★', value) : "—";

    private string Local(DateTime utc) => EnterpriseClock.ToLocal(utc, _zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The search form as typed, applied on 查询 or Enter.</summary>
    private sealed class SearchDraft
    {
        public string? Name { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? UserId { get; set; }
        public int? Star { get; set; }
        public int? FieldId { get; set; }
        public string? FieldValue { get; set; }

        public CustomerQuery ToQuery(OwnerFilter owner) => new()
        {
            Name = Name, Phone = Phone, Email = Email, UserId = UserId, Star = Star, Owner = owner, FieldId = FieldId, FieldValue = FieldValue,
        };
    }
}
