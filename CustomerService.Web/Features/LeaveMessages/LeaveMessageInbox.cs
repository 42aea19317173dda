using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.LeaveMessages;
using CustomerService.Domain.Organisation;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.LeaveMessages;

public enum LeaveMessageFilter
{
    Unhandled = 0,
    Handled = 1,
    All = 2,
}

/// <summary>A leave-message in the inbox list (seed 002 “全部留言” columns); times are on the enterprise's clock.</summary>
public sealed record LeaveMessageRow(
    long Id,
    DateTime CreatedAt,
    string? Name,
    string? Phone,
    string? Email,
    string Content,
    long? VisitorId,
    string? ResponsibleAgent,
    string ReceptionGroup,
    DateTime? HandledAt,
    string? HandledBy,
    bool Replied);

public sealed record LeaveMessagePage(IReadOnlyList<LeaveMessageRow> Rows, int Total);

/// <summary>One leave-message with its reply; <see cref="CompanyName"/> signs the suggested reply subject.</summary>
public sealed record LeaveMessageDetail(LeaveMessageRow Message, string EntryName, long? ConversationId, string? Reply, string CompanyName);

/// <summary>
/// 留言处理 (SPEC D12, G1; seed 002 “全部留言”, “访客留言”): every agent's leave-message inbox. Each query is limited to
/// the account's 留言处理范围 by <see cref="LeaveMessageVisibility"/> in SQL, so a message outside it is “not found”
/// for listing, reading, handling and replying alike. Replies go out by e-mail through <see cref="ILeaveMessageMailer"/>
/// and are recorded only after the mail server accepted them.
/// </summary>
public sealed class LeaveMessageInbox(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, ILeaveMessageMailer mailer, TimeProvider clock)
{
    public const int SubjectMaxLength = 200;
    public const int MaxPageSize = 200;

    /// <summary>Whether replies can be e-mailed at all (a mail server is configured).</summary>
    public bool CanReplyByEmail => mailer.IsConfigured;

    /// <summary>The account's messages, newest first.</summary>
    public Task<LeaveMessagePage> ListAsync(
        int accountId, LeaveMessageFilter filter, int skip = 0, int take = 50, CancellationToken cancellationToken = default) =>
        ListAsync(accountId, new LeaveMessageCriteria(filter), skip, take, cancellationToken);

    /// <summary>
    /// The account's messages that meet <paramref name="criteria"/> (a KPI figure's period and credited agent or account
    /// group, <see cref="LeaveMessageCredit"/>), newest first. The 留言处理范围 applies first: where it is narrower than
    /// the account's KPI scope (an agent with scope Own, a QC inspector), the list holds only what he may handle, so
    /// fewer rows than the figure counts; within it, exactly the figure's messages.
    /// </summary>
    public async Task<LeaveMessagePage> ListAsync(
        int accountId, LeaveMessageCriteria criteria, int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await LeaveMessageCredit.CheckAsync(db, criteria, cancellationToken) is not null)
        {
            return new LeaveMessagePage([], 0);
        }

        var visible = await LeaveMessageCredit.ApplyAsync(db, Filtered(await VisibleToAsync(db, accountId, cancellationToken), criteria.Filter), criteria, cancellationToken);
        var total = await visible.CountAsync(cancellationToken);
        var page = visible.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip(skip).Take(Math.Min(take, MaxPageSize));
        var rows = await RowsAsync(db, page, cancellationToken);
        return new LeaveMessagePage([.. rows.Select(r => r.Row)], total);
    }

    /// <summary>Why a list's criteria show nothing (an account group that does not exist), for the page to say; or null.</summary>
    public async Task<RuleViolation?> CheckAsync(LeaveMessageCriteria criteria, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LeaveMessageCredit.CheckAsync(db, criteria, cancellationToken);
    }

    public async Task<int> CountUnhandledAsync(int accountId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Filtered(await VisibleToAsync(db, accountId, cancellationToken), LeaveMessageFilter.Unhandled).CountAsync(cancellationToken);
    }

    /// <summary>The message, or null when it does not exist or lies outside the account's scope.</summary>
    public async Task<LeaveMessageDetail?> GetAsync(int accountId, long messageId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var one = (await VisibleToAsync(db, accountId, cancellationToken)).Where(m => m.Id == messageId);
        var row = (await RowsAsync(db, one, cancellationToken)).SingleOrDefault();
        if (row is null)
        {
            return null;
        }

        var entryName = await db.ConsultationEntries.Where(e => e.Id == row.EntryId).Select(e => e.Name).FirstOrDefaultAsync(cancellationToken);
        var company = await db.EnterpriseProfiles.AsNoTracking().Select(p => p.CompanyName).FirstOrDefaultAsync(cancellationToken);
        return new LeaveMessageDetail(row.Row, entryName ?? string.Empty, row.ConversationId, row.Reply, company ?? string.Empty);
    }

    /// <summary>处理: the agent dealt with it another way (a phone call); refused when someone already handled it.</summary>
    public async Task<Outcome> MarkHandledAsync(int accountId, long messageId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = await (await VisibleToAsync(db, accountId, cancellationToken)).AsTracking()
            .SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null)
        {
            return new RuleViolation("LeaveMessageNotFound");
        }

        if (message.CheckMarkHandled() is { } violation)
        {
            return violation;
        }

        message.MarkHandled(accountId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    /// <summary>
    /// E-mails <paramref name="text"/> to the address the visitor left, then records it as the reply (which handles the
    /// message). Nothing is recorded when the mail could not be sent.
    /// </summary>
    public async Task<Outcome> ReplyAsync(int accountId, long messageId, string? subject, string? text, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = await (await VisibleToAsync(db, accountId, cancellationToken)).AsTracking()
            .SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null)
        {
            return new RuleViolation("LeaveMessageNotFound");
        }

        var violation = message.CheckReply(text)
            ?? (string.IsNullOrWhiteSpace(subject) ? new RuleViolation("Required", "LeaveMessage.Subject")
                : subject.Trim().Length > SubjectMaxLength ? new RuleViolation("TooLong", "LeaveMessage.Subject", SubjectMaxLength)
                : null);
        if (violation is not null)
        {
            return violation;
        }

        var reply = text!.Trim();
        var sent = await mailer.SendAsync(new LeaveMessageMail(message.Email!.Trim(), message.Name, subject!.Trim(), MailBody(reply, message)), cancellationToken);
        if (!sent.Succeeded)
        {
            return sent;
        }

        message.RecordReply(accountId, reply, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    /// <summary>
    /// Where news of new messages for this account is published (<see cref="LeaveMessageCreated"/>): its own topic and
    /// those of the reception groups its scope covers.
    /// </summary>
    public async Task<IReadOnlyList<EventTopic>> TopicsAsync(int accountId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = await db.Accounts.Where(a => a.Id == accountId).Select(a => (LeaveMessageScope?)a.LeaveMessageScope).SingleOrDefaultAsync(cancellationToken);
        var groups = scope switch
        {
            LeaveMessageScope.All => await db.ReceptionGroups.Select(g => g.Id).ToListAsync(cancellationToken),
            LeaveMessageScope.ReceptionGroups => await MemberGroupsAsync(db, accountId, cancellationToken),
            _ => [],
        };
        return [EventTopic.Agent(accountId), .. groups.Select(EventTopic.Group)];
    }

    /// <summary>The reply, then the visitor's message quoted, as mail clients do.</summary>
    private static string MailBody(string reply, LeaveMessage message) =>
        reply + "\n\n" + string.Join("\n", message.Content.ReplaceLineEndings("\n").Split('\n').Select(line => "> " + line)) + "\n";

    private static IQueryable<LeaveMessage> Filtered(IQueryable<LeaveMessage> messages, LeaveMessageFilter filter) => filter switch
    {
        LeaveMessageFilter.Unhandled => messages.Where(m => m.HandledAt == null),
        LeaveMessageFilter.Handled => messages.Where(m => m.HandledAt != null),
        LeaveMessageFilter.All => messages,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, null),
    };

    /// <summary>The messages the account may see; none for an unknown or disabled account.</summary>
    private static async Task<IQueryable<LeaveMessage>> VisibleToAsync(CustomerServiceDbContext db, int accountId, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId && a.IsEnabled)
            .Select(a => new { a.LeaveMessageScope }).SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return db.LeaveMessages.AsNoTracking().Where(m => false);
        }

        var groups = account.LeaveMessageScope == LeaveMessageScope.ReceptionGroups
            ? await MemberGroupsAsync(db, accountId, cancellationToken)
            : [];
        return db.LeaveMessages.AsNoTracking().Where(LeaveMessageVisibility.VisibleTo(account.LeaveMessageScope, accountId, groups));
    }

    private static Task<List<int>> MemberGroupsAsync(CustomerServiceDbContext db, int accountId, CancellationToken cancellationToken) =>
        db.ReceptionGroupMembers.Where(m => m.AccountId == accountId).Select(m => m.ReceptionGroupId).Distinct().ToListAsync(cancellationToken);

    private static async Task<List<StoredRow>> RowsAsync(CustomerServiceDbContext db, IQueryable<LeaveMessage> messages, CancellationToken cancellationToken)
    {
        var zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
        var rows = await (
                from m in messages
                join g in db.ReceptionGroups on m.ReceptionGroupId equals g.Id into groups
                from g in groups.DefaultIfEmpty()
                join r in db.Accounts on m.ResponsibleAgentId equals (int?)r.Id into responsible
                from r in responsible.DefaultIfEmpty()
                join h in db.Accounts on m.HandledByAccountId equals (int?)h.Id into handlers
                from h in handlers.DefaultIfEmpty()
                select new
                {
                    m.Id,
                    m.CreatedAt,
                    m.Name,
                    m.Phone,
                    m.Email,
                    m.Content,
                    m.VisitorId,
                    Responsible = r == null ? null : r.InternalName,
                    Group = g == null ? null : g.Name,
                    m.HandledAt,
                    HandledBy = h == null ? null : h.InternalName,
                    m.Reply,
                    m.EntryId,
                    m.ConversationId,
                })
            .ToListAsync(cancellationToken);
        // The joins may not keep the page's order, so it is restored here (the page itself was cut in SQL).
        return [.. rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => new StoredRow(
            new LeaveMessageRow(
                r.Id, EnterpriseClock.ToLocal(r.CreatedAt, zone), r.Name, r.Phone, r.Email, r.Content, r.VisitorId, r.Responsible,
                r.Group ?? string.Empty, r.HandledAt is { } handled ? EnterpriseClock.ToLocal(handled, zone) : null, r.HandledBy, r.Reply is not null),
            r.EntryId, r.ConversationId, r.Reply))];
    }

    private sealed record StoredRow(LeaveMessageRow Row, int EntryId, long? ConversationId, string? Reply);
}
