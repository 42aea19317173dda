using CustomerService.Data;
using CustomerService.Domain.Invitations;
using CustomerService.Domain.Visitors;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Invitations;

/// <summary>One row of 在线访客 (seed 004): where he is, how he came, how long and how often, and how my last invitation ended.</summary>
public sealed record OnlineVisitorRow(
    long VisitorId,
    string? Name,
    string EntryCode,
    string PageUrl,
    string? PageTitle,
    TrafficSource Source,
    string? Region,
    DateTime VisitStartedAt,
    int Visits,
    bool IsVip,
    CrmBadge? Crm,
    bool InConversation,
    bool IsBlacklisted,
    int? PrivateContactOf,
    InvitationState? MyLastInvitation);

/// <summary>
/// 在线访客 for one agent: visitors now on pages whose entry routes to one of his reception groups (his scope, as the
/// issue and SPEC B ask; an admin sees his groups' visitors too — the list is for inviting, and he may only invite for
/// groups he serves).
/// </summary>
public sealed class OnlineVisitorsQuery(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, OnlineVisitors online, ConversationEngine engine, CustomerProfileService customers)
{
    /// <summary>Enough for an agent to scan; the newest arrivals first.</summary>
    public const int MaxRows = 200;

    public async Task<IReadOnlyList<OnlineVisitorRow>> ListAsync(int agentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var groupIds = await db.ReceptionGroupMembers.AsNoTracking().Where(m => m.AccountId == agentId)
            .Select(m => m.ReceptionGroupId).ToListAsync(cancellationToken);
        var entryCodes = (await db.ConsultationEntries.AsNoTracking().Where(e => groupIds.Contains(e.ReceptionGroupId))
            .Select(e => e.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var here = online.On(entryCodes).OrderByDescending(v => v.PageSince).Take(MaxRows).ToList();
        if (here.Count == 0)
        {
            return [];
        }

        var ids = here.Select(v => v.VisitorId).ToList();
        var visitors = await db.Visitors.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var views = (await db.PageViews.AsNoTracking().Where(p => ids.Contains(p.VisitorId)).ToListAsync(cancellationToken))
            .GroupBy(p => p.VisitorId).ToDictionary(g => g.Key, g => VisitTrajectory.Split(g));
        var open = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.VisitorId) && c.EndedAt == null)
            .Select(c => c.VisitorId).Distinct().ToListAsync(cancellationToken);
        var contacts = await db.PrivateContacts.AsNoTracking().Where(p => ids.Contains(p.VisitorId))
            .ToDictionaryAsync(p => p.VisitorId, p => p.AgentId, cancellationToken);
        var lastInvitations = (await db.Invitations.AsNoTracking().Where(i => i.AgentId == agentId && ids.Contains(i.VisitorId))
                .Select(i => new { i.VisitorId, i.CreatedAt, i.State }).ToListAsync(cancellationToken))
            .GroupBy(i => i.VisitorId).ToDictionary(g => g.Key, g => g.MaxBy(i => i.CreatedAt)!.State);
        var badges = await customers.BadgesAsync(agentId, ids, cancellationToken);

        var rows = new List<OnlineVisitorRow>(here.Count);
        foreach (var presence in here)
        {
            if (!visitors.TryGetValue(presence.VisitorId, out var visitor))
            {
                continue;
            }

            var visits = views.GetValueOrDefault(presence.VisitorId) ?? [];
            var current = visits.Count > 0 ? visits[^1] : null;
            var landing = current?.Landing;
            var latest = current?.Pages[^1];
            rows.Add(new OnlineVisitorRow(
                visitor.Id,
                visitor.Name,
                presence.EntryCode,
                presence.PageUrl,
                latest?.Url == presence.PageUrl ? latest.Title : null,
                landing?.Source() ?? new TrafficSource(TrafficSourceKind.Direct, null, null, null),
                latest?.Region,
                current?.StartedAt ?? presence.PageSince,
                Math.Max(1, visits.Count),
                visitor.IsVip,
                badges.GetValueOrDefault(visitor.Id),
                open.Contains(visitor.Id),
                await engine.IsBlacklistedAsync(visitor.Id, visitor.LastIp),
                contacts.TryGetValue(visitor.Id, out var contactAgent) ? contactAgent : null,
                lastInvitations.TryGetValue(visitor.Id, out var state) ? state : null));
        }

        return rows;
    }
}
