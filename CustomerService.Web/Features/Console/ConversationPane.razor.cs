using CustomerService.Domain.Conversations;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CustomerService.Web.Features.Console;

public sealed partial class ConversationPane : ComponentBase
{
    private static readonly string[] Emojis =
    [
        "😀", "😁", "😊", "🙂", "😉", "😍", "🤔", "😅", "😭", "😡", "👍", "👌",
        "🙏", "👏", "💪", "🎉", "❤️", "🌹", "☕", "📦", "🚚", "💰", "✅", "❓",
    ];

    private MessageComposer? _composer;

    [Inject]
    public required ConsoleSession Session { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required Settings.ConsultationTypes.ConsultationTypeService Types { get; init; }

    [Inject]
    public required IStringLocalizer<UiText> L { get; init; }

    [Parameter, EditorRequired]
    public required ConversationTile Tile { get; set; }

    [Parameter, EditorRequired]
    public required ConversationThread Thread { get; set; }

    /// <summary>An admin watching a colleague's conversation (同事会话): read-only until he barges in.</summary>
    [Parameter]
    public bool IsMonitored { get; set; }

    [Parameter]
    public string? GroupName { get; set; }

    [Parameter, EditorRequired]
    public required DateTime Now { get; set; }

    [Parameter]
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    private string VisitorName => ConsoleFormat.VisitorName(L, Tile);

    private bool IsOwner => Tile.Participants.Any(p => p.AgentId == Session.AgentId && p.Role == ParticipantRole.Owner);

    private string OwnerName => Tile.Participants.FirstOrDefault(p => p.Role == ParticipantRole.Owner)?.Name ?? L["Console.Unassigned"];

    /// <summary>Puts a canned phrase (from the side panel) into the message box.</summary>
    public Task InsertAsync(string text) => _composer?.InsertAsync(text) ?? Task.CompletedTask;

    private async Task OfferAsync(TransferKind kind)
    {
        var parameters = new DialogParameters<TransferDialog>
        {
            { d => d.ConversationId, Tile.Id },
            { d => d.Kind, kind },
        };
        await Dialogs.ShowAsync<TransferDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
    }

    private Task InviteRatingAsync() => Session.InviteEvaluationAsync(Tile.Id);

    private async Task BlacklistAsync()
    {
        var summary = await Session.VisitorSummaryAsync(Tile.Id);
        var parameters = new DialogParameters<BlacklistDialog>
        {
            { d => d.ConversationId, Tile.Id },
            { d => d.Ip, summary?.Ip },
        };
        await Dialogs.ShowAsync<BlacklistDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
    }

    private Task SummarizeAsync() => ShowSummaryAsync(endAfter: false);

    private Task SendFileAsync(Microsoft.AspNetCore.Components.Forms.InputFileChangeEventArgs change) =>
        Session.SendFileAsync(Tile.Id, change.File);

    private async Task ShowSummaryAsync(bool endAfter) =>
        await Dialogs.ShowAsync<SummaryDialog>(null,
            new DialogParameters<SummaryDialog> { { d => d.ConversationId, Tile.Id }, { d => d.EndAfter, endAfter } },
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });

    private async Task EndAsync()
    {
        // SPEC D10 forced prompt: the close button asks for the summary first; only an admin watching is not asked.
        if (!IsMonitored && await Types.IsSummaryRequiredOnCloseAsync())
        {
            await ShowSummaryAsync(endAfter: true);
            return;
        }

        if (await ConfirmDialog.AskAsync(Dialogs, L["Console.EndConfirmTitle"], L["Console.EndConfirmBody", VisitorName], L["Console.End"], Color.Error))
        {
            await Session.EndAsync(Tile.Id);
        }
    }

    private Task LeaveAsync() => Session.LeaveAsync(Tile.Id);

    private Task BargeInAsync() => Session.BargeInAsync(Tile.Id);

    private void Close() => Session.Close(Tile.Id);
}
