using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Notifications;
using CustomerService.Web.Features.Notifications;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.Notifications;

/// <summary>A notice as the admin list shows it: scope, and how many of its recipients opened it.</summary>
public sealed record SentNoticeRow(
    int Id, string Title, string Body, NoticeScope Scope, string? TargetName, string AuthorName, DateTime PostedAt, int RecipientCount, int ReadCount);

/// <summary>An account group with the number of enabled accounts a notice to it would reach.</summary>
public sealed record NoticeGroupOption(int Id, string Name, int EnabledAccounts);

public sealed record NoticeAccountOption(int Id, string LoginName, string InternalName, string AccountGroupName);

/// <summary>Who a notice can be addressed to.</summary>
public sealed record NoticeAudienceOptions(IReadOnlyList<NoticeGroupOption> Groups, IReadOnlyList<NoticeAccountOption> Accounts);

/// <summary>
/// 通知 maintenance (SPEC F10; seed 002 “七、通知”): admins post a notice to everyone, an account group or one person.
/// Recipients are the enabled accounts of the scope at that moment (<see cref="NoticeAudience"/>); a scope reaching
/// nobody is refused with <c>NoticeNoRecipients</c> and stores nothing.
/// </summary>
public sealed class NoticeService(IDbContextFactory<CustomerServiceDbContext> dbFactory, ChangeFeed<NoticesChanged> changes)
{
    public async Task<Outcome<int>> PostAsync(
        int authorAccountId, string title, string body, NoticeTarget target, CancellationToken cancellationToken = default)
    {
        if (Notice.Check(title, body) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.Accounts.AsNoTracking()
            .Select(a => new NoticeCandidate(a.Id, a.AccountGroupId, a.IsEnabled))
            .ToListAsync(cancellationToken);
        var audience = NoticeAudience.Resolve(target, candidates);
        if (audience.Violation is { } noAudience)
        {
            return noAudience;
        }

        var authorName = await db.Accounts.Where(a => a.Id == authorAccountId).Select(a => a.InternalName).SingleOrDefaultAsync(cancellationToken);
        if (authorName is null)
        {
            return new RuleViolation("AccountMissing");
        }

        var notice = new Notice(title, body, target, authorAccountId, authorName, audience.Value!);
        db.Notices.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new NoticesChanged(audience.Value!));
        return notice.Id;
    }

    /// <summary>Newest first, with read counts.</summary>
    public async Task<IReadOnlyList<SentNoticeRow>> ListSentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
        var rows = await db.Notices.AsNoTracking()
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new
            {
                n.Id,
                n.Title,
                n.Body,
                n.Scope,
                GroupName = n.Scope == NoticeScope.AccountGroup ? db.AccountGroups.Where(g => g.Id == n.TargetId).Select(g => g.Name).FirstOrDefault() : null,
                AccountName = n.Scope == NoticeScope.Account ? db.Accounts.Where(a => a.Id == n.TargetId).Select(a => a.InternalName).FirstOrDefault() : null,
                n.AuthorName,
                n.CreatedAt,
                Recipients = n.Recipients.Count,
                Read = n.Recipients.Count(r => r.ReadAt != null),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(n => new SentNoticeRow(
                n.Id, n.Title, n.Body, n.Scope, n.GroupName ?? n.AccountName, n.AuthorName, EnterpriseClock.ToLocal(n.CreatedAt, zone), n.Recipients, n.Read))
            .ToList();
    }

    /// <summary>Withdraws a notice: it leaves every recipient's list and badge.</summary>
    public async Task<Outcome> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recipients = await db.NoticeRecipients.Where(r => r.NoticeId == id).Select(r => r.AccountId).ToListAsync(cancellationToken);
        // Recipient rows go with the notice (cascade).
        var deleted = await db.Notices.Where(n => n.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return new RuleViolation("NoticeMissing");
        }

        changes.Publish(new NoticesChanged(recipients));
        return Outcome.Ok;
    }

    public async Task<NoticeAudienceOptions> AudienceOptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var groups = await db.AccountGroups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new NoticeGroupOption(g.Id, g.Name, db.Accounts.Count(a => a.AccountGroupId == g.Id && a.IsEnabled)))
            .ToListAsync(cancellationToken);
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.IsEnabled)
            .OrderBy(a => a.AccountGroup!.Name).ThenBy(a => a.LoginName)
            .Select(a => new NoticeAccountOption(a.Id, a.LoginName, a.InternalName, a.AccountGroup!.Name))
            .ToListAsync(cancellationToken);
        return new NoticeAudienceOptions(groups, accounts);
    }
}
