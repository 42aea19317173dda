using System.Globalization;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Records;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Infrastructure;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Records;

/// <summary>
/// 互动记录 transcript (SPEC G3): the whole conversation in order, who took part, transfers, files, trajectory, product,
/// evaluation and the summary — editable here through the engine (late summarising, SPEC D10) — with previous / next of
/// the list it was opened from (<c>?list=&amp;from=&amp;to=&amp;q=</c>). Outside the account's scope it is 404.
/// </summary>
public sealed partial class RecordTranscriptPage
{
    private RecordTranscript? _transcript;
    private IReadOnlyList<RecordOption> _types = [];
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private long? _previous;
    private long? _next;
    private int? _summaryType;
    private string? _summaryNote;
    private string? _summaryError;
    private int _accountId;

    [Parameter]
    public long Id { get; set; }

    [SupplyParameterFromQuery(Name = "list")]
    public string? List { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    /// <summary>The keyword the list was searched with: its hits are highlighted.</summary>
    [SupplyParameterFromQuery(Name = "q")]
    public string? Keyword { get; set; }

    /// <summary>The list's other filters (advanced search), as <see cref="RecordLinks"/> writes them.</summary>
    [SupplyParameterFromQuery(Name = "f")]
    public string? Filters { get; set; }

    [Inject]
    public required RecordTranscriptService Transcripts { get; init; }

    [Inject]
    public required RecordListService Records { get; init; }

    [Inject]
    public required ConversationEngine Engine { get; init; }

    [Inject]
    public required EnterpriseTimeZone Calendar { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required ViolationText Violations { get; init; }

    [Inject]
    public required IStringLocalizer<UiText> L { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _accountId = (await AuthenticationState).User.AccountId();
        _zone = await Calendar.GetAsync();
        _transcript = await Transcripts.GetAsync(_accountId, Id);
        if (_transcript is null)
        {
            // Missing and outside the records scope look the same (SPEC B, G6).
            Navigation.NotFound();
            return;
        }

        (_summaryType, _summaryNote, _summaryError) = (_transcript.SummaryTypeId, _transcript.SummaryNote, null);
        _types = (await Records.OptionsAsync(_accountId)).ConsultationTypes;
        (_previous, _next) = ListSearch() is { } search ? await Transcripts.NeighboursAsync(_accountId, search, Id) : (null, null);
    }

    private async Task SaveSummaryAsync()
    {
        try
        {
            await Engine.SummarizeAsync(_accountId, Id, new ConsultationSummary(_summaryType, _summaryNote));
            _summaryError = null;
            _transcript = await Transcripts.GetAsync(_accountId, Id);
        }
        catch (RuleViolationException refused)
        {
            _summaryError = Violations.Describe(refused.Violation);
        }
    }

    /// <summary>The list the transcript was opened from, when the address names one.</summary>
    private RecordSearch? ListSearch() => RecordLinks.ReadSearch(List, From, To, Keyword, Filters);

    private string? Link(long? id) => id is { } other ? RecordLinks.Transcript(other, ListSearch()) : null;

    private string Local(DateTime utc) => EnterpriseClock.ToLocal(utc, _zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The text cut around the keyword's hits (case-insensitive), rendered as text, never as markup (SPEC M).</summary>
    private IEnumerable<(string Part, bool Hit)> Highlight(string text)
    {
        var keyword = Keyword?.Trim();
        if (string.IsNullOrEmpty(keyword))
        {
            yield return (text, false);
            yield break;
        }

        var start = 0;
        int hit;
        while ((hit = text.IndexOf(keyword, start, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            if (hit > start)
            {
                yield return (text[start..hit], false);
            }

            yield return (text.Substring(hit, keyword.Length), true);
            start = hit + keyword.Length;
        }

        if (start < text.Length)
        {
            yield return (text[start..], false);
        }
    }
}
