using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting.Facts;

/// <summary>
/// The facts of 咨询发起 and 用户分析 (<see cref="ConsultationOrigins"/>) for a UTC range, per agent: the range's
/// consultations (conversations that reached an agent, credited to the agent responsible when it ended) and their
/// visitors' page views. A visit's entry is looked for from a day before the range (a visit seldom lasts longer); key
/// pages up to one attribution window after it. A day is rolled from these, and today is read from them live.
/// </summary>
public sealed class OriginInputReader
{
    public async Task<Dictionary<int, OriginTally>> TallyByAgentAsync(
        CustomerServiceDbContext db, DateTime fromUtc, DateTime toUtc, TimeSpan window, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var consultations = ConsultationQuery.Between(db, fromUtc, toUtc);
        var rows = await consultations
            .Select(c => new { c.Id, c.VisitorId, c.RequestedAt, c.StartPageUrl, c.StartPageTitle, c.VisitorMessageCount, c.AgentMessageCount, c.AgentId })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        // An accepted invitation opens its conversation in the same engine step, so both carry the same instant: the
        // range's accepted invitations are those answered in it.
        var invited = (await db.Invitations.AsNoTracking()
                .Where(i => i.ConversationId != null && i.AnsweredAt >= fromUtc && i.AnsweredAt < toUtc)
                .Select(i => i.ConversationId!.Value).ToListAsync(cancellationToken))
            .ToHashSet();
        var inputs = rows
            .OrderBy(c => c.RequestedAt).ThenBy(c => c.Id)
            .Select(c => new OriginConsultation(
                c.Id, c.VisitorId, c.RequestedAt, c.StartPageUrl, c.StartPageTitle,
                ConsultationClassifier.Classify(c.VisitorMessageCount, c.AgentMessageCount) == ConsultationValidity.Valid,
                invited.Contains(c.Id), c.AgentId))
            .ToList();
        // The visitors as a subquery, not a list: EF Core sends a list as one SQL variable per id, beyond SQLite's limit
        // of 32,766 for a long range ("too many SQL variables").
        var visitorIds = consultations.Select(c => c.VisitorId);
        var (viewsFrom, viewsTo) = (fromUtc.AddDays(-1), toUtc + window);
        var views = await db.PageViews.AsNoTracking()
            .Where(p => visitorIds.Contains(p.VisitorId) && p.ViewedAt >= viewsFrom && p.ViewedAt <= viewsTo)
            .Select(p => new OriginPageView(p.VisitorId, p.ViewedAt, p.SourceKind, p.SearchEngine, p.Keyword, p.KeyPageType, p.Terminal, p.Region))
            .ToListAsync(cancellationToken);
        return ConsultationOrigins.TallyByAgent(inputs, views, window, zone);
    }
}
