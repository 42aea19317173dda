using System.Collections.Concurrent;

namespace CustomerService.Web.Features.Invitations;

/// <summary>A visitor whose widget is open on a page of the merchant's site, as his last presence poll said.</summary>
public sealed record OnlineVisitor(long VisitorId, string EntryCode, string PageUrl, DateTime PageSince, DateTime LastSeenAt)
{
    /// <summary>Until when the automatic rule leaves him alone (it just invited him, or found nobody to invite through).</summary>
    public DateTime? AutoInviteNotBefore { get; init; }
}

/// <summary>
/// Who is on the merchant's site right now (在线访客, seed 004): the widget's beacon frame polls every few seconds, and a
/// visitor whose polls stop for <see cref="Timeout"/> has left. Memory only — after a restart the next poll (seconds
/// later) brings each open page back; nothing is lost that a report reads (page views are stored by the beacon).
/// </summary>
public sealed class OnlineVisitors(TimeProvider clock)
{
    /// <summary>Three missed polls (the widget polls every 5 s): a closed tab is gone within 15 s, a slow network is not.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<long, OnlineVisitor> _visitors = new();

    /// <summary>A poll from the visitor's page; a new address restarts the time on that page (for the automatic rule).</summary>
    public OnlineVisitor Seen(long visitorId, string entryCode, string pageUrl)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return _visitors.AddOrUpdate(
            visitorId,
            _ => new OnlineVisitor(visitorId, entryCode, pageUrl, now, now),
            (_, known) => known.PageUrl == pageUrl && now - known.LastSeenAt < Timeout
                ? known with { EntryCode = entryCode, LastSeenAt = now }
                : new OnlineVisitor(visitorId, entryCode, pageUrl, now, now) { AutoInviteNotBefore = known.AutoInviteNotBefore });
    }

    /// <summary>The automatic rule does not ask the engine about him again before <paramref name="until"/>.</summary>
    public void DeferAutoInvite(long visitorId, DateTime until)
    {
        if (_visitors.TryGetValue(visitorId, out var known))
        {
            _visitors.TryUpdate(visitorId, known with { AutoInviteNotBefore = until }, known);
        }
    }

    public bool IsOnline(long visitorId) => Find(visitorId) is not null;

    public OnlineVisitor? Find(long visitorId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return _visitors.TryGetValue(visitorId, out var visitor) && now - visitor.LastSeenAt < Timeout ? visitor : null;
    }

    /// <summary>Everyone still here, on pages of the given entries; the gone are forgotten on the way.</summary>
    public IReadOnlyList<OnlineVisitor> On(IReadOnlySet<string> entryCodes)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var online = new List<OnlineVisitor>();
        foreach (var (id, visitor) in _visitors)
        {
            if (now - visitor.LastSeenAt >= Timeout)
            {
                _visitors.TryRemove(new KeyValuePair<long, OnlineVisitor>(id, visitor));
            }
            else if (entryCodes.Contains(visitor.EntryCode))
            {
                online.Add(visitor);
            }
        }

        return online;
    }
}
