using CustomerService.Data;
using CustomerService.Domain.Invitations;
using CustomerService.Domain.Visitors;
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
    InvitationState? MyLastInvitation)
{
    /// <summary>The visitor's last address, which a blacklist entry may name instead of him (SPEC D11).</summary>
    public string? LastIp { get; init; }
}

/// <summary>
/// 在线访客 for one agent: visitors now on pages whose entry routes to one of his reception groups (his scope, as the
/// issue and SPEC B ask; an admin sees his groups' visitors too — the list is for inviting, and he may only invite for
/// groups he serves).
/// <para>
/// The console asks every few seconds, so one instance per circuit (scoped) remembers what only a new page can change —
/// the visitor's name and VIP flag, his trajectory (source, region, visits), his CRM badge — and reads it again only for
/// visitors who arrived or moved to another page, or after <see cref="FactsLifetime"/>. What an agent's action changes
/// (in a conversation, blacklisted, private contact, my last invitation) is read on every refresh, in four small
/// queries over the ids on screen.
/// </para>
/// </summary>
public sealed class OnlineVisitorsQuery(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, OnlineVisitors online, CustomerProfileService customers, TimeProvider clock)
{
    /// <summary>Enough for an agent to scan; the newest arrivals first.</summary>
    public const int MaxRows = 200;

    /// <summary>How long a visitor's page facts and the agent's entries are kept without a page change.</summary>
    public static readonly TimeSpan FactsLifetime = TimeSpan.FromMinutes(1);

    private readonly Dictionary<long, VisitorFacts> _facts = [];
    private (int AgentId, IReadOnlySet<string> Codes, DateTimeOffset ExpiresAt)? _entries;

    public async Task<IReadOnlyList<OnlineVisitorRow>> ListAsync(int agentId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var here = online.On(await EntryCodesAsync(db, agentId, now, cancellationToken))
            .OrderByDescending(v => v.PageSince).Take(MaxRows).ToList();
        ForgetGone(here);
        if (here.Count == 0)
        {
            return [];
        }

        var stale = here.Where(p => !_facts.TryGetValue(p.VisitorId, out var known) || !known.StillFor(p, now)).ToList();
        await ReadFactsAsync(db, agentId, stale, now, cancellationToken);

        var ids = here.Select(v => v.VisitorId).ToList();
        var open = (await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.VisitorId) && c.EndedAt == null)
            .Select(c => c.VisitorId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var contacts = await db.PrivateContacts.AsNoTracking().Where(p => ids.Contains(p.VisitorId))
            .ToDictionaryAsync(p => p.VisitorId, p => p.AgentId, cancellationToken);
        var lastInvitations = (await db.Invitations.AsNoTracking().Where(i => i.AgentId == agentId && ids.Contains(i.VisitorId))
                .Select(i => new { i.VisitorId, i.CreatedAt, i.State }).ToListAsync(cancellationToken))
            .GroupBy(i => i.VisitorId).ToDictionary(g => g.Key, g => g.MaxBy(i => i.CreatedAt)!.State);
        var blacklisted = await BlacklistedAsync(db, here, cancellationToken);

        var rows = new List<OnlineVisitorRow>(here.Count);
        foreach (var presence in here)
        {
            if (_facts.GetValueOrDefault(presence.VisitorId) is not { Row: { } row })
            {
                continue;
            }

            rows.Add(row with
            {
                EntryCode = presence.EntryCode,
                InConversation = open.Contains(presence.VisitorId),
                IsBlacklisted = blacklisted.Contains(presence.VisitorId),
                PrivateContactOf = contacts.TryGetValue(presence.VisitorId, out var contactAgent) ? contactAgent : null,
                MyLastInvitation = lastInvitations.TryGetValue(presence.VisitorId, out var state) ? state : null,
            });
        }

        return rows;
    }

    private async Task<IReadOnlySet<string>> EntryCodesAsync(CustomerServiceDbContext db, int agentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_entries is { } known && known.AgentId == agentId && now < known.ExpiresAt)
        {
            return known.Codes;
        }

        var groupIds = db.ReceptionGroupMembers.AsNoTracking().Where(m => m.AccountId == agentId).Select(m => m.ReceptionGroupId);
        var codes = (await db.ConsultationEntries.AsNoTracking().Where(e => groupIds.Contains(e.ReceptionGroupId))
            .Select(e => e.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        _entries = (agentId, codes, now + FactsLifetime);
        return codes;
    }

    /// <summary>Name, VIP, trajectory and CRM badge of the visitors who arrived or changed page.</summary>
    private async Task ReadFactsAsync(
        CustomerServiceDbContext db, int agentId, IReadOnlyList<OnlineVisitor> stale, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (stale.Count == 0)
        {
            return;
        }

        var ids = stale.Select(v => v.VisitorId).ToList();
        var visitors = await db.Visitors.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var views = (await db.PageViews.AsNoTracking().Where(p => ids.Contains(p.VisitorId)).ToListAsync(cancellationToken))
            .GroupBy(p => p.VisitorId).ToDictionary(g => g.Key, g => VisitTrajectory.Split(g));
        var badges = await customers.BadgesAsync(agentId, ids, cancellationToken);
        foreach (var presence in stale)
        {
            OnlineVisitorRow? row = null;
            if (visitors.TryGetValue(presence.VisitorId, out var visitor))
            {
                var visits = views.GetValueOrDefault(presence.VisitorId) ?? [];
                var current = visits.Count > 0 ? visits[^1] : null;
                var latest = current?.Pages[^1];
                row = new OnlineVisitorRow(
                    visitor.Id,
                    visitor.Name,
                    presence.EntryCode,
                    presence.PageUrl,
                    latest?.Url == presence.PageUrl ? latest.Title : null,
                    current?.Landing.Source() ?? new TrafficSource(TrafficSourceKind.Direct, null, null, null),
                    latest?.Region,
                    current?.StartedAt ?? presence.PageSince,
                    Math.Max(1, visits.Count),
                    visitor.IsVip,
                    badges.GetValueOrDefault(visitor.Id),
                    InConversation: false,
                    IsBlacklisted: false,
                    PrivateContactOf: null,
                    MyLastInvitation: null)
                {
                    LastIp = visitor.LastIp,
                };
            }

            _facts[presence.VisitorId] = new VisitorFacts(presence.PageUrl, presence.PageSince, now + FactsLifetime, row);
        }
    }

    /// <summary>The visitors on screen who are blacklisted (by id or by their last address), in one query.</summary>
    private async Task<HashSet<long>> BlacklistedAsync(CustomerServiceDbContext db, IReadOnlyList<OnlineVisitor> here, CancellationToken cancellationToken)
    {
        var ids = here.Select(v => v.VisitorId).ToList();
        var ipsById = here.Select(v => (v.VisitorId, Ip: _facts.GetValueOrDefault(v.VisitorId)?.Row?.LastIp))
            .Where(x => x.Ip is not null).ToList();
        var ips = ipsById.Select(x => x.Ip!).Distinct().ToList();
        var entries = await db.Blacklist.AsNoTracking()
            .Where(b => b.LiftedAt == null && ((b.VisitorId != null && ids.Contains(b.VisitorId.Value)) || (b.Ip != null && ips.Contains(b.Ip))))
            .Select(b => new { b.VisitorId, b.Ip }).ToListAsync(cancellationToken);
        var blockedIps = entries.Where(e => e.Ip is not null).Select(e => e.Ip!).ToHashSet(StringComparer.Ordinal);
        var blocked = entries.Where(e => e.VisitorId is not null).Select(e => e.VisitorId!.Value).ToHashSet();
        blocked.UnionWith(ipsById.Where(x => blockedIps.Contains(x.Ip!)).Select(x => x.VisitorId));
        return blocked;
    }

    private void ForgetGone(IReadOnlyList<OnlineVisitor> here)
    {
        if (_facts.Count <= here.Count)
        {
            return;
        }

        var present = here.Select(v => v.VisitorId).ToHashSet();
        foreach (var id in _facts.Keys.Where(id => !present.Contains(id)).ToList())
        {
            _facts.Remove(id);
        }
    }

    /// <summary>What was read for a visitor on one page (null row: he is not in the database).</summary>
    private sealed record VisitorFacts(string PageUrl, DateTime PageSince, DateTimeOffset ExpiresAt, OnlineVisitorRow? Row)
    {
        public bool StillFor(OnlineVisitor presence, DateTimeOffset now) =>
            now < ExpiresAt && presence.PageUrl == PageUrl && presence.PageSince == PageSince;
    }
}
