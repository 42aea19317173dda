using CustomerService.Domain.Organisation;
using CustomerService.Domain.Phrases;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace CustomerService.Web.Features.Console;

public sealed partial class MessageComposer : ComponentBase
{
    private const int MaxSuggestions = 6;

    private readonly Dictionary<long, string> _drafts = [];
    private ElementReference _input;
    private string _draft = string.Empty;
    private long _draftOwner;
    private IReadOnlyList<PublishedPhrase> _suggestions = [];
    private int _active = -1;

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required IStringLocalizer<UiText> L { get; init; }

    /// <summary>The conversation the box writes to: each keeps its own unsent draft.</summary>
    [Parameter]
    public long ConversationId { get; set; }

    [Parameter, EditorRequired]
    public required PhraseBook Book { get; set; }

    [Parameter]
    public SendKey SendKey { get; set; } = SendKey.Enter;

    [Parameter]
    public bool Disabled { get; set; }

    /// <summary>Called with the text to send; the box is already empty by then.</summary>
    [Parameter]
    public EventCallback<string> OnSend { get; set; }

    /// <summary>Adds text at the end of the draft (a phrase from the side panel, an emoji) and focuses the box.</summary>
    public async Task InsertAsync(string text)
    {
        _draft += text;
        CloseSuggestions();
        StateHasChanged();
        await FocusAsync();
    }

    protected override void OnParametersSet()
    {
        if (ConversationId != _draftOwner)
        {
            _drafts[_draftOwner] = _draft;
            _draft = _drafts.GetValueOrDefault(ConversationId, string.Empty);
            _draftOwner = ConversationId;
            CloseSuggestions();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await JS.InvokeVoidAsync("customerService.console.attachComposer", _input);
        }
    }

    private void OnInput(ChangeEventArgs e)
    {
        _draft = e.Value?.ToString() ?? string.Empty;
        _suggestions = Book.Suggest(_draft, MaxSuggestions);
        // “/keyword” asks for a phrase, so the first match is ready for the send key; plain text only offers them.
        _active = _suggestions.Count > 0 && IsKeyword(_draft) ? 0 : -1;
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.IsComposing)
        {
            return;
        }

        switch (e.Key)
        {
            case "ArrowDown" when _suggestions.Count > 0:
                _active = (_active + 1) % _suggestions.Count;
                break;
            case "ArrowUp" when _suggestions.Count > 0:
                _active = _active <= 0 ? _suggestions.Count - 1 : _active - 1;
                break;
            case "Escape" when _suggestions.Count > 0:
                CloseSuggestions();
                break;
            case "Tab" when _suggestions.Count > 0:
                await PickAsync(_suggestions[Math.Max(_active, 0)]);
                break;
            case "Enter" when IsSendKey(e):
                await SendKeyAsync();
                break;
            default:
                break;
        }
    }

    private bool IsSendKey(KeyboardEventArgs e)
    {
        var ctrl = e.CtrlKey || e.MetaKey;
        return SendKey == SendKey.CtrlEnter ? ctrl : !ctrl && !e.ShiftKey;
    }

    private async Task SendKeyAsync()
    {
        if (_active >= 0 && _active < _suggestions.Count)
        {
            await PickAsync(_suggestions[_active]);
            return;
        }

        if (IsKeyword(_draft))
        {
            if (Book.FindByKeyword(_draft) is { } phrase)
            {
                await PickAsync(phrase);
                return;
            }

            if (_suggestions.Count > 0)
            {
                // Several titles start with the keyword: let the agent choose rather than send “/退”.
                _active = 0;
                return;
            }
        }

        await SendAsync();
    }

    /// <summary>Puts the phrase's text (without its 【hint】) in the box in place of what was typed.</summary>
    private async Task PickAsync(PublishedPhrase phrase)
    {
        _draft = phrase.InsertionText;
        CloseSuggestions();
        await FocusAsync();
    }

    private async Task SendAsync()
    {
        var text = _draft.TrimEnd();
        if (Disabled || string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        _draft = string.Empty;
        CloseSuggestions();
        await OnSend.InvokeAsync(text);
    }

    private void CloseSuggestions()
    {
        _suggestions = [];
        _active = -1;
    }

    private async Task FocusAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("customerService.console.focus", _input);
        }
        catch (JSDisconnectedException)
        {
            // The circuit is going away; there is nothing to focus.
        }
    }

    private static bool IsKeyword(string draft) => draft.TrimStart().StartsWith(PhraseBook.KeywordPrefix);
}
