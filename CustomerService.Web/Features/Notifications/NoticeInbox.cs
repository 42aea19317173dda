using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Notifications;

/// <summary>A notice in one recipient's list; times are on the enterprise's clock (its time zone).</summary>
public sealed record InboxNotice(int Id, string Title, string Body, string AuthorName, DateTime PostedAt, DateTime? ReadAt)
{
    public bool IsRead => ReadAt is not null;
}

/// <summary>The unread notices of these accounts changed (posted, read, withdrawn): their badges should recount.</summary>
public sealed record NoticesChanged(IReadOnlyCollection<int> AccountIds);

/// <summary>
/// 通知菜单 (SPEC F10): what one account received. Every query is by the signed-in account's id, so nobody reads or
/// marks another person's notices; a notice someone was not sent is “missing” for him.
/// </summary>
public sealed class NoticeInbox(IDbContextFactory<CustomerServiceDbContext> dbFactory, TimeProvider clock, ChangeFeed<NoticesChanged> changes)
{
    public async Task<int> CountUnreadAsync(int accountId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.NoticeRecipients.CountAsync(r => r.AccountId == accountId && r.ReadAt == null, cancellationToken);
    }

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<InboxNotice>> ListAsync(int accountId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
        var rows = await db.NoticeRecipients.AsNoTracking()
            .Where(r => r.AccountId == accountId)
            .Join(db.Notices, r => r.NoticeId, n => n.Id, (r, n) => new { r.ReadAt, Notice = n })
            .OrderByDescending(x => x.Notice.CreatedAt).ThenByDescending(x => x.Notice.Id)
            .Select(x => new { x.Notice.Id, x.Notice.Title, x.Notice.Body, x.Notice.AuthorName, x.Notice.CreatedAt, x.ReadAt })
            .ToListAsync(cancellationToken);
        return rows.Select(x => new InboxNotice(
                x.Id, x.Title, x.Body, x.AuthorName, EnterpriseClock.ToLocal(x.CreatedAt, zone), x.ReadAt is { } read ? EnterpriseClock.ToLocal(read, zone) : null))
            .ToList();
    }

    /// <summary>Opening a notice marks it read for this account (the first time only).</summary>
    public async Task<Outcome> MarkReadAsync(int accountId, int noticeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recipient = await db.NoticeRecipients.SingleOrDefaultAsync(r => r.NoticeId == noticeId && r.AccountId == accountId, cancellationToken);
        if (recipient is null)
        {
            return new RuleViolation("NoticeMissing");
        }

        if (recipient.IsRead)
        {
            return Outcome.Ok;
        }

        recipient.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new NoticesChanged([accountId]));
        return Outcome.Ok;
    }
}
