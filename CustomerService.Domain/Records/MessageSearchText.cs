using System.Text;

namespace CustomerService.Domain.Records;

/// <summary>
/// The searchable form of a message's text for the keyword search (SPEC G2, issue 12), used both when a message is
/// indexed and when a keyword is turned into a query, so the two can never tokenize differently.
/// </summary>
/// <remarks>
/// SQLite's FTS5 tokenizers see a run of Chinese characters as one word (unicode61) or need 3 characters (trigram), so
/// neither finds 退款 inside 我要退款. Every run of CJK characters is therefore written as its overlapping bigrams
/// (我要退款 → 我要 要退 退款); a lone CJK character stays as it is. Everything else is left to the tokenizer: Latin words
/// and numbers are whole tokens, case-folded (iPhone, order numbers). Text is NFKC-normalised first so full-width
/// letters and digits (ｉＰｈｏｎｅ, １２３) meet their ASCII forms.
/// A keyword becomes one FTS5 phrase of the same tokens: its bigrams must follow each other, which for Chinese is
/// exactly “contains this substring”. A keyword ending in a Latin word, a number or a lone CJK character ends in a
/// prefix token, so “iPhon” finds iPhone and “A店” finds “A店铺”. Not found: a Latin fragment from inside a word
/// (“phone” in iPhone) and a keyword that starts with a lone CJK character glued to Latin text (“款ok” in “退款ok”).
/// </remarks>
public static class MessageSearchText
{
    /// <summary>The indexed form of <paramref name="text"/>: CJK runs as bigrams, the rest as written.</summary>
    public static string Index(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var output = new StringBuilder(text.Length * 3);
        var run = new List<Rune>();
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (IsBigramScript(rune))
            {
                run.Add(rune);
                continue;
            }

            WriteRun(output, run);
            output.Append(rune.ToString());
        }

        WriteRun(output, run);
        return output.ToString();
    }

    /// <summary>
    /// The FTS5 match expression for a keyword: one phrase of the keyword's tokens, or null when the keyword holds no
    /// letter or digit at all (punctuation only), which the index cannot find.
    /// </summary>
    public static string? Query(string keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        var normalized = keyword.Trim().Normalize(NormalizationForm.FormKC);
        var runes = normalized.EnumerateRunes().ToList();
        if (!runes.Any(IsWordCharacter))
        {
            return null;
        }

        var phrase = "\"" + Index(normalized).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return EndsInOpenToken(runes) ? phrase + " *" : phrase;
    }

    /// <summary>Han, kana and Hangul: scripts written without spaces between words.</summary>
    public static bool IsBigramScript(Rune rune) => rune.Value switch
    {
        >= 0x3040 and <= 0x30FF => true, // Hiragana, Katakana
        >= 0x3400 and <= 0x4DBF => true, // CJK Extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK Unified Ideographs
        >= 0xAC00 and <= 0xD7AF => true, // Hangul syllables
        >= 0xF900 and <= 0xFAFF => true, // CJK Compatibility Ideographs
        >= 0x20000 and <= 0x323AF => true, // CJK Extensions B–H
        _ => false,
    };

    private static void WriteRun(StringBuilder output, List<Rune> run)
    {
        if (run.Count == 0)
        {
            return;
        }

        output.Append(' ');
        if (run.Count == 1)
        {
            output.Append(run[0].ToString());
        }

        for (var i = 0; i + 1 < run.Count; i++)
        {
            output.Append(run[i].ToString()).Append(run[i + 1].ToString()).Append(' ');
        }

        output.Append(' ');
        run.Clear();
    }

    // The last token may continue in the text: a Latin word or number (iPhon → iPhone), or a lone CJK character whose
    // bigram in the text starts with it. A final CJK run of two or more is complete: its last bigram is exact.
    private static bool EndsInOpenToken(List<Rune> runes)
    {
        var last = runes.FindLastIndex(IsWordCharacter);
        if (!IsBigramScript(runes[last]))
        {
            return true;
        }

        return last == 0 || !IsBigramScript(runes[last - 1]);
    }

    private static bool IsWordCharacter(Rune rune) => IsBigramScript(rune) || Rune.IsLetterOrDigit(rune);
}
