using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Visitors.Api;
using Microsoft.AspNetCore.Components.Forms;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CustomerService.Web.Features.Console;

public sealed partial class ConversationPane : ComponentBase
{
    // The same system set as the visitor page and the 表情管理 page.
    private static IReadOnlyList<string> Emojis => Branding.SystemEmoji.All;

    private MessageComposer? _composer;

    [Inject]
    public required ConsoleSession Session { get; init; }

    [Inject]
    public required ConsoleReads Reads { get; init; }

    [Inject]
    public required ConversationEngine Engine { get; init; }

    [Inject]
    public required UploadedFiles Uploads { get; init; }

    [Inject]
    public required Branding.EmojiCatalog EmojiCatalog { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required ViolationText Violations { get; init; }

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
        await Dialogs.ShowAsync<TransferDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
    }

    /// <summary>邀请评价 (SPEC D9).</summary>
    private async Task InviteRatingAsync()
    {
        if (await Snackbar.TryAsync(Violations, () => Engine.InviteEvaluationAsync(Session.AgentId, Tile.Id)))
        {
            Snackbar.Add(L["Console.EvaluationInvited"], Severity.Success);
        }
    }

    private async Task BlacklistAsync()
    {
        var summary = await Reads.VisitorSummaryAsync(Tile.Id);
        var parameters = new DialogParameters<BlacklistDialog>
        {
            { d => d.ConversationId, Tile.Id },
            { d => d.Ip, summary?.Ip },
        };
        await Dialogs.ShowAsync<BlacklistDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true });
    }

    private Task SummarizeAsync() => ShowSummaryAsync(endAfter: false);

    /// <summary>
    /// Sends an image or file (SPEC F6), checked like a visitor's upload (size by kind, type by content). The message
    /// arrives in the thread through the engine's event like any other.
    /// </summary>
    private Task SendFileAsync(InputFileChangeEventArgs change) => Snackbar.TryAsync(Violations, async () =>
    {
        var file = change.File;
        var largest = await Uploads.LargestAllowedBytesAsync();
        if (file.Size > largest)
        {
            throw new RuleViolationException(new RuleViolation("UploadTooLarge", largest / 1024));
        }

        await using var content = file.OpenReadStream(largest);
        await Uploads.AcceptAgentUploadAsync(Session.AgentId, Tile.Id, content, file.Name, file.Size, Guid.NewGuid().ToString("N"), CancellationToken.None);
    });

    /// <summary>A custom emoji (表情管理) goes out as an image message: a copy of its bytes, checked like an upload.</summary>
    private Task SendEmojiAsync(long emojiId) => Snackbar.TryAsync(Violations, async () =>
    {
        var emoji = await EmojiCatalog.OpenAsync(emojiId) ?? throw new RuleViolationException(new RuleViolation("EmojiNotFound"));
        await using var content = emoji.Content;
        await Uploads.AcceptAgentUploadAsync(Session.AgentId, Tile.Id, content, emoji.FileName, emoji.Size, Guid.NewGuid().ToString("N"), CancellationToken.None);
    });

    private async Task ShowSummaryAsync(bool endAfter) =>
        await Dialogs.ShowAsync<SummaryDialog>(null,
            new DialogParameters<SummaryDialog> { { d => d.ConversationId, Tile.Id }, { d => d.EndAfter, endAfter } },
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true });

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

    /// <summary>插入会话 (SPEC D4): the admin joins the conversation he watches; it reaches his list through his own topic.</summary>
    private Task BargeInAsync() => Snackbar.TryAsync(Violations, () => Engine.BargeInAsync(Session.AgentId, Tile.Id));

    private void Close() => Session.Close(Tile.Id);
}
