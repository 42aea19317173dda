using CustomerService.Domain.Organisation;
using CustomerService.Domain.Visitors;

namespace CustomerService.Domain.Reporting;

/// <summary>A consultation (a conversation that reached an agent) as 咨询发起 and 用户分析 see it.</summary>
/// <param name="Invited">It started from an agent's invitation the visitor accepted (主动邀请, SPEC D13).</param>
public sealed record OriginConsultation(
    long ConversationId, long VisitorId, DateTime RequestedAt, string? StartPageUrl, string? StartPageTitle, bool Valid, bool Invited = false);

/// <summary>A page view of a visitor of those consultations (the trajectory beacon's facts, SPEC E3).</summary>
public sealed record OriginPageView(
    long VisitorId, DateTime ViewedAt, TrafficSourceKind SourceKind, SearchEngine? Engine, string? Keyword,
    KeyPageType? KeyPage, Terminal Terminal, string? Region);

/// <summary>One start page (发起页) with its consultations and the key-page funnel of its valid ones (SPEC I0).</summary>
public sealed record StartPageFigures(string Url, string? Title, long Consultations, long Valid, long OrderFill, long OrderSubmit, long Payment);

/// <summary>A labelled count (来源, 关键词, 终端, 地域); the label is a stable key the page localizes where it is an enum.</summary>
public sealed record OriginCount(string Key, long Consultations);

/// <summary>咨询发起 and 用户分析 of a period: start pages, sources, keywords, terminals, regions, consultations per local hour.</summary>
public sealed record OriginFigures(
    IReadOnlyList<StartPageFigures> StartPages,
    IReadOnlyList<OriginCount> Sources,
    IReadOnlyList<OriginCount> Keywords,
    IReadOnlyList<OriginCount> Terminals,
    IReadOnlyList<OriginCount> Regions,
    IReadOnlyList<long> ByHour);

/// <summary>
/// 咨询发起 (seed 002 数据分析; SPEC I0 key-page funnel) and 用户分析 (终端, 地域, 咨询习惯), from facts:
/// <list type="bullet">
/// <item>A consultation's source (来源) is that of the visitor's latest page view at or before the request that did not
/// come from his own site (the entry of the visit); none: 直接访问. Its keyword is that view's search keyword.</item>
/// <item>A consultation that started from an accepted invitation has the source 「主动邀请」 (<see cref="InvitationSource"/>)
/// whatever brought the visitor to the site: the agent started it, not the visitor (seed 004 主动发起对话). Its keyword
/// still counts, because the keyword says how the visitor found the site, not who started the talk.</item>
/// <item>Its terminal and region are those of the visitor's latest page view at or before the request; none: unknown.</item>
/// <item>Per start page, 订单填写 / 订单提交 / 订单支付 = distinct visitors with a valid consultation from that page who
/// then viewed an OrderFill / OrderSuccess / Payment key page within the attribution window after its request.</item>
/// <item>Lists are ordered by count, then key; regions keep the top 50 (002 地域 top 50), keywords the top 100.</item>
/// </list>
/// </summary>
public static class ConsultationOrigins
{
    public const string Unknown = "unknown";

    /// <summary>The source key of consultations started by an accepted invitation (主动邀请).</summary>
    public const string InvitationSource = "Invitation";
    public const int TopRegions = 50;
    public const int TopKeywords = 100;

    public static OriginFigures Analyze(
        IReadOnlyList<OriginConsultation> consultations, IReadOnlyList<OriginPageView> pageViews, TimeSpan window, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(consultations);
        ArgumentNullException.ThrowIfNull(pageViews);
        ArgumentNullException.ThrowIfNull(zone);
        var views = pageViews.GroupBy(v => v.VisitorId).ToDictionary(g => g.Key, g => g.OrderBy(v => v.ViewedAt).ToList());
        var sources = new Dictionary<string, long>();
        var keywords = new Dictionary<string, long>();
        var terminals = new Dictionary<string, long>();
        var regions = new Dictionary<string, long>();
        var byHour = new long[24];
        foreach (var consultation in consultations)
        {
            var before = views.TryGetValue(consultation.VisitorId, out var list)
                ? list.Where(v => v.ViewedAt <= consultation.RequestedAt).ToList()
                : [];
            var entry = before.LastOrDefault(v => v.SourceKind != TrafficSourceKind.Internal);
            Add(sources, consultation.Invited ? InvitationSource : entry is null ? nameof(TrafficSourceKind.Direct) : SourceKey(entry));
            if (entry?.Keyword is { Length: > 0 } keyword)
            {
                Add(keywords, keyword);
            }

            var latest = before.LastOrDefault();
            Add(terminals, latest?.Terminal.ToString() ?? Unknown);
            Add(regions, string.IsNullOrWhiteSpace(latest?.Region) ? Unknown : latest.Region);
            byHour[TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(consultation.RequestedAt, DateTimeKind.Utc), zone).Hour]++;
        }

        return new OriginFigures(
            StartPages(consultations, views, window),
            Ordered(sources, int.MaxValue),
            Ordered(keywords, TopKeywords),
            Ordered(terminals, int.MaxValue),
            Ordered(regions, TopRegions),
            byHour);
    }

    private static List<StartPageFigures> StartPages(
        IReadOnlyList<OriginConsultation> consultations, Dictionary<long, List<OriginPageView>> views, TimeSpan window)
    {
        var pages = new List<StartPageFigures>();
        foreach (var page in consultations.GroupBy(c => c.StartPageUrl ?? string.Empty))
        {
            var valid = page.Where(c => c.Valid).ToList();
            long Reached(KeyPageType type) => valid
                .Where(c => views.TryGetValue(c.VisitorId, out var list)
                    && list.Any(v => v.KeyPage == type && v.ViewedAt > c.RequestedAt && v.ViewedAt <= c.RequestedAt + window))
                .Select(c => c.VisitorId).Distinct().LongCount();
            pages.Add(new StartPageFigures(
                page.Key,
                page.Select(c => c.StartPageTitle).FirstOrDefault(t => !string.IsNullOrEmpty(t)),
                page.LongCount(),
                valid.Count,
                Reached(KeyPageType.OrderFill),
                Reached(KeyPageType.OrderSuccess),
                Reached(KeyPageType.Payment)));
        }

        return [.. pages.OrderByDescending(p => p.Consultations).ThenBy(p => p.Url, StringComparer.Ordinal)];
    }

    private static string SourceKey(OriginPageView view) =>
        view.SourceKind == TrafficSourceKind.SearchEngine && view.Engine is { } engine ? $"{nameof(TrafficSourceKind.SearchEngine)}.{engine}" : view.SourceKind.ToString();

    private static void Add(Dictionary<string, long> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static List<OriginCount> Ordered(Dictionary<string, long> counts, int top) =>
        [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(top).Select(kv => new OriginCount(kv.Key, kv.Value))];
}
