using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Features.Reporting;
using MudBlazor;

namespace CustomerService.Web.Features.Kpi;

/// <summary>
/// 详细数据: every N5 figure can be a column; the account's choice is saved on request and read back on his next visit
/// (a saved column that no longer exists is ignored with a notice). Rows per agent, or per account group.
/// </summary>
public sealed partial class KpiDetailsPage
{
    private KpiDetailRows _rows = KpiDetailRows.Agents;
    private IReadOnlyCollection<string> _columns = KpiDetailColumns.Defaults;
    private IReadOnlyList<string> _unknown = [];
    private AgentReport? _report;
    private IReadOnlyList<GroupFigures>? _groups;
    private int _accountId;
    private IReadOnlyList<(string Label, ReportFigures Figures)> _trend = [];

    private static IReadOnlyList<KpiMetric> Charted { get; } = KpiMetrics.Of("consultations", "valid");

    private IEnumerable<KpiMetric> Metrics => KpiMetrics.All.Where(m => _columns.Contains(m.Name)).OrderBy(m => Order(m.Name));

    private string DownloadUrl => $"/kpi/details.xlsx?{Query}&rows={_rows}";

    protected override async Task OnInitializedAsync()
    {
        _accountId = (await AuthenticationState).User.AccountId();
        var choice = await Layouts.ReadAsync(_accountId, KpiDetailColumns.View, KpiMetrics.Names, KpiDetailColumns.Defaults);
        (_columns, _unknown) = (choice.Columns, choice.Unknown);
        await base.OnInitializedAsync();
    }

    protected override async Task LoadAsync()
    {
        _trend = await TrendAsync(Audience!);
        if (_rows == KpiDetailRows.Agents)
        {
            _report = await Reports.AgentsAsync(Period, Audience!);
            RolledAt = _report.RolledAt;
        }
        else
        {
            _groups = await Reports.AccountGroupsAsync(Period, Audience!);
        }
    }

    private async Task RowsChanged(KpiDetailRows rows)
    {
        _rows = rows;
        if (Audience is not null)
        {
            await LoadAsync();
        }
    }

    private void ColumnsPicked(IEnumerable<string?>? names)
    {
        // Chosen order: the columns kept in their place, newly picked ones at the end.
        var picked = (names ?? []).OfType<string>().ToList();
        _columns = [.. _columns.Where(picked.Contains), .. picked.Where(n => !_columns.Contains(n))];
    }

    private async Task SaveColumnsAsync()
    {
        var outcome = await Layouts.SaveAsync(_accountId, KpiDetailColumns.View, [.. _columns], KpiMetrics.Names);
        if (outcome.Violation is { } violation)
        {
            Snackbar.Add(Violations.Describe(violation), Severity.Error);
            return;
        }

        Snackbar.Add(L["Kpi.ColumnsSaved"], Severity.Success);
    }

    private int Order(string name) => _columns.Select((n, i) => (n, i)).First(p => p.n == name).i;
}
