using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Invitations;

/// <summary>One of my private contacts (我的专属访客): who, since when, and whether he is on the site now.</summary>
public sealed record PrivateContactRow(long VisitorId, string? Name, bool IsVip, DateTime Since, DateTime LastSeenAt, bool IsOnline);

/// <summary>
/// 设为专属客服 / 取消 (seed 001 私密联系人, SPEC D2.2) from the console's visitor panel. An agent binds a visitor to
/// himself, a visitor he may see (he served him); a visitor already bound to a colleague stays his until that colleague
/// (or an admin) lets him go, so nobody takes a colleague's customer by a click. Binding across reception groups is
/// allowed (docs/adr 021). The engine checks, stores and routes by the binding, all in one step.
/// </summary>
public sealed class PrivateContactBook(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, ConversationEngine engine, OnlineVisitors online, DataScopeFilter scope)
{
    /// <summary>The agent the visitor is bound to, if any.</summary>
    public async Task<int?> OwnerOfAsync(long visitorId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PrivateContacts.AsNoTracking().Where(p => p.VisitorId == visitorId)
            .Select(p => (int?)p.AgentId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Binds the visitor to the agent; the engine decides, in one step, whether he is free and visible to him.</summary>
    public async Task<Outcome> BindAsync(int agentId, long visitorId, CancellationToken cancellationToken = default)
    {
        // Only a visitor he may see (SPEC B records scope: one he served, his group's for a lead, anyone for an admin);
        // any other looks unknown, as everywhere else. The scope is resolved here; its query runs inside the engine's step.
        var visible = await scope.ForAsync(agentId, ScopedModule.Records, cancellationToken);
        return await RunAsync(() => engine.BindPrivateContactAsync(agentId, visitorId, visible));
    }

    /// <param name="mayReleaseAnyone">An admin may release a colleague's contact (an agent who left the company).</param>
    public Task<Outcome> UnbindAsync(int agentId, long visitorId, bool mayReleaseAnyone = false) =>
        RunAsync(() => engine.UnbindPrivateContactAsync(agentId, visitorId, mayReleaseAnyone));

    public async Task<IReadOnlyList<PrivateContactRow>> MineAsync(int agentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from contact in db.PrivateContacts.AsNoTracking()
                join visitor in db.Visitors.AsNoTracking() on contact.VisitorId equals visitor.Id
                where contact.AgentId == agentId
                orderby contact.CreatedAt descending
                select new { visitor.Id, visitor.Name, visitor.IsVip, contact.CreatedAt, visitor.LastSeenAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new PrivateContactRow(r.Id, r.Name, r.IsVip, r.CreatedAt, r.LastSeenAt, online.IsOnline(r.Id)))];
    }

    private static async Task<Outcome> RunAsync(Func<Task> command)
    {
        try
        {
            await command();
            return Outcome.Ok;
        }
        catch (RuleViolationException exception)
        {
            return exception.Violation;
        }
    }
}
