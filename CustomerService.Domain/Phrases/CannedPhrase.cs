using CustomerService.Domain.Common;

namespace CustomerService.Domain.Phrases;

/// <summary>
/// 常用语 (SPEC F8; seed 002 “个人常用语”, “企业常用语”): a title and a reply an agent inserts with one click. What an
/// editor saves is a draft (<see cref="Title"/>, <see cref="Content"/>); agents see the published copy
/// (<see cref="PublishedTitle"/>, <see cref="PublishedContent"/>) until someone presses 立即生效, so a half-edited phrase
/// never reaches a visitor.
/// </summary>
public class CannedPhrase : IAudited
{
    public const int TitleMaxLength = 50;
    public const int ContentMaxLength = 1000;

    private const char HintOpen = '【';
    private const char HintClose = '】';

    private CannedPhrase()
    {
        Title = Content = string.Empty;
    }

    public CannedPhrase(int groupId, string title, string content)
    {
        GroupId = groupId;
        Title = Content = string.Empty;
        Edit(title, content);
    }

    public int Id { get; private set; }
    public int GroupId { get; private set; }
    public CannedPhraseGroup? Group { get; private set; }

    /// <summary>The draft title: what the editor last saved.</summary>
    public string Title { get; private set; }

    /// <summary>The draft content, possibly starting with a 【hint】 for the agent.</summary>
    public string Content { get; private set; }

    /// <summary>What agents see; null until the phrase is first published.</summary>
    public string? PublishedTitle { get; private set; }

    public string? PublishedContent { get; private set; }

    public DateTime? PublishedAt { get; private set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsPublished => PublishedTitle is not null;

    /// <summary>Saved changes agents do not see yet (a new phrase, or an edit of a published one).</summary>
    public bool HasUnpublishedChanges => PublishedTitle != Title || PublishedContent != Content;

    public static RuleViolation? Check(string? title, string? content) =>
        string.IsNullOrWhiteSpace(title) ? new RuleViolation("Required", "CannedPhrase.Title")
        : title.Trim().Length > TitleMaxLength ? new RuleViolation("TooLong", "CannedPhrase.Title", TitleMaxLength)
        : string.IsNullOrWhiteSpace(content) ? new RuleViolation("Required", "CannedPhrase.Content")
        : content.Trim().Length > ContentMaxLength ? new RuleViolation("TooLong", "CannedPhrase.Content", ContentMaxLength)
        : null;

    /// <summary>
    /// The text put into the agent's input box: the content without a leading 【hint】, which is a note for the agent
    /// (“【退货】…”) and not for the visitor. Content without a closed leading hint is inserted unchanged.
    /// </summary>
    public static string InsertionText(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var trimmed = content.TrimStart();
        if (trimmed.Length == 0 || trimmed[0] != HintOpen)
        {
            return content;
        }

        var close = trimmed.IndexOf(HintClose, 1);
        return close < 0 ? content : trimmed[(close + 1)..].TrimStart();
    }

    /// <summary>The text of a leading 【hint】 (without brackets), or null when the content has none.</summary>
    public static string? Hint(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var trimmed = content.TrimStart();
        if (trimmed.Length == 0 || trimmed[0] != HintOpen)
        {
            return null;
        }

        var close = trimmed.IndexOf(HintClose, 1);
        return close < 0 ? null : trimmed[1..close].Trim();
    }

    /// <summary>Saves a new draft; agents keep the published version until <see cref="Publish"/>.</summary>
    public void Edit(string title, string content)
    {
        RuleViolationException.ThrowIf(Check(title, content));
        Title = title.Trim();
        Content = content.Trim();
    }

    public void MoveTo(int groupId) => GroupId = groupId;

    /// <summary>立即生效: agents see the draft from now on.</summary>
    public void Publish(DateTime utcNow)
    {
        PublishedTitle = Title;
        PublishedContent = Content;
        PublishedAt = utcNow;
    }
}
