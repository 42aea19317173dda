using CustomerService.Domain.Phrases;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Infrastructure;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CustomerService.Web.Features.Settings.Phrases;

/// <summary>
/// The page body shared by enterprise (/settings/phrases) and personal (/me/phrases) phrases: groups on the left, the
/// selected group's phrases with their draft state, 立即生效, and a box to try the suggestions agents will get.
/// </summary>
public sealed partial class PhraseLibraryEditor : ComponentBase, IDisposable
{
    private const int AllGroups = 0;
    private const int MaxSuggestions = 8;

    private PhraseLibrary? _library;
    private int _groupId = AllGroups;
    private PhraseBook _book = PhraseBook.Empty;
    private string _tryInput = string.Empty;
    private IReadOnlyList<PublishedPhrase> _suggestions = [];
    private string? _picked;
    private int _accountId;
    private IDisposable? _subscription;

    [Inject]
    public required CannedPhraseService Phrases { get; init; }

    [Inject]
    public required CannedPhraseCatalog Catalog { get; init; }

    [Inject]
    public required ChangeFeed<PhrasesChanged> Changes { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required ViolationText Violations { get; init; }

    [Inject]
    public required IStringLocalizer<UiText> L { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    [Parameter, EditorRequired]
    public required PhraseOwner Owner { get; set; }

    [Parameter, EditorRequired]
    public required string Heading { get; set; }

    [Parameter, EditorRequired]
    public required string Intro { get; set; }

    private int Unpublished => _library?.UnpublishedCount ?? 0;

    private PhraseGroupRow? SelectedGroup => _library?.Groups.FirstOrDefault(g => g.Id == _groupId);

    private IEnumerable<PhraseRow> VisiblePhrases =>
        _library is null ? [] : _groupId == AllGroups ? _library.Phrases : _library.Phrases.Where(p => p.GroupId == _groupId);

    protected override async Task OnInitializedAsync()
    {
        _accountId = (await AuthenticationState).User.AccountId();
        // The try-it box shows what this account's console would: reload when someone publishes (this page or another).
        _subscription = Changes.Subscribe(change =>
        {
            if (change.Owner.IsEnterprise || change.Owner.AccountId == _accountId)
            {
                _ = InvokeAsync(ReloadBookAsync);
            }
        });
        await LoadAsync();
        await ReloadBookAsync();
    }

    public void Dispose() => _subscription?.Dispose();

    private async Task LoadAsync()
    {
        _library = await Phrases.GetLibraryAsync(Owner);
        if (_groupId != AllGroups && _library.Groups.All(g => g.Id != _groupId))
        {
            _groupId = AllGroups;
        }
    }

    private async Task ReloadBookAsync()
    {
        try
        {
            _book = await Catalog.LoadAsync(_accountId);
            _suggestions = _book.Suggest(_tryInput, MaxSuggestions);
            StateHasChanged();
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private void SelectGroup(int groupId) => _groupId = groupId;

    private Task CreateGroupAsync() => ShowGroupDialogAsync(null, null);

    private Task RenameGroupAsync(PhraseGroupRow group) => ShowGroupDialogAsync(group.Id, group.Name);

    private async Task ShowGroupDialogAsync(int? groupId, string? name)
    {
        var parameters = new DialogParameters<PhraseGroupDialog>
        {
            { d => d.GroupId, groupId },
            { d => d.Owner, Owner },
            { d => d.InitialName, name },
        };
        var dialog = await Dialogs.ShowAsync<PhraseGroupDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Common.Saved"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task DeleteGroupAsync(PhraseGroupRow group)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Common.ConfirmDelete"], L["Phrases.ConfirmDeleteGroup", group.Name], yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]);
        if (confirmed == true)
        {
            Report(await Phrases.DeleteGroupAsync(Owner, group.Id));
            await LoadAsync();
        }
    }

    private Task CreateAsync() =>
        ShowPhraseDialogAsync(null, new PhraseFormModel { GroupId = SelectedGroup?.Id ?? _library!.Groups[0].Id });

    private Task EditAsync(PhraseRow row) => ShowPhraseDialogAsync(row.Id, PhraseFormModel.From(row));

    private async Task ShowPhraseDialogAsync(int? phraseId, PhraseFormModel model)
    {
        var parameters = new DialogParameters<PhraseDialog>
        {
            { d => d.PhraseId, phraseId },
            { d => d.Owner, Owner },
            { d => d.Model, model },
            { d => d.Groups, _library!.Groups },
        };
        var dialog = await Dialogs.ShowAsync<PhraseDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Phrases.SavedAsDraft"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(PhraseRow row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Common.ConfirmDelete"], L["Phrases.ConfirmDelete", row.Title], yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]);
        if (confirmed == true)
        {
            Report(await Phrases.DeleteAsync(Owner, row.Id));
            await LoadAsync();
        }
    }

    private async Task PublishAsync()
    {
        var published = await Phrases.PublishAllAsync(Owner);
        Snackbar.Add(L["Phrases.Published", published], Severity.Success);
        await LoadAsync();
    }

    private void TryInputChanged(string? value)
    {
        _tryInput = value ?? string.Empty;
        _picked = null;
        _suggestions = _book.Suggest(_tryInput, MaxSuggestions);
    }

    private void Pick(PublishedPhrase phrase)
    {
        _picked = phrase.InsertionText;
        _tryInput = string.Empty;
        _suggestions = [];
    }

    private void Report(Domain.Common.Outcome outcome) =>
        Snackbar.Add(outcome.Succeeded ? L["Common.Saved"] : Violations.Describe(outcome.Violation!),
            outcome.Succeeded ? Severity.Success : Severity.Error);

    private string StateText(PhraseRow row) =>
        !row.IsPublished ? L["Phrases.StateDraft"] : row.HasUnpublishedChanges ? L["Phrases.StateChanged"] : L["Phrases.StatePublished"];

    private static Color StateColor(PhraseRow row) =>
        !row.IsPublished ? Color.Default : row.HasUnpublishedChanges ? Color.Warning : Color.Success;
}
