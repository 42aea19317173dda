using CustomerService.Domain.Organisation;

namespace CustomerService.Domain.Visitors;

/// <summary>
/// One page a visitor opened (SPEC E3 用户轨迹), with what the server derived from it when it was recorded: source and
/// keyword, key-page type, browser, OS, terminal and region. Visits, pages per visit and dwell time are read from the
/// sequence of these rows.
/// </summary>
public class PageView
{
    public const int UrlMaxLength = Common.InputLimits.PageUrl;
    public const int TitleMaxLength = Common.InputLimits.PageTitle;

    private PageView()
    {
        Url = string.Empty;
    }

    public PageView(long visitorId, string url, string? title, string? referrer, DateTime viewedAt, TrafficSource source,
        KeyPageType? keyPageType, UserAgentInfo userAgent, string? region, string? ip)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(userAgent);
        VisitorId = visitorId;
        Url = Cut(url, UrlMaxLength)!;
        Title = Cut(title, TitleMaxLength);
        Referrer = Cut(referrer, UrlMaxLength);
        ViewedAt = viewedAt;
        SourceKind = source.Kind;
        SearchEngine = source.Engine;
        Keyword = source.Keyword;
        ReferrerHost = Cut(source.ReferrerHost, 255);
        KeyPageType = keyPageType;
        Browser = userAgent.Browser;
        OperatingSystem = userAgent.OperatingSystem;
        Terminal = userAgent.Terminal;
        Region = Cut(region, 64);
        Ip = Cut(ip, 64);
    }

    public long Id { get; private set; }
    public long VisitorId { get; private set; }
    public string Url { get; private set; }
    public string? Title { get; private set; }
    public string? Referrer { get; private set; }
    public DateTime ViewedAt { get; private set; }
    public TrafficSourceKind SourceKind { get; private set; }
    public SearchEngine? SearchEngine { get; private set; }
    public string? Keyword { get; private set; }
    public string? ReferrerHost { get; private set; }
    public KeyPageType? KeyPageType { get; private set; }
    public BrowserKind Browser { get; private set; }
    public OperatingSystemKind OperatingSystem { get; private set; }
    public Terminal Terminal { get; private set; }

    /// <summary>Null when the region resolver could not tell (shown as 未知).</summary>
    public string? Region { get; private set; }

    public string? Ip { get; private set; }

    /// <summary>
    /// The widget's beacon and the chat page's session both report the page a chat starts from, and a reload reports it
    /// again: the same address within this window of the visitor's last view is that view, not a new one.
    /// </summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(1);

    public bool IsRepeatedBy(string url, DateTime now) =>
        string.Equals(Url, Cut(url, UrlMaxLength), StringComparison.Ordinal) && now - ViewedAt < RepeatWindow;

    /// <summary>The source as classified when the page was viewed.</summary>
    public TrafficSource Source() => new(SourceKind, SearchEngine, Keyword, ReferrerHost);

    private static string? Cut(string? value, int max) => string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}
