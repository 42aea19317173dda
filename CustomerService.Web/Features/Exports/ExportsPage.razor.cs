using System.Globalization;
using CustomerService.Domain.Common;
using CustomerService.Domain.Exports;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Infrastructure;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CustomerService.Web.Features.Exports;

/// <summary>
/// 导出管理 (SPEC G5, N6): the account's export tasks (an admin's: everyone's) with progress, download, cancel and
/// delete. While a task is queued or running the list is read again every two seconds: the runner may be on another
/// node (cluster mode), so the database is where progress is seen; nothing is polled once every task has ended.
/// </summary>
public sealed partial class ExportsPage : IAsyncDisposable
{
    public const string Route = "/records/exports";
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _disposed = new();
    private IReadOnlyList<ExportTaskView> _tasks = [];

    /// <summary>An admin sees colleagues' tasks too: then each row says whose it is (read on every refresh).</summary>
    private bool ShowOwner => _tasks.Any(t => t.OwnerAccountId != _accountId);
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private int _accountId;
    private bool _loaded;
    private bool _refreshing;
    private string? _error;

    [Inject]
    public required ExportTaskService Exports { get; init; }

    [Inject]
    public required EnterpriseTimeZone TimeZone { get; init; }

    [Inject]
    public required IOptions<ExportOptions> Options { get; init; }

    [Inject]
    public required IStringLocalizer<UiText> L { get; init; }

    [Inject]
    public required ViolationText Violations { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    private int RetentionDays => Options.Value.RetentionDays;

    protected override async Task OnInitializedAsync()
    {
        _accountId = (await AuthenticationState).User.AccountId();
        _zone = await TimeZone.GetAsync();
        await LoadAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        _disposed.Dispose();
    }

    private async Task LoadAsync()
    {
        _tasks = await Exports.ListAsync(_accountId, _disposed.Token);
        _loaded = true;
        if (_tasks.Any(t => t.State is ExportState.Queued or ExportState.Running) && !_refreshing)
        {
            _refreshing = true;
            _ = RefreshWhileActiveAsync();
        }
    }

    /// <summary>Reads the list again until no task is queued or running, or the page is left.</summary>
    private async Task RefreshWhileActiveAsync()
    {
        try
        {
            using var timer = new PeriodicTimer(RefreshInterval);
            while (await timer.WaitForNextTickAsync(_disposed.Token))
            {
                var tasks = await Exports.ListAsync(_accountId, _disposed.Token);
                await InvokeAsync(() =>
                {
                    _tasks = tasks;
                    StateHasChanged();
                });
                if (!tasks.Any(t => t.State is ExportState.Queued or ExportState.Running))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page was left.
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
        finally
        {
            _refreshing = false;
        }
    }

    private async Task CancelAsync(long taskId) => await AfterAsync(await Exports.CancelAsync(_accountId, taskId));

    private async Task DeleteAsync(long taskId) => await AfterAsync(await Exports.DeleteAsync(_accountId, taskId));

    private async Task AfterAsync(Outcome outcome)
    {
        _error = Violations.Describe(outcome);
        await LoadAsync();
    }

    private static string StateName(ExportState state) => state.ToString().ToLowerInvariant();

    private static Color StateColor(ExportState state) => state switch
    {
        ExportState.Queued => Color.Default,
        ExportState.Running => Color.Info,
        ExportState.Done => Color.Success,
        ExportState.Failed => Color.Error,
        ExportState.Cancelled => Color.Warning,
        ExportState.Expired => Color.Dark,
    };

    private static double Percent(ExportTaskView task) => task.State switch
    {
        ExportState.Done or ExportState.Expired => 100,
        _ when task.RowsTotal is { } total && total > 0 => Math.Min(100, 100.0 * task.RowsWritten / total),
        _ => 0,
    };

    private static string Progress(ExportTaskView task) =>
        task.RowsTotal is { } total
            ? string.Create(CultureInfo.InvariantCulture, $"{task.RowsWritten:N0} / {total:N0}")
            : task.RowsWritten.ToString("N0", CultureInfo.InvariantCulture);

    private static string FileSizeText(long? bytes) => bytes switch
    {
        null => "–",
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    private string Local(DateTime? utc) =>
        utc is { } at ? EnterpriseClock.ToLocal(at, _zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "–";
}
