using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Records;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Qc;
using CustomerService.Web.Features.Security;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Records;

/// <summary>
/// The records lists (SPEC G1, G2): pages of rows and the counts beside each list, in the account's records scope
/// (SPEC G6, through <see cref="DataScopeFilter"/>). Bad input is refused before any query runs.
/// </summary>
public sealed class RecordListService(IDbContextFactory<CustomerServiceDbContext> dbFactory, DataScopeFilter dataScope)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The lists whose counts stand in the navigation, in its order.</summary>
    public static IReadOnlyList<RecordList> NavigationLists { get; } =
    [
        RecordList.All, RecordList.Valid, RecordList.Purchased, RecordList.NotPurchased, RecordList.Summarized, RecordList.Unsummarized,
        RecordList.StageProduct, RecordList.StageCart, RecordList.StageOrder, RecordList.StagePayment, RecordList.StageOther,
        RecordList.Invalid,
    ];

    public async Task<Outcome<RecordPage>> PageAsync(
        int accountId, RecordSearch search, RecordCursor? after, int size = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (search.Validate() is { } violation)
        {
            return violation;
        }

        size = Math.Clamp(size, 1, MaxPageSize);
        var visible = await dataScope.ForAsync(accountId, ScopedModule.Records, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await UnknownAccountGroupAsync(db, search.Filter, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        // One more than asked tells whether there is a next page without a count.
        var (builder, rows) = await NewestRowsAsync(db, visible, search, after, size + 1, cancellationToken);
        var page = rows.Take(size).ToList();
        page = await MarkPurchasedAsync(db, builder, page, cancellationToken);
        page = await MarkQcBandAsync(db, page, cancellationToken);
        return new RecordPage(page, rows.Count > size ? page[^1].Cursor : null);
    }

    /// <summary>
    /// Keyword windows, newest first: a keyword said in many messages (发票: 575k in a year) is first looked for in the last
    /// day before the page's start, then the last 8 and 64 days, and only then in the whole period. A window that fills
    /// the page gives exactly the period's page — every conversation outside it was requested earlier than all inside —
    /// and reads a day's hits instead of a year's (ADR 018, year figures).
    /// </summary>
    private static readonly TimeSpan[] KeywordWindows = [TimeSpan.FromDays(1), TimeSpan.FromDays(8), TimeSpan.FromDays(64)];

    private static async Task<(RecordQueryBuilder Builder, List<RecordRow> Rows)> NewestRowsAsync(
        CustomerServiceDbContext db, VisibleData visible, RecordSearch search, RecordCursor? after, int size, CancellationToken cancellationToken)
    {
        // Counted once for every window (it is a walk of the keyword's whole doclist).
        if (await KeywordMatch.EverywhereAsync(db, search.Filter.TrimmedKeyword, cancellationToken) is { } everywhere and > KeywordMatch.FewMessages)
        {
            var zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
            var (fromUtc, toUtc) = search.Period.UtcRange(zone);
            var end = after is { } cursor && cursor.RequestedAt < toUtc ? cursor.RequestedAt : toUtc;
            foreach (var window in KeywordWindows.Where(w => end - w > fromUtc))
            {
                var (windowBuilder, inWindow) = (await PlanAsync(db, search, cancellationToken, end - window, everywhere)).Query(db, visible);
                var rows = await Rows(db, RecordQueryBuilder.Page(inWindow, after, size)).ToListAsync(cancellationToken);
                if (rows.Count == size)
                {
                    return (windowBuilder, rows);
                }
            }
        }

        var (builder, query) = await QueryAsync(db, visible, search, cancellationToken);
        return (builder, await Rows(db, RecordQueryBuilder.Page(query, after, size)).ToListAsync(cancellationToken));
    }

    /// <summary>How many consultations each navigation list holds for the period and filters.</summary>
    public async Task<Outcome<IReadOnlyDictionary<RecordList, int>>> CountsAsync(
        int accountId, RecordSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (search.Validate() is { } violation)
        {
            return violation;
        }

        var visible = await dataScope.ForAsync(accountId, ScopedModule.Records, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await UnknownAccountGroupAsync(db, search.Filter, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        var (builder, all) = await QueryAsync(db, visible, search with { List = RecordList.All }, cancellationToken);
        return await builder.CountListsAsync(all, cancellationToken);
    }

    /// <summary>What the advanced search offers to choose from: the agents the account sees, reception groups, consultation types.</summary>
    public async Task<RecordSearchOptions> OptionsAsync(int accountId, CancellationToken cancellationToken = default)
    {
        var visible = await dataScope.ForAsync(accountId, ScopedModule.Records, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agents = await visible.Accounts(db).AsNoTracking().OrderBy(a => a.LoginName)
            .Select(a => new RecordOption(a.Id, a.InternalName)).ToListAsync(cancellationToken);
        var groups = await db.ReceptionGroups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new RecordOption(g.Id, g.Name)).ToListAsync(cancellationToken);
        var types = await db.ConsultationTypes.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new RecordOption(t.Id, t.Name)).ToListAsync(cancellationToken);
        // The account groups of the agents the account sees: the one scope rule decides which groups are offered.
        var visibleGroups = visible.Accounts(db).Select(a => a.AccountGroupId);
        var accountGroups = await db.AccountGroups.AsNoTracking().Where(g => visibleGroups.Contains(g.Id)).OrderBy(g => g.Name)
            .Select(g => new RecordOption(g.Id, g.Name)).ToListAsync(cancellationToken);
        return new RecordSearchOptions(agents, groups, types, accountGroups);
    }

    /// <summary>
    /// An account group the search names must exist (a typed or stale drill-down link): said, rather than an empty list
    /// that looks like a group without conversations. A group outside the account's scope exists, and simply shows only
    /// what the scope lets through (SPEC G6: the scope is the one rule).
    /// </summary>
    private static async Task<RuleViolation?> UnknownAccountGroupAsync(CustomerServiceDbContext db, RecordFilter filter, CancellationToken cancellationToken) =>
        filter.AccountGroupId is { } id && !await db.AccountGroups.AnyAsync(g => g.Id == id, cancellationToken)
            ? new RuleViolation(RecordFilter.AccountGroupUnknown)
            : null;

    /// <summary>The search as a query over a context the caller owns (exports stream it; the transcript pages through it).</summary>
    /// <param name="notBeforeUtc">Narrows the period to its part requested from then on (a keyword window of a page).</param>
    internal static async Task<(RecordQueryBuilder Builder, IQueryable<Conversation> Query)> QueryAsync(
        CustomerServiceDbContext db, VisibleData visible, RecordSearch search, CancellationToken cancellationToken, DateTime? notBeforeUtc = null) =>
        (await PlanAsync(db, search, cancellationToken, notBeforeUtc)).Query(db, visible);

    /// <summary>
    /// What a search's query needs from the database before it can be written (the period in UTC, the attribution window,
    /// the type tree, the QC band's conversations, the keyword's plan): found once, so an export reading a thousand
    /// pages does not find it again for each (a keyword's period range alone is a walk over the whole period).
    /// </summary>
    internal static async Task<RecordQueryPlan> PlanAsync(
        CustomerServiceDbContext db, RecordSearch search, CancellationToken cancellationToken, DateTime? notBeforeUtc = null, long? keywordEverywhere = null)
    {
        var zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
        var (fromUtc, toUtc) = search.Period.UtcRange(zone);
        if (notBeforeUtc is { } windowStart && windowStart > fromUtc)
        {
            fromUtc = windowStart;
        }

        var typeIds = search.Filter.ConsultationTypeId is { } typeId ? await TypeAndDescendantsAsync(db, typeId, cancellationToken) : null;
        var window = (await BuilderAsync(db, cancellationToken)).AttributionWindow;
        var bandIds = search.Filter.QcBand is { } band ? await ConversationQcScores.InBandAsync(db, fromUtc, toUtc, band, cancellationToken) : null;
        var keyword = await KeywordMatch.ForAsync(db, search.Filter.TrimmedKeyword, fromUtc, toUtc, cancellationToken, keywordEverywhere);
        return new RecordQueryPlan(search, fromUtc, toUtc, window, typeIds, bandIds, keyword);
    }

    /// <summary>The query builder with the enterprise's attribution window (SPEC I0, setting K).</summary>
    internal static async Task<RecordQueryBuilder> BuilderAsync(CustomerServiceDbContext db, CancellationToken cancellationToken)
    {
        var window = await db.EnterpriseProfiles.AsNoTracking().Select(p => (int?)p.AttributionWindowDays).FirstOrDefaultAsync(cancellationToken)
            ?? Domain.Organisation.EnterpriseProfile.DefaultAttributionWindowDays;
        return new RecordQueryBuilder(db, TimeSpan.FromDays(window));
    }

    internal static IQueryable<RecordRow> Rows(CustomerServiceDbContext db, IQueryable<Conversation> query) =>
        from c in query
        select new RecordRow(
            c.Id, c.RequestedAt, c.AssignedAt, c.EndedAt, c.VisitorId,
            db.Visitors.Where(v => v.Id == c.VisitorId).Select(v => v.Name).FirstOrDefault(),
            db.Visitors.Where(v => v.Id == c.VisitorId).Select(v => v.ExternalUserId).FirstOrDefault(),
            db.Accounts.Where(a => a.Id == c.AgentId).Select(a => a.InternalName).FirstOrDefault(),
            db.ReceptionGroups.Where(g => g.Id == c.ReceptionGroupId).Select(g => g.Name).FirstOrDefault(),
            c.VisitorMessageCount, c.AgentMessageCount, c.EvaluationLevel,
            db.ConsultationTypes.Where(t => t.Id == c.SummaryTypeId).Select(t => t.Name).FirstOrDefault(),
            false, c.IsVip, c.VisitorIp, c.StartPageTitle, c.StartPageUrl, null);

    /// <summary>质检结果 for a page of rows: the band of each graded conversation's score (SPEC H2).</summary>
    internal static async Task<List<RecordRow>> MarkQcBandAsync(CustomerServiceDbContext db, List<RecordRow> rows, CancellationToken cancellationToken)
    {
        var scores = await ConversationQcScores.OfAsync(db, [.. rows.Select(r => r.Id)], cancellationToken);
        return [.. rows.Select(r => scores.TryGetValue(r.Id, out var score) ? r with { QcBand = score.Band } : r)];
    }

    /// <summary>已购买 for a page of rows, by the same rule the purchased list filters on.</summary>
    internal static async Task<List<RecordRow>> MarkPurchasedAsync(
        CustomerServiceDbContext db, RecordQueryBuilder builder, List<RecordRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return rows;
        }

        var ids = rows.Select(r => r.Id).ToList();
        var purchased = (await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id)).Where(builder.IsPurchased())
            .Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        return [.. rows.Select(r => purchased.Contains(r.Id) ? r with { Purchased = true } : r)];
    }

    /// <summary>咨询类型 is a tree (SPEC D10): a type stands for itself and every type below it.</summary>
    private static async Task<IReadOnlyCollection<int>> TypeAndDescendantsAsync(CustomerServiceDbContext db, int typeId, CancellationToken cancellationToken)
    {
        var types = await db.ConsultationTypes.AsNoTracking().Select(t => new { t.Id, t.ParentId }).ToListAsync(cancellationToken);
        var found = new HashSet<int> { typeId };
        var added = true;
        while (added)
        {
            added = false;
            foreach (var type in types.Where(t => t.ParentId is { } parent && found.Contains(parent) && !found.Contains(t.Id)))
            {
                added |= found.Add(type.Id);
            }
        }

        return found;
    }
}

/// <summary>A search made ready to query (<see cref="RecordListService.PlanAsync"/>); any context can query it.</summary>
internal sealed record RecordQueryPlan(
    RecordSearch Search, DateTime FromUtc, DateTime ToUtc, TimeSpan AttributionWindow,
    IReadOnlyCollection<int>? TypeIds, IReadOnlyCollection<long>? BandIds, KeywordMatch? Keyword)
{
    public (RecordQueryBuilder Builder, IQueryable<Conversation> Query) Query(CustomerServiceDbContext db, VisibleData visible)
    {
        var builder = new RecordQueryBuilder(db, AttributionWindow);
        return (builder, builder.Build(visible.Conversations(db).AsNoTracking(), FromUtc, ToUtc, Search.List, Search.Filter, TypeIds, BandIds, Keyword));
    }
}
