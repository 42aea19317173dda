using CustomerService.Data;
using CustomerService.Domain.Colleagues;
using CustomerService.Domain.Common;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Colleagues;

public sealed record InternalMessageView(long Id, int FromAccountId, int ToAccountId, string Text, DateTime SentAt, bool IsRead);

/// <summary>An internal message was stored; both ends' open pages refresh.</summary>
public sealed record InternalMessagePosted(InternalMessageView Message);

public sealed record ChatColleague(int AccountId, string InternalName, string GroupName, int Unread);

/// <summary>
/// Internal chat between agents (SPEC F9). Every query is by the signed-in account, so a thread is only ever read by one
/// of its two people.
/// </summary>
public sealed class InternalChatService(IDbContextFactory<CustomerServiceDbContext> dbFactory, TimeProvider clock, ChangeFeed<InternalMessagePosted> posted)
{
    public const int ThreadLength = 200;

    /// <summary>Enabled colleagues (everyone but me) with my unread count from each.</summary>
    public async Task<IReadOnlyList<ChatColleague>> ColleaguesAsync(int me, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unread = await db.InternalMessages.AsNoTracking()
            .Where(m => m.ToAccountId == me && m.ReadAt == null)
            .GroupBy(m => m.FromAccountId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var colleagues = await db.Accounts.AsNoTracking()
            .Where(a => a.IsEnabled && a.Id != me)
            .OrderBy(a => a.AccountGroup!.Name).ThenBy(a => a.InternalName)
            .Select(a => new { a.Id, a.InternalName, GroupName = a.AccountGroup!.Name })
            .ToListAsync(cancellationToken);
        return [.. colleagues.Select(a => new ChatColleague(a.Id, a.InternalName, a.GroupName, unread.GetValueOrDefault(a.Id)))];
    }

    /// <summary>The latest messages between me and one colleague, oldest first, timed on the enterprise's clock.</summary>
    public async Task<IReadOnlyList<InternalMessageView>> ThreadAsync(int me, int colleague, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.InternalMessages.AsNoTracking()
            .Where(m => (m.FromAccountId == me && m.ToAccountId == colleague) || (m.FromAccountId == colleague && m.ToAccountId == me))
            .OrderByDescending(m => m.Id)
            .Take(ThreadLength)
            .Select(m => new InternalMessageView(m.Id, m.FromAccountId, m.ToAccountId, m.Text, m.SentAt, m.ReadAt != null))
            .ToListAsync(cancellationToken);
        var zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
        latest.Reverse();
        return [.. latest.Select(m => m with { SentAt = EnterpriseClock.ToLocal(m.SentAt, zone) })];
    }

    public async Task<Outcome<InternalMessageView>> SendAsync(int me, int colleague, string? text, CancellationToken cancellationToken = default)
    {
        if (InternalMessage.CheckText(text) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (colleague == me || !await db.Accounts.AnyAsync(a => a.Id == colleague && a.IsEnabled, cancellationToken))
        {
            return new RuleViolation("InternalChatRecipientUnknown");
        }

        var message = new InternalMessage(me, colleague, text!, clock.GetUtcNow().UtcDateTime);
        db.InternalMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        var view = new InternalMessageView(message.Id, me, colleague, message.Text, message.SentAt, IsRead: false);
        posted.Publish(new InternalMessagePosted(view));
        return view;
    }

    /// <summary>Opening a thread marks what the colleague sent me as read.</summary>
    public async Task MarkReadAsync(int me, int colleague, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.InternalMessages.Where(m => m.FromAccountId == colleague && m.ToAccountId == me && m.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ReadAt, now), cancellationToken);
    }
}
