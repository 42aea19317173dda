using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Security;
using CustomerService.Domain.Visitors;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Security;

/// <summary>
/// Who may see which conversation, visitor, file and customer (SPEC B): the one place that turns an account and a module
/// into query filters. Build the filter once per request or operation, then apply it to any query of any context:
/// <code>
/// var visible = await dataScope.ForAsync(accountId, ScopedModule.Records);
/// var rows = await visible.Conversations(db).Where(c => c.RequestedAt >= from).ToListAsync();
/// </code>
/// The role and account group are read from the account row here and nowhere else in data access (ADR 002: the row
/// owns the role; the cookie's role claim may be a minute old). A disabled or unknown account sees nothing.
/// </summary>
public sealed class DataScopeFilter(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    public async Task<VisibleData> ForAsync(int accountId, ScopedModule module, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == accountId && a.IsEnabled)
            .Select(a => new { a.Role, a.AccountGroupId })
            .FirstOrDefaultAsync(cancellationToken);
        return account is null
            ? new VisibleData(accountId, 0, module, DataScope.None)
            : new VisibleData(accountId, account.AccountGroupId, module, PermissionMatrix.ScopeOf(account.Role, module));
    }

    /// <summary>Whether the account sees the visitor in the module: he has a conversation the account sees.</summary>
    public async Task<bool> MaySeeVisitorAsync(int accountId, ScopedModule module, long visitorId, CancellationToken cancellationToken = default)
    {
        var visible = await ForAsync(accountId, module, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await visible.Visitors(db).AnyAsync(v => v.Id == visitorId, cancellationToken);
    }
}

/// <summary>
/// What one account sees in one module, as queries over a context the caller owns. “A conversation is an agent's when
/// he took part in it” (SPEC B): a participant row, written when he was assigned, accepted a transfer, was invited or
/// barged in. “Own group” is the account group (账号分组) of the participants today, so a team lead sees the history of
/// the agents he leads now.
/// </summary>
public sealed class VisibleData(int accountId, int accountGroupId, ScopedModule module, DataScope scope)
{
    public int AccountId { get; } = accountId;

    public ScopedModule Module { get; } = module;

    public DataScope Scope { get; } = scope;

    public IQueryable<Conversation> Conversations(CustomerServiceDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var accountId = AccountId;
        return Scope switch
        {
            DataScope.All => db.Conversations,
            // A request nobody took part in (abandoned in the queue, or only a message left) is seen by the team lead
            // of the agents who would have served it: its reception group has a member of his account group. That is
            // the queue he reads in 排队分析 (issue 11: its 放弃 figure lists these requests).
            DataScope.OwnGroup => db.Conversations.Where(c => db.Participants.Any(p => p.ConversationId == c.Id
                    && db.Accounts.Any(a => a.Id == p.AgentId && a.AccountGroupId == accountGroupId))
                || (!db.Participants.Any(p => p.ConversationId == c.Id)
                    && db.ReceptionGroupMembers.Any(m => m.ReceptionGroupId == c.ReceptionGroupId
                        && db.Accounts.Any(a => a.Id == m.AccountId && a.AccountGroupId == accountGroupId)))),
            DataScope.Self => db.Conversations.Where(c => db.Participants.Any(p => p.ConversationId == c.Id && p.AgentId == accountId)),
            DataScope.None => db.Conversations.Where(c => false),
        };
    }

    /// <summary>
    /// Whether the account sees requests nobody took part in (SPEC B says nothing of them; issue 11 decides): Admin and QC
    /// all, a team lead those of his agents' reception groups, Sales none — he sees only what he took part in, and has no
    /// 排队分析 either.
    /// </summary>
    public bool SeesUnassignedRequests => Scope is DataScope.All or DataScope.OwnGroup;

    /// <summary>
    /// Stays in a queue (排队分析's facts) whose request the account sees: the same rule as <see cref="Conversations"/>,
    /// so every queue row listed opens as a transcript. For a team lead an unassigned request of his reception groups,
    /// or one a member of his group took part in before it queued again (SPEC D5); none for Sales.
    /// </summary>
    public IQueryable<ConversationQueueEntry> QueueEntries(CustomerServiceDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!SeesUnassignedRequests)
        {
            return db.QueueEntries.Where(e => false);
        }

        if (Scope == DataScope.All)
        {
            return db.QueueEntries;
        }

        var conversations = Conversations(db);
        return db.QueueEntries.Where(e => conversations.Any(c => c.Id == e.ConversationId));
    }

    /// <summary>
    /// The accounts whose own figures the account sees (KPI per agent: everyone, his account group, or himself).
    /// </summary>
    public IQueryable<Account> Accounts(CustomerServiceDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var accountId = AccountId;
        return Scope switch
        {
            DataScope.All => db.Accounts,
            DataScope.OwnGroup => db.Accounts.Where(a => a.AccountGroupId == accountGroupId),
            DataScope.Self => db.Accounts.Where(a => a.Id == accountId),
            DataScope.None => db.Accounts.Where(a => false),
        };
    }

    /// <summary>Visitors with a visible conversation (every visitor for <see cref="DataScope.All"/>).</summary>
    public IQueryable<Visitor> Visitors(CustomerServiceDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Scope == DataScope.All)
        {
            return db.Visitors;
        }

        var conversations = Conversations(db);
        return db.Visitors.Where(v => conversations.Any(c => c.VisitorId == v.Id));
    }

    /// <summary>
    /// Uploaded images and files (messages with stored bytes) of visible visitors: the console's visitor history shows
    /// a visible visitor's messages with every agent, so his files there must open too.
    /// </summary>
    public IQueryable<ChatMessage> Files(CustomerServiceDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var files = db.Messages.Where(m => m.StorageKey != null);
        if (Scope == DataScope.All)
        {
            return files;
        }

        var visitors = Visitors(db);
        return files.Where(m => db.Conversations.Any(c => c.Id == m.ConversationId && visitors.Any(v => v.Id == c.VisitorId)));
    }

    /// <summary>
    /// CRM customers (SPEC B, J2): Admin all, a team lead those owned by an agent of his account group today, Sales and QC
    /// those they own. Unowned customers (未分配) are the admin's alone. Meant for <see cref="ScopedModule.Crm"/>.
    /// </summary>
    public IQueryable<Customer> Customers(CustomerServiceDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var accountId = AccountId;
        return Scope switch
        {
            DataScope.All => db.Customers,
            DataScope.OwnGroup => db.Customers.Where(c => db.Accounts.Any(a => a.Id == c.OwnerAccountId && a.AccountGroupId == accountGroupId)),
            DataScope.Self => db.Customers.Where(c => c.OwnerAccountId == accountId),
            DataScope.None => db.Customers.Where(c => false),
        };
    }
}
