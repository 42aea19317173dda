using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;

namespace CustomerService.Web.Features.Console;

/// <summary>
/// 咨询接待 (SPEC F): the agent's list on the left, the conversation in the middle, the visitor on the right. The page only
/// arranges; <see cref="ConsoleSession"/> keeps the state in the circuit's store and talks to the engine. It redraws when
/// that state changes, never on a timer: the running clocks are <see cref="TickingText"/>s that tick by themselves.
/// </summary>
public sealed partial class ConsolePage : ComponentBase, IAsyncDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private ConsoleTab _tab = ConsoleTab.Mine;
    private ConversationPane? _pane;
    private DotNetObjectReference<ConsolePage>? _self;
    private IReadOnlyList<RecentContact>? _recent;
    private RecentContact? _history;
    private IReadOnlyList<HistoryMessage> _historyMessages = [];
    private string _name = string.Empty;
    private string? _error;
    private bool _subscribed;
    private bool _boardSubscribed;

    public enum ConsoleTab
    {
        Mine,
        Recent,
        PendingSummaries,
        Colleagues,
        OnlineVisitors,
        PrivateContacts,
    }

    [Inject]
    public required ConsoleSession Session { get; init; }

    [Inject]
    public required CircuitStore<ConsoleState> Store { get; init; }

    [Inject]
    public required ColleaguesBoard Board { get; init; }

    [Inject]
    public required CircuitStore<ColleaguesState> BoardStore { get; init; }

    [Inject]
    public required ConsoleReads Reads { get; init; }

    [Inject]
    public required ConsoleQueries Queries { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required ViolationText Violations { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [Inject]
    public required IStringLocalizer<UiText> L { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    /// <summary>A colleague's conversation to open at once (admins, from 我的同事).</summary>
    [SupplyParameterFromQuery]
    public long? Watch { get; set; }

    private ConsoleState State => Store.State;

    /// <summary>When this render happens; running clocks move on by themselves (<see cref="TickingText"/>).</summary>
    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    private string PageTitleText
    {
        get
        {
            var title = $"{L["Console.Title"]} - {L["App.Name"]}";
            var unread = State.UnreadCount;
            return unread > 0 ? $"({unread}) {title}" : title;
        }
    }

    protected override async Task OnInitializedAsync()
    {
        // The prerender has no circuit: the console opens (and the agent comes online) only in the interactive render.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        var user = (await AuthenticationState).User;
        _name = user.DisplayNameOf();
        _subscriptions.Add(Store.Subscribe(OnChanged));
        Session.Toasted += OnToasted;
        Session.Alerted += OnAlerted;
        _subscribed = true;
        try
        {
            await Session.StartAsync(user.AccountId(), PermissionMatrix.Allows(user.Role(), Permission.MonitorColleagueConversations));
        }
        catch (RuleViolationException refused)
        {
            _error = L["Console.StartFailed", Violations.Describe(refused.Violation)];
            return;
        }

        if (Watch is { } watched && Session.IsAdmin)
        {
            await SelectTabAsync(ConsoleTab.Colleagues);
            await Session.MonitorAsync(watched);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _self = DotNetObjectReference.Create(this);
            var visible = await JS.InvokeAsync<bool>("customerService.console.register", _self);
            Session.SetPageVisible(visible);
        }
    }

    /// <summary>Ctrl+Tab (or Ctrl+`) from the page's script.</summary>
    [JSInvokable]
    public async Task JumpToMostUrgent()
    {
        _tab = ConsoleTab.Mine;
        _history = null;
        if (!await Session.JumpToMostUrgentAsync())
        {
            Snackbar.Add(L["Console.NoneWaiting"], Severity.Info);
        }
    }

    [JSInvokable]
    public void VisibilityChanged(bool visible) => Session.SetPageVisible(visible);

    public async ValueTask DisposeAsync()
    {
        _subscriptions.ForEach(s => s.Dispose());
        if (_subscribed)
        {
            Session.Toasted -= OnToasted;
            Session.Alerted -= OnAlerted;
        }

        if (_self is not null)
        {
            try
            {
                await JS.InvokeVoidAsync("customerService.console.unregister");
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone; so are its listeners.
            }

            _self.Dispose();
        }
    }

    private void OnChanged() => _ = InvokeAsync(StateHasChanged);

    private void OnToasted(ConsoleToast toast) => _ = InvokeAsync(() =>
    {
        var text = toast.Violation is { } violation ? Violations.Describe(violation) : L[toast.TextKey!, toast.Arguments].Value;
        Snackbar.Add(text, toast.Level switch
        {
            ToastLevel.Info => Severity.Info,
            ToastLevel.Success => Severity.Success,
            ToastLevel.Warning => Severity.Warning,
            ToastLevel.Error => Severity.Error,
        });
    });

    private void OnAlerted(ConsoleAlert alert) => _ = InvokeAsync(async () =>
    {
        try
        {
            if (State.Preferences.NewMessageSound)
            {
                await JS.InvokeVoidAsync("customerService.console.chime");
            }

            if (State.Preferences.ForcePopup)
            {
                await JS.InvokeVoidAsync("customerService.console.popup");
            }
        }
        catch (JSDisconnectedException)
        {
            // No browser to ring.
        }
    });

    private async Task ChangeStatusAsync(AgentStatus status)
    {
        if (status == AgentStatus.Away)
        {
            var open = State.Conversations.Values.Count(c => !c.IsEnded);
            if (!await ConfirmDialog.AskAsync(Dialogs, L["Console.AwayConfirmTitle"], L["Console.AwayConfirmBody", open], L["Console.AwayConfirmYes"], Color.Warning))
            {
                return;
            }
        }

        await Session.SetStatusAsync(status);
    }

    private async Task SelectTabAsync(ConsoleTab tab)
    {
        _tab = tab;
        switch (tab)
        {
            case ConsoleTab.Recent:
                _recent = await Queries.RecentContactsAsync(State.AgentId);
                break;
            case ConsoleTab.Colleagues when Session.IsAdmin:
                if (!_boardSubscribed)
                {
                    _boardSubscribed = true;
                    _subscriptions.Add(BoardStore.Subscribe(OnChanged));
                }

                await Board.StartAsync();
                break;
            case ConsoleTab.Mine:
            case ConsoleTab.Colleagues:
            case ConsoleTab.OnlineVisitors:
            case ConsoleTab.PrivateContacts:
                _history = null;
                break;
        }
    }

    private async Task SelectAsync(long conversationId)
    {
        _history = null;
        await Session.SelectAsync(conversationId);
    }

    private async Task OpenHistoryAsync(RecentContact contact)
    {
        _history = contact;
        _historyMessages = await Reads.VisitorHistoryAsync(contact.VisitorId);
    }

    private void CloseHistory() => _history = null;

    private void QuickClose()
    {
        var closed = Session.CloseAllEnded();
        Snackbar.Add(L["Console.QuickClosed", closed], Severity.Success);
    }

    private Task InsertPhraseAsync(string text) => _pane?.InsertAsync(text) ?? Task.CompletedTask;

    private string TabCss(ConsoleTab tab) => tab == _tab ? "console-tab console-tab--active" : "console-tab";
}
