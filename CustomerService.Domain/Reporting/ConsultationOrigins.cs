using CustomerService.Domain.Organisation;
using CustomerService.Domain.Visitors;

namespace CustomerService.Domain.Reporting;

/// <summary>A consultation (a conversation that reached an agent) as 咨询发起 and 用户分析 see it.</summary>
/// <param name="Invited">It started from an agent's invitation the visitor accepted (主动邀请, SPEC D13).</param>
/// <param name="AgentId">The agent it is credited to (responsible when it ended), for a roll per agent.</param>
public sealed record OriginConsultation(
    long ConversationId, long VisitorId, DateTime RequestedAt, string? StartPageUrl, string? StartPageTitle, bool Valid, bool Invited = false,
    int? AgentId = null);

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
        IReadOnlyList<OriginConsultation> consultations, IReadOnlyList<OriginPageView> pageViews, TimeSpan window, TimeZoneInfo zone) =>
        Tally(consultations, pageViews, window, zone).ToFigures();

    /// <summary>The tally of all the consultations (what <see cref="Analyze"/> orders and cuts).</summary>
    public static OriginTally Tally(
        IReadOnlyList<OriginConsultation> consultations, IReadOnlyList<OriginPageView> pageViews, TimeSpan window, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(consultations);
        ArgumentNullException.ThrowIfNull(pageViews);
        ArgumentNullException.ThrowIfNull(zone);
        var tally = new OriginTally();
        var views = ByVisitor(pageViews);
        foreach (var consultation in consultations)
        {
            Count(tally, consultation, views, window, zone);
        }

        return tally;
    }

    /// <summary>
    /// One tally per agent the consultations are credited to (<see cref="OriginConsultation.AgentId"/>), as a day is
    /// rolled: merged, they are exactly the tally of them all.
    /// </summary>
    public static Dictionary<int, OriginTally> TallyByAgent(
        IReadOnlyList<OriginConsultation> consultations, IReadOnlyList<OriginPageView> pageViews, TimeSpan window, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(consultations);
        ArgumentNullException.ThrowIfNull(pageViews);
        ArgumentNullException.ThrowIfNull(zone);
        var views = ByVisitor(pageViews);
        var tallies = new Dictionary<int, OriginTally>();
        foreach (var consultation in consultations)
        {
            var agent = consultation.AgentId ?? throw new ArgumentException("Every consultation of a roll has an agent.", nameof(consultations));
            if (!tallies.TryGetValue(agent, out var tally))
            {
                tally = new OriginTally();
                tallies[agent] = tally;
            }

            Count(tally, consultation, views, window, zone);
        }

        return tallies;
    }

    private static Dictionary<long, List<OriginPageView>> ByVisitor(IReadOnlyList<OriginPageView> pageViews) =>
        pageViews.GroupBy(v => v.VisitorId).ToDictionary(g => g.Key, g => g.OrderBy(v => v.ViewedAt).ToList());

    private static void Count(
        OriginTally tally, OriginConsultation consultation, Dictionary<long, List<OriginPageView>> views, TimeSpan window, TimeZoneInfo zone)
    {
        var list = views.GetValueOrDefault(consultation.VisitorId) ?? [];
        var before = list.Where(v => v.ViewedAt <= consultation.RequestedAt).ToList();
        var entry = before.LastOrDefault(v => v.SourceKind != TrafficSourceKind.Internal);
        OriginTally.Count(tally.Sources, consultation.Invited ? InvitationSource : entry is null ? nameof(TrafficSourceKind.Direct) : SourceKey(entry));
        if (entry?.Keyword is { Length: > 0 } keyword)
        {
            OriginTally.Count(tally.Keywords, keyword);
        }

        var latest = before.LastOrDefault();
        OriginTally.Count(tally.Terminals, latest?.Terminal.ToString() ?? Unknown);
        OriginTally.Count(tally.Regions, string.IsNullOrWhiteSpace(latest?.Region) ? Unknown : latest.Region);
        tally.ByHour[TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(consultation.RequestedAt, DateTimeKind.Utc), zone).Hour]++;

        var page = tally.PageOf(consultation.StartPageUrl ?? string.Empty);
        page.Consultations++;
        if (string.IsNullOrEmpty(page.Title) && !string.IsNullOrEmpty(consultation.StartPageTitle))
        {
            page.Title = consultation.StartPageTitle;
        }

        if (!consultation.Valid)
        {
            return;
        }

        page.Valid++;
        bool Reached(KeyPageType type) =>
            list.Any(v => v.KeyPage == type && v.ViewedAt > consultation.RequestedAt && v.ViewedAt <= consultation.RequestedAt + window);
        if (Reached(KeyPageType.OrderFill))
        {
            page.OrderFill.Add(consultation.VisitorId);
        }

        if (Reached(KeyPageType.OrderSuccess))
        {
            page.OrderSubmit.Add(consultation.VisitorId);
        }

        if (Reached(KeyPageType.Payment))
        {
            page.Payment.Add(consultation.VisitorId);
        }
    }

    private static string SourceKey(OriginPageView view) =>
        view.SourceKind == TrafficSourceKind.SearchEngine && view.Engine is { } engine ? $"{nameof(TrafficSourceKind.SearchEngine)}.{engine}" : view.SourceKind.ToString();
}
