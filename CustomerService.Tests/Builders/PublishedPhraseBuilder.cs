using CustomerService.Domain.Phrases;

namespace CustomerService.Tests.Builders;

/// <summary>
/// Published phrases for phrase-book tests, with unique ids, an enterprise group and a content of their own unless the
/// test says otherwise: <c>new PublishedPhraseBuilder().Titled("退货").WithContent("【退货】您好").Build()</c>.
/// </summary>
public sealed class PublishedPhraseBuilder
{
    private static int _sequence;

    private readonly int _id = Interlocked.Increment(ref _sequence);
    private string _title = "问候";
    private string? _content;
    private bool _isEnterprise = true;
    private string _groupName = "通用";

    public PublishedPhraseBuilder Titled(string title)
    {
        _title = title;
        return this;
    }

    public PublishedPhraseBuilder WithContent(string content)
    {
        _content = content;
        return this;
    }

    public PublishedPhraseBuilder Personal()
    {
        _isEnterprise = false;
        return this;
    }

    public PublishedPhraseBuilder InGroup(string groupName)
    {
        _groupName = groupName;
        return this;
    }

    public PublishedPhrase Build() => new(_id, _isEnterprise, GroupId: 1, _groupName, _title, _content ?? $"{_title}的回复内容");

    /// <summary>A book of phrases with these titles (contents derived from the titles), in this order.</summary>
    public static PhraseBook BookOf(params string[] titles) =>
        new(titles.Select(title => new PublishedPhraseBuilder().Titled(title).Build()).ToList());
}
