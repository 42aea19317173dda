using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CustomerService.Data;
using CustomerService.Data.Search;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Orders;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;
using CustomerService.Domain.Visitors;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Records;

/// <summary>
/// The one query of 互动记录 (SPEC G1, G2): the consultations an account sees (the data scope is the starting query),
/// requested in a UTC range, narrowed by a list of the navigation and the search. Every criterion is an indexed column of
/// Conversations or one correlated lookup on an indexed column (participants by conversation, orders by user and time,
/// page views by visitor and time, the visitor's earlier conversations by visitor and time), so a page of the newest
/// rows stays a short index walk. Lists, counts, the transcript's previous / next and exports all build on this.
/// </summary>
public sealed class RecordQueryBuilder(CustomerServiceDbContext db, TimeSpan attributionWindow)
{
    /// <summary>How long after a consultation an order still counts as bought through it (SPEC I0, setting K).</summary>
    public TimeSpan AttributionWindow => attributionWindow;

    /// <summary>
    /// The start page's view: the widget's beacon and the session start both report the page a chat starts from, the
    /// latter just after the conversation exists (and a repeat within <see cref="PageView.RepeatWindow"/> is the same
    /// view), so it is the visitor's latest view of <see cref="Conversation.StartPageUrl"/> up to that long after the request.
    /// </summary>
    private static readonly double StartViewSlackMinutes = PageView.RepeatWindow.TotalMinutes;

    /// <param name="scope">The account's visible conversations (<c>VisibleData.Conversations(db)</c>).</param>
    public IQueryable<Conversation> Build(
        IQueryable<Conversation> scope, DateTime fromUtc, DateTime toUtc, RecordList list, RecordFilter filter,
        IReadOnlyCollection<int>? consultationTypeIds = null, IReadOnlyCollection<long>? qcBandConversationIds = null, KeywordMatch? keywordMatch = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);

        // SPEC I0: a consultation reached an agent; a conversation belongs to the period it was requested in.
        var query = scope.Where(c => c.AssignedAt != null && c.RequestedAt >= fromUtc && c.RequestedAt < toUtc);
        query = ApplyList(query, list);
        if (qcBandConversationIds is not null)
        {
            query = query.Where(c => qcBandConversationIds.Contains(c.Id));
        }

        return ApplyFilter(query, filter, consultationTypeIds, keywordMatch);
    }

    /// <summary>Newest first; the keyset (RequestedAt, Id) is unique, so paging neither repeats nor skips a row.</summary>
    public static IQueryable<Conversation> Page(IQueryable<Conversation> query, RecordCursor? after, int size)
    {
        if (after is { } cursor)
        {
            var (at, id) = (cursor.RequestedAt, cursor.Id);
            query = query.Where(c => c.RequestedAt < at || (c.RequestedAt == at && c.Id < id));
        }

        return query.OrderByDescending(c => c.RequestedAt).ThenByDescending(c => c.Id).Take(size);
    }

    /// <summary>
    /// 已购买咨询, SPEC I0 as <see cref="OrderAttribution.IsPurchased"/> decides it for the reports: a valid conversation of
    /// a signed user followed by one of his 咨询订单 (not cancelled) placed in (requested, requested + window]. Written
    /// as SQL here so a list can filter and page on it; a test holds it to the report service's count.
    /// </summary>
    public Expression<Func<Conversation, bool>> IsPurchased() => Purchase(bought: true);

    /// <summary>未购买咨询: a valid conversation not followed by a 咨询订单 in the window (invalid ones are neither).</summary>
    public Expression<Func<Conversation, bool>> IsNotPurchased() => Purchase(bought: false);

    private Expression<Func<Conversation, bool>> Purchase(bool bought)
    {
        var windowDays = attributionWindow.TotalDays;
        return c => c.VisitorMessageCount > 0 && c.AgentMessageCount > 0
            && bought == db.Visitors.Any(v => v.Id == c.VisitorId && v.ExternalUserId != null
                && db.Orders.Any(o => o.UserId == v.ExternalUserId
                    && o.Type == OrderType.AfterConsultation && o.Status != OrderStatus.Cancelled
                    && o.PlacedAt > c.RequestedAt && o.PlacedAt <= c.RequestedAt.AddDays(windowDays)));
    }

    /// <summary>
    /// The navigation's twelve counts over <paramref name="all"/> (the period, scope and search as 全部咨询 builds them) in
    /// one pass: each conversation is classified once — valid, summarised, 已购买 (by <see cref="IsPurchased"/>, the
    /// purchased list's own rule) and, for a valid one, the key-page type of its start view (as <see cref="InStage"/>
    /// reads it) — and SQLite counts the few distinct classes (GROUP BY evaluates each lookup once a row; a count per list
    /// written as <c>COUNT(CASE …)</c> repeated the start-view lookup for each of the five stages, and 已购买 was a second
    /// scan: measured in ADR 018, a year). The lists' sums are then taken here. A test holds each count to its list's rows.
    /// </summary>
    public async Task<Dictionary<RecordList, int>> CountListsAsync(IQueryable<Conversation> all, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(all);
        var classes = await all.Select(Classify())
            .GroupBy(x => new { x.Valid, x.Summarized, x.Purchased, x.Start })
            .Select(g => new { g.Key.Valid, g.Key.Summarized, g.Key.Purchased, g.Key.Start, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var valid = classes.Where(x => x.Valid).ToList();
        int Stage(ConsultationStage stage) => valid.Where(x => ConsultationStages.Of(x.Start) == stage).Sum(x => x.Count);
        var (allCount, validCount) = (classes.Sum(x => x.Count), valid.Sum(x => x.Count));
        var (purchased, summarized) = (valid.Where(x => x.Purchased).Sum(x => x.Count), valid.Where(x => x.Summarized).Sum(x => x.Count));
        return new Dictionary<RecordList, int>
        {
            [RecordList.All] = allCount,
            [RecordList.Valid] = validCount,
            [RecordList.Purchased] = purchased,
            [RecordList.NotPurchased] = validCount - purchased,
            [RecordList.Summarized] = summarized,
            [RecordList.Unsummarized] = validCount - summarized,
            [RecordList.StageProduct] = Stage(ConsultationStage.Product),
            [RecordList.StageCart] = Stage(ConsultationStage.Cart),
            [RecordList.StageOrder] = Stage(ConsultationStage.Order),
            [RecordList.StagePayment] = Stage(ConsultationStage.Payment),
            [RecordList.StageOther] = Stage(ConsultationStage.Other),
            [RecordList.Invalid] = allCount - validCount,
        };
    }

    /// <summary>What the navigation counts of a conversation: its class (<see cref="CountListsAsync"/>).</summary>
    private Expression<Func<Conversation, NavigationClass>> Classify()
    {
        Expression<Func<Conversation, bool, NavigationClass>> shape = (c, purchased) => new NavigationClass
        {
            Valid = c.VisitorMessageCount > 0 && c.AgentMessageCount > 0,
            Summarized = c.SummarizedAt != null,
            Purchased = purchased,
            // Only a valid conversation has a stage: an invalid one costs no start-view lookup.
            Start = c.VisitorMessageCount > 0 && c.AgentMessageCount > 0
                ? db.PageViews
                    .Where(p => p.VisitorId == c.VisitorId && p.Url == c.StartPageUrl && p.ViewedAt <= c.RequestedAt.AddMinutes(StartViewSlackMinutes))
                    .OrderByDescending(p => p.ViewedAt)
                    .Select(p => p.KeyPageType)
                    .FirstOrDefault()
                : null,
        };
        var conversation = Expression.Parameter(typeof(Conversation), "c");
        var body = Expression.Invoke(shape, conversation, Expression.Invoke(IsPurchased(), conversation));
        return Expression.Lambda<Func<Conversation, NavigationClass>>(body, conversation);
    }

    private sealed class NavigationClass
    {
        public bool Valid { get; init; }

        public bool Summarized { get; init; }

        public bool Purchased { get; init; }

        public KeyPageType? Start { get; init; }
    }

    private static List<KeyPageType?> TypesOf(ConsultationStage stage) => [.. ConsultationStages.PageTypesOf(stage).Select(t => (KeyPageType?)t)];

    private IQueryable<Conversation> ApplyList(IQueryable<Conversation> query, RecordList list)
    {
        // SPEC D5 / ConsultationClassifier: valid = both the visitor and an agent sent a non-system message.
        var valid = list == RecordList.All || list == RecordList.Invalid
            ? query
            : query.Where(c => c.VisitorMessageCount > 0 && c.AgentMessageCount > 0);
        return list switch
        {
            RecordList.All => query,
            RecordList.Valid => valid,
            RecordList.Invalid => query.Where(c => c.VisitorMessageCount == 0 || c.AgentMessageCount == 0),
            RecordList.Purchased => valid.Where(IsPurchased()),
            RecordList.NotPurchased => valid.Where(IsNotPurchased()),
            RecordList.Summarized => valid.Where(c => c.SummarizedAt != null),
            RecordList.Unsummarized => valid.Where(c => c.SummarizedAt == null),
            RecordList.StageProduct => InStage(valid, ConsultationStage.Product),
            RecordList.StageCart => InStage(valid, ConsultationStage.Cart),
            RecordList.StageOrder => InStage(valid, ConsultationStage.Order),
            RecordList.StagePayment => InStage(valid, ConsultationStage.Payment),
            RecordList.StageOther => InStage(valid, ConsultationStage.Other),
            _ => throw new ArgumentOutOfRangeException(nameof(list)),
        };
    }

    private IQueryable<Conversation> ApplyFilter(IQueryable<Conversation> query, RecordFilter filter, IReadOnlyCollection<int>? typeIds, KeywordMatch? keywordMatch)
    {
        if (filter.TrimmedKeyword is { } keyword)
        {
            // 用户名称/ID or a word said in the conversation (system notices included: they name transfers and files).
            long? visitorId = long.TryParse(keyword, out var number) ? number : null;
            // The named visitors are found once, not looked up per conversation: a keyword that is no name then costs a
            // probe per conversation of the period instead of a visitor row each (measured in ADR 018).
            var namedVisitors = db.Visitors.Where(v => v.Name == keyword || v.ExternalUserId == keyword).Select(v => v.Id);
            var byVisitor = (Expression<Func<Conversation, bool>>)(c => c.VisitorId == visitorId || namedVisitors.Contains(c.VisitorId));
            query = query.Where(Or(byVisitor, Says(keyword, keywordMatch)));
        }

        if (filter.CanonicalIp is { } ip)
        {
            query = query.Where(c => c.VisitorIp == ip);
        }

        if (filter.AgentId is { } agentId)
        {
            // IN over the participants' (AgentId, JoinedAt) index: the agent's conversations are found first and
            // looked up by key, instead of testing every conversation of the period (measured: 252 ms → see ADR).
            query = query.Where(c => db.Participants.Where(p => p.AgentId == agentId).Select(p => p.ConversationId).Contains(c.Id));
        }

        if (filter.AccountGroupId is { } accountGroupId)
        {
            // “Took part” as for one agent, for any member of the group today (the account row holds the group, as the
            // data scope reads it): the members' participations, over the same (AgentId, JoinedAt) index.
            var members = db.Accounts.Where(a => a.AccountGroupId == accountGroupId).Select(a => a.Id);
            query = query.Where(c => db.Participants.Where(p => members.Contains(p.AgentId)).Select(p => p.ConversationId).Contains(c.Id));
        }

        if (filter.ReceptionGroupId is { } groupId)
        {
            query = query.Where(c => c.ReceptionGroupId == groupId);
        }

        if (filter.Rating is { } rating)
        {
            query = rating == RatingFilter.Unrated
                ? query.Where(c => c.EvaluationLevel == null)
                : query.Where(c => c.EvaluationLevel == (EvaluationLevel)(int)rating);
        }

        if (filter.ProblemSolved is { } solved)
        {
            query = query.Where(c => c.ProblemSolved == solved);
        }

        if (filter.Purchased is { } purchased)
        {
            query = query.Where(purchased ? IsPurchased() : IsNotPurchased());
        }

        if (filter.VisitCount is { } visits)
        {
            query = ApplyVisitCount(query, visits);
        }

        if (filter.ConsultationTypeId is { } typeId)
        {
            var ids = typeIds ?? [typeId];
            query = query.Where(c => c.SummaryTypeId != null && ids.Contains(c.SummaryTypeId.Value));
        }

        if (filter.Valid is { } isValid)
        {
            query = isValid
                ? query.Where(c => c.VisitorMessageCount > 0 && c.AgentMessageCount > 0)
                : query.Where(c => c.VisitorMessageCount == 0 || c.AgentMessageCount == 0);
        }

        if (filter.Vip is { } vip)
        {
            query = query.Where(c => c.IsVip == vip);
        }

        if (filter.TrimmedRegion is { } region)
        {
            // “广东省” finds “广东省 深圳市”; “广东省 深圳市” only that city.
            var cityPrefix = region + " ";
            query = WhereStartView(query, p => p.Region == region || (p.Region != null && p.Region.StartsWith(cityPrefix)));
        }

        if (filter.Source is { } source)
        {
            query = source switch
            {
                SourceFilter.Direct => WhereStartView(query, p => p.SourceKind == TrafficSourceKind.Direct),
                SourceFilter.Referral => WhereStartView(query, p => p.SourceKind == TrafficSourceKind.Referral),
                SourceFilter.Invitation => query.Where(c => db.Invitations.Any(i => i.ConversationId == c.Id)),
                _ => WhereEngine(query, Enum.Parse<SearchEngine>(source.ToString())),
            };
        }

        if (filter.Terminal is { } terminal)
        {
            query = WhereStartView(query, p => p.Terminal == terminal);
        }

        if (filter.ReceptionMode == ReceptionModeFilter.Robot)
        {
            // No robot reception exists: every consultation was served by a person.
            query = query.Where(c => false);
        }

        return query;
    }

    /// <summary>
    /// The conversations with a message containing the keyword. On SQLite through the FTS5 bigram index
    /// (<see cref="MessageSearchText"/>, <see cref="MessageSearchSql"/>): the matching conversations are read straight
    /// from the index's rowids, once. A rare keyword starts from them (each looked up by key); a common one is a set the
    /// period's conversations are probed against while they are walked newest first (<c>Id + 0</c> keeps SQLite from
    /// driving the query from the set, see <see cref="KeywordMatch"/>). Elsewhere (SQL Server, or a keyword of
    /// punctuation only, which the index cannot hold) a LIKE per conversation over its messages; ADR 018 describes the
    /// SQL Server full-text setup that would replace it.
    /// </summary>
    private Expression<Func<Conversation, bool>> Says(string keyword, KeywordMatch? match)
    {
        if (match is null && db.Database.IsSqlite() && MessageSearchText.Query(keyword) is { } expression)
        {
            // Not planned by the caller: the whole index, walked (right for any count, quickest for common terms).
            match = new KeywordMatch(expression, long.MinValue, long.MaxValue, long.MaxValue);
        }

        if (match is not null)
        {
            var conversationIds = db.Database.SqlQuery<long>(
                FormattableStringFactory.Create(MessageSearchSql.MatchingConversationIds, match.Expression, match.LowRowid, match.HighRowid));
            return match.IsRare ? c => conversationIds.Contains(c.Id) : c => conversationIds.Contains(c.Id + 0);
        }

        return c => db.Messages.Any(m => m.ConversationId == c.Id && m.Text.Contains(keyword));
    }

    private static Expression<Func<Conversation, bool>> Or(Expression<Func<Conversation, bool>> left, Expression<Func<Conversation, bool>> right)
    {
        var body = Expression.OrElse(left.Body, Expression.Invoke(right, left.Parameters[0]));
        return Expression.Lambda<Func<Conversation, bool>>(body, left.Parameters);
    }

    private IQueryable<Conversation> ApplyVisitCount(IQueryable<Conversation> query, VisitCountFilter visits)
    {
        // 咨询次数: the visitor's consultations up to and including this one, all time (SPEC G2).
        var counted = query.Select(c => new
        {
            Conversation = c,
            Count = db.Conversations.Count(o => o.VisitorId == c.VisitorId && o.AssignedAt != null
                && (o.RequestedAt < c.RequestedAt || (o.RequestedAt == c.RequestedAt && o.Id <= c.Id))),
        });
        var matching = visits == VisitCountFilter.MoreThanThree
            ? counted.Where(x => x.Count > 3)
            : counted.Where(x => x.Count == (int)visits);
        return matching.Select(x => x.Conversation);
    }

    private IQueryable<Conversation> InStage(IQueryable<Conversation> query, ConsultationStage stage)
    {
        var types = TypesOf(stage);
        if (stage != ConsultationStage.Other)
        {
            return WhereStartView(query, p => types.Contains(p.KeyPageType));
        }

        // 其他环节: the start view is no shopping key page, or there is no start view at all.
        return query.Where(c => !db.PageViews
            .Where(p => p.VisitorId == c.VisitorId && p.Url == c.StartPageUrl && p.ViewedAt <= c.RequestedAt.AddMinutes(StartViewSlackMinutes))
            .OrderByDescending(p => p.ViewedAt)
            .Take(1)
            .Any(p => p.KeyPageType != null && !types.Contains(p.KeyPageType)));
    }

    private IQueryable<Conversation> WhereEngine(IQueryable<Conversation> query, SearchEngine engine) =>
        WhereStartView(query, p => p.SourceKind == TrafficSourceKind.SearchEngine && p.SearchEngine == engine);

    private IQueryable<Conversation> WhereStartView(IQueryable<Conversation> query, Expression<Func<PageView, bool>> predicate) =>
        query.Where(c => db.PageViews
            .Where(p => p.VisitorId == c.VisitorId && p.Url == c.StartPageUrl && p.ViewedAt <= c.RequestedAt.AddMinutes(StartViewSlackMinutes))
            .OrderByDescending(p => p.ViewedAt)
            .Take(1)
            .Any(predicate));
}

/// <summary>Where the previous page ended: the last row's request time and id (keyset paging).</summary>
public readonly record struct RecordCursor(DateTime RequestedAt, long Id);
