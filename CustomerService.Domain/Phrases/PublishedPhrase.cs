namespace CustomerService.Domain.Phrases;

/// <summary>A phrase as agents see it: its published title and content, and the group it is filed under.</summary>
public sealed record PublishedPhrase(int Id, bool IsEnterprise, int GroupId, string GroupName, string Title, string Content)
{
    /// <summary>What goes into the input box: the content without its leading 【hint】.</summary>
    public string InsertionText => CannedPhrase.InsertionText(Content);

    /// <summary>The 【hint】 shown next to the phrase, or null.</summary>
    public string? Hint => CannedPhrase.Hint(Content);
}
