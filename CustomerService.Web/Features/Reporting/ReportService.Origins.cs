using CustomerService.Domain.Conversations;
using CustomerService.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting;

/// <summary>One consultation type (咨询类型) with the period's summarised valid consultations of it (SPEC I0).</summary>
public sealed record TypeCount(int TypeId, int? ParentId, string Name, long Consultations);

/// <summary>
/// 咨询类型 of a period (SPEC I0, seed 002): each type with its count; 总咨询类型 = the types used in the period, 新增咨询类型 =
/// the types created in it, 总结咨询量 = the summarised valid consultations of every type.
/// </summary>
public sealed record TypeFigures(IReadOnlyList<TypeCount> Types, long Used, long Added, long Summarized);

public sealed partial class ReportService
{
    /// <summary>
    /// 咨询发起 and 用户分析 (SPEC I1, I0 key-page funnel) for the period's consultations credited to the audience (the
    /// agent responsible when it ended; every consultation for the enterprise), by <see cref="ConsultationOrigins"/>.
    /// A visit's entry is looked for from a day before the period (a visit seldom lasts longer); key pages up to one
    /// attribution window after it.
    /// </summary>
    public async Task<OriginFigures> OriginsAsync(ReportPeriod period, ReportAudience audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await ReportContext.LoadAsync(db, clock, cancellationToken);
        var (fromUtc, toUtc) = period.UtcRange(context.Zone);
        var rows = await Consultations(db, fromUtc, toUtc, audience)
            .Select(c => new { c.Id, c.VisitorId, c.RequestedAt, c.StartPageUrl, c.StartPageTitle, c.VisitorMessageCount, c.AgentMessageCount })
            .ToListAsync(cancellationToken);
        // An accepted invitation opens its conversation in the same engine step, so both carry the same instant: the
        // period's accepted invitations are those answered in it.
        var invited = (await db.Invitations.AsNoTracking()
                .Where(i => i.ConversationId != null && i.AnsweredAt >= fromUtc && i.AnsweredAt < toUtc)
                .Select(i => i.ConversationId!.Value).ToListAsync(cancellationToken))
            .ToHashSet();
        var consultations = rows
            .Select(c => new OriginConsultation(
                c.Id, c.VisitorId, c.RequestedAt, c.StartPageUrl, c.StartPageTitle,
                ConsultationClassifier.Classify(c.VisitorMessageCount, c.AgentMessageCount) == ConsultationValidity.Valid,
                invited.Contains(c.Id)))
            .ToList();
        // The visitors as a subquery, not a list: EF Core 10 sends a list as one SQL variable per id, and a year's
        // ~476k visitors are far beyond SQLite's limit of 32,766 ("too many SQL variables", found by the kpi benchmark).
        var visitorIds = Consultations(db, fromUtc, toUtc, audience).Select(c => c.VisitorId);
        var (viewsFrom, viewsTo) = (fromUtc.AddDays(-1), toUtc + context.AttributionWindow);
        var views = await db.PageViews.AsNoTracking()
            .Where(p => visitorIds.Contains(p.VisitorId) && p.ViewedAt >= viewsFrom && p.ViewedAt <= viewsTo)
            .Select(p => new OriginPageView(p.VisitorId, p.ViewedAt, p.SourceKind, p.SearchEngine, p.Keyword, p.KeyPageType, p.Terminal, p.Region))
            .ToListAsync(cancellationToken);
        return ConsultationOrigins.Analyze(consultations, views, context.AttributionWindow, context.Zone);
    }

    /// <summary>
    /// 咨询类型 (SPEC I0): per type of the enterprise's tree, the period's summarised valid consultations credited to the
    /// audience; a parent's count is its own (a summary names one type).
    /// </summary>
    public async Task<TypeFigures> ConsultationTypesAsync(ReportPeriod period, ReportAudience audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await ReportContext.LoadAsync(db, clock, cancellationToken);
        var (fromUtc, toUtc) = period.UtcRange(context.Zone);
        var counts = await Consultations(db, fromUtc, toUtc, audience)
            .Where(c => c.SummaryTypeId != null && c.SummarizedAt != null && c.VisitorMessageCount > 0 && c.AgentMessageCount > 0)
            .GroupBy(c => c.SummaryTypeId!.Value)
            .Select(g => new { TypeId = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.TypeId, g => g.Count, cancellationToken);
        var types = await db.ConsultationTypes.AsNoTracking().ToListAsync(cancellationToken);
        var rows = types.OrderBy(t => t.ParentId ?? t.Id).ThenBy(t => t.ParentId is null ? 0 : 1).ThenBy(t => t.Id)
            .Select(t => new TypeCount(t.Id, t.ParentId, t.Name, counts.GetValueOrDefault(t.Id)))
            .ToList();
        return new TypeFigures(
            rows,
            Used: rows.LongCount(t => t.Consultations > 0),
            Added: types.LongCount(t => t.CreatedAt >= fromUtc && t.CreatedAt < toUtc),
            Summarized: counts.Values.Sum());
    }

    /// <summary>The period's consultations (conversations that reached an agent) credited to the audience.</summary>
    private static IQueryable<Conversation> Consultations(Data.CustomerServiceDbContext db, DateTime fromUtc, DateTime toUtc, ReportAudience audience)
    {
        var conversations = db.Conversations.AsNoTracking()
            .Where(c => c.RequestedAt >= fromUtc && c.RequestedAt < toUtc && c.AssignedAt != null && c.AgentId != null);
        if (!audience.WholeEnterprise)
        {
            var ids = audience.AgentIds.ToList();
            conversations = conversations.Where(c => ids.Contains(c.AgentId!.Value));
        }

        return conversations;
    }
}
