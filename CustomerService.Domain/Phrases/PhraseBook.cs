namespace CustomerService.Domain.Phrases;

/// <summary>
/// The published phrases one agent may use (enterprise first, then his own), and the input-box suggestions over them
/// (SPEC F6: suggestions as you type; seed 003 JD 咚咚: “/” followed by a keyword picks phrases by title).
/// </summary>
public sealed class PhraseBook(IReadOnlyList<PublishedPhrase> phrases)
{
    /// <summary>Typing this first asks for phrases by title keyword (<c>/退货</c>).</summary>
    public const char KeywordPrefix = '/';

    public static PhraseBook Empty { get; } = new([]);

    public IReadOnlyList<PublishedPhrase> Phrases { get; } = phrases;

    /// <summary>
    /// Suggestions for what the agent has typed, best first, at most <paramref name="max"/>:
    /// <list type="bullet">
    /// <item><c>/kw</c>: phrases whose title starts with <c>kw</c> (a bare <c>/</c> lists every phrase);</item>
    /// <item>other text: titles starting with it, then titles containing it, then contents starting with it, then
    /// contents containing it (a 【hint】 counts as content, so agents can find phrases by their hints).</item>
    /// </list>
    /// Matching ignores case and surrounding spaces; blank input suggests nothing, so an empty box stays quiet.
    /// </summary>
    public IReadOnlyList<PublishedPhrase> Suggest(string? input, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (max == 0 || string.IsNullOrWhiteSpace(input))
        {
            return [];
        }

        var text = input.Trim();
        if (text[0] == KeywordPrefix)
        {
            var keyword = text[1..].Trim();
            return Phrases.Where(p => p.Title.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)).Take(max).ToList();
        }

        return Phrases
            .Select(phrase => (Phrase: phrase, Rank: Rank(phrase, text)))
            .Where(match => match.Rank is not null)
            .OrderBy(match => match.Rank) // OrderBy is stable: equal ranks keep the book's order.
            .Take(max)
            .Select(match => match.Phrase)
            .ToList();
    }

    /// <summary>
    /// The phrase an agent means by <c>/kw</c> + Enter: the one titled exactly <c>kw</c>, else the only title starting
    /// with it; null when there is none or the keyword is ambiguous (the suggestion list lets him choose).
    /// </summary>
    public PublishedPhrase? FindByKeyword(string? input)
    {
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text) || text[0] != KeywordPrefix || text[1..].Trim() is not { Length: > 0 } keyword)
        {
            return null;
        }

        var matches = Phrases.Where(p => p.Title.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.FirstOrDefault(p => string.Equals(p.Title, keyword, StringComparison.OrdinalIgnoreCase))
            ?? (matches.Count == 1 ? matches[0] : null);
    }

    private static int? Rank(PublishedPhrase phrase, string text) =>
        phrase.Title.StartsWith(text, StringComparison.OrdinalIgnoreCase) ? 0
        : phrase.Title.Contains(text, StringComparison.OrdinalIgnoreCase) ? 1
        : phrase.InsertionText.StartsWith(text, StringComparison.OrdinalIgnoreCase) ? 2
        : phrase.Content.Contains(text, StringComparison.OrdinalIgnoreCase) ? 3
        : null;
}
