using System.Text;
using System.Text.RegularExpressions;

namespace CustomerService.Domain.Visitors;

/// <summary>How a visitor reached the merchant's site (SPEC E3 来源).</summary>
public enum TrafficSourceKind
{
    /// <summary>No referrer: typed address, bookmark, app link, or a referrer the browser withheld.</summary>
    Direct,

    /// <summary>From another page of the same site: a step of the current visit, not a new source.</summary>
    Internal,

    /// <summary>From a known search engine; the keyword is known when the referrer still carries the query.</summary>
    SearchEngine,

    /// <summary>From any other site (外部链接).</summary>
    Referral,
}

/// <summary>
/// The source of a page view, derived from its referrer and the host of the page itself (SPEC E3): search engine name
/// and keyword, direct, referral, or internal navigation.
/// <para>
/// A referrer counts as a search engine when its host belongs to the engine's domain and it either is one of the
/// engine's search hosts (www.baidu.com, m.baidu.com, cn.bing.com…) or carries the engine's keyword parameter: so
/// <c>m5.baidu.com/s?word=…</c> is a search, <c>tieba.baidu.com/p/1</c> is a referral. Modern engines often send
/// only their origin (<c>https://www.google.com/</c>); that is still a search, without a keyword.
/// </para>
/// <para>
/// Keywords are percent-decoded as UTF-8, or as GB18030 when the referrer says so (<c>ie=gbk</c>, Baidu's and Sogou's
/// legacy links) or its bytes are not valid UTF-8; they are trimmed to <see cref="KeywordMaxLength"/> characters.
/// </para>
/// </summary>
public sealed partial record TrafficSource(
    TrafficSourceKind Kind, SearchEngine? Engine = null, string? Keyword = null, string? ReferrerHost = null)
{
    public const int KeywordMaxLength = 100;

    // Order matters only where domains could overlap; they do not. Prefixes are the labels before the engine's domain
    // (after a leading "www."), matched as a whole or as the last labels ("m" covers "yz.m.sm.cn").
    private static readonly EngineRule[] Engines =
    [
        new(SearchEngine.Baidu, BaiduDomain(), ["", "m", "wap"], ["wd", "word"]),
        new(SearchEngine.Google, GoogleDomain(), [""], ["q"]),
        new(SearchEngine.Bing, BingDomain(), ["", "cn", "global"], ["q"]),
        new(SearchEngine.Sogou, SogouDomain(), ["", "m", "wap"], ["query", "keyword"]),
        new(SearchEngine.Qihoo360, So360Domain(), ["", "m"], ["q"]),
        new(SearchEngine.Shenma, ShenmaDomain(), ["", "m"], ["q"]),
        new(SearchEngine.Yahoo, YahooDomain(), ["search"], ["p"]),
        new(SearchEngine.Youdao, YoudaoDomain(), ["", "m"], ["q"]),
    ];

    // Parameters naming the keyword's charset: Baidu and 360 use ie, Sogou ie / oe.
    private static readonly string[] CharsetParameters = ["ie", "oe", "inputencoding"];

    public static TrafficSource Direct { get; } = new(TrafficSourceKind.Direct);

    /// <summary>False for <see cref="TrafficSourceKind.Internal"/>: the visit keeps the source it started with.</summary>
    public bool IsNewSource => Kind != TrafficSourceKind.Internal;

    /// <param name="referrer">The page view's referrer (<c>document.referrer</c>), absolute or empty.</param>
    /// <param name="siteHost">The host of the viewed page itself; <c>www.</c> and case are ignored.</param>
    public static TrafficSource Classify(string? referrer, string? siteHost)
    {
        if (string.IsNullOrWhiteSpace(referrer)
            || !Uri.TryCreate(referrer.Trim(), UriKind.Absolute, out var uri)
            || string.IsNullOrEmpty(uri.Host))
        {
            // An unparsable referrer tells nothing about the source.
            return Direct;
        }

        var host = NormaliseHost(uri.Host);
        if (!string.IsNullOrWhiteSpace(siteHost) && host == NormaliseHost(siteHost))
        {
            return new(TrafficSourceKind.Internal, ReferrerHost: host);
        }

        var query = ParseQuery(RawQuery(referrer));
        foreach (var rule in Engines)
        {
            if (rule.Recognises(host, query) is { } keywordFound)
            {
                var keyword = keywordFound.Value is { } raw ? DecodeKeyword(raw, query) : null;
                return new(TrafficSourceKind.SearchEngine, rule.Engine, keyword, host);
            }
        }

        return new(TrafficSourceKind.Referral, ReferrerHost: host);
    }

    private static string NormaliseHost(string host)
    {
        var normalised = host.Trim().TrimEnd('.').ToLowerInvariant();
        return normalised.StartsWith("www.", StringComparison.Ordinal) ? normalised[4..] : normalised;
    }

    // Taken from the original text: Uri would unescape or re-escape parts of a GBK-encoded query.
    private static string RawQuery(string url)
    {
        var start = url.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        var end = url.IndexOf('#', start);
        return end < 0 ? url[(start + 1)..] : url[(start + 1)..end];
    }

    private static List<KeyValuePair<string, string>> ParseQuery(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => KeyValuePair.Create(parts[0].ToLowerInvariant(), parts.Length > 1 ? parts[1] : string.Empty))
            .ToList();

    private static string? DecodeKeyword(string raw, List<KeyValuePair<string, string>> query)
    {
        var bytes = PercentDecode(raw);
        var charset = query.FirstOrDefault(p => CharsetParameters.Contains(p.Key)).Value?.ToLowerInvariant() ?? string.Empty;
        var declaredChinese = charset.StartsWith("gb", StringComparison.Ordinal);

        var text = !declaredChinese && IsValidUtf8(bytes) ? Encoding.UTF8.GetString(bytes) : Gb18030().GetString(bytes);
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0)
        {
            return null;
        }

        return text.Length <= KeywordMaxLength ? text : text[..KeywordMaxLength];
    }

    private static byte[] PercentDecode(string raw)
    {
        var bytes = new List<byte>(raw.Length);
        var literal = new StringBuilder();
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '%' && i + 2 < raw.Length && IsHex(raw[i + 1]) && IsHex(raw[i + 2]))
            {
                FlushLiteral();
                bytes.Add(Convert.ToByte(raw.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                // Browsers escape non-ASCII, but a hand-written referrer may not: take it as text.
                literal.Append(raw[i] == '+' ? ' ' : raw[i]);
            }
        }

        FlushLiteral();
        return [.. bytes];

        void FlushLiteral()
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(literal.ToString()));
            literal.Clear();
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static bool IsValidUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static Encoding Gb18030() => CodePagesEncodingProvider.Instance.GetEncoding(54936) ?? Encoding.UTF8;

    private sealed record EngineRule(SearchEngine Engine, Regex Domain, string[] SearchHostPrefixes, string[] KeywordParameters)
    {
        /// <summary>Null when the host is not this engine's search; otherwise the raw keyword, if any.</summary>
        public KeywordFound? Recognises(string host, List<KeyValuePair<string, string>> query)
        {
            // Hosts come from a parsed Uri (at most 255 characters) and the patterns are linear.
            var match = Domain.Match(host);
            if (!match.Success)
            {
                return null;
            }

            var raw = KeywordParameters
                .Select(name => query.FirstOrDefault(p => p.Key == name && p.Value.Length > 0).Value)
                .FirstOrDefault(value => value is not null);
            var prefix = host[..match.Index].TrimEnd('.');
            var isSearchHost = SearchHostPrefixes.Any(p => prefix == p || (p.Length > 0 && prefix.EndsWith("." + p, StringComparison.Ordinal)));

            return isSearchHost || raw is not null ? new KeywordFound(raw) : null;
        }
    }

    private readonly record struct KeywordFound(string? Value);

    [GeneratedRegex(@"(?<=^|\.)baidu\.com$")]
    private static partial Regex BaiduDomain();

    [GeneratedRegex(@"(?<=^|\.)google(\.com?)?\.[a-z]{2,3}$")]
    private static partial Regex GoogleDomain();

    [GeneratedRegex(@"(?<=^|\.)bing\.com$")]
    private static partial Regex BingDomain();

    [GeneratedRegex(@"(?<=^|\.)sogou\.com$")]
    private static partial Regex SogouDomain();

    [GeneratedRegex(@"(?<=^|\.)so\.com$")]
    private static partial Regex So360Domain();

    [GeneratedRegex(@"(?<=^|\.)sm\.cn$")]
    private static partial Regex ShenmaDomain();

    [GeneratedRegex(@"(?<=^|\.)yahoo(\.com?)?\.[a-z]{2,3}$")]
    private static partial Regex YahooDomain();

    [GeneratedRegex(@"(?<=^|\.)youdao\.com$")]
    private static partial Regex YoudaoDomain();
}
