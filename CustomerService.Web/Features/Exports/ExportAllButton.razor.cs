using CustomerService.Domain.Common;
using CustomerService.Domain.Exports;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CustomerService.Web.Features.Exports;

/// <summary>
/// The export button of a list: the page gives what to export (its current search as a task request, or the search's
/// refusal); the dialog takes the task name, queues it and points to 导出管理. A refusal (bad name, ten tasks already
/// waiting, a bad search) is shown in the dialog and nothing is queued.
/// </summary>
public sealed partial class ExportAllButton
{
    private readonly DialogOptions _options = new() { MaxWidth = MaxWidth.Small, CloseOnEscapeKey = true };
    private bool _open;
    private bool _busy;
    private string? _name;
    private string? _error;

    [Parameter, EditorRequired]
    public ExportKind Kind { get; set; }

    /// <summary>The task request of the page's current search, or why it cannot be exported.</summary>
    [Parameter, EditorRequired]
    public Func<Task<Outcome<string>>> Request { get; set; } = null!;

    /// <summary>The name the dialog proposes (the list and the time); the user may change it.</summary>
    [Parameter]
    public string? SuggestedName { get; set; }

    [Parameter]
    public string TestId { get; set; } = "export-all";

    /// <summary>The button's text when the page has its own word for it (CRM: 导出); 导出全部 otherwise.</summary>
    [Parameter]
    public string? Label { get; set; }

    [Inject]
    public required ExportTaskService Exports { get; init; }

    [Inject]
    public required IStringLocalizer<UiText> L { get; init; }

    [Inject]
    public required ViolationText Violations { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    private void Open()
    {
        (_name, _error, _open) = (SuggestedName, null, true);
    }

    private async Task QueueAsync()
    {
        _busy = true;
        try
        {
            var request = await Request();
            var queued = request.Violation is { } refused
                ? new Outcome<long>(0, refused)
                : await Exports.QueueAsync((await AuthenticationState).User.AccountId(), _name, Kind, request.Value!);
            if (queued.Violation is { } violation)
            {
                _error = Violations.Describe(violation);
                return;
            }

            _open = false;
            Snackbar.Add(L["Exports.Queued"].Value, Severity.Success, options =>
            {
                options.Action = L["Exports.Title"].Value;
                options.OnClick = _ =>
                {
                    Navigation.NavigateTo(ExportsPage.Route);
                    return Task.CompletedTask;
                };
                options.ActionColor = Color.Primary;
            });
        }
        finally
        {
            _busy = false;
        }
    }
}
