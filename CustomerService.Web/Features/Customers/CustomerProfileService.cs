using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Security;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Customers;

/// <summary>
/// 客户信息 from the console (SPEC F7): the CRM customer the visitor is recognised as (SPEC J5: the visitor he was filed
/// from, or the merchant's signed user id), read and edited by the agents who may see the visitor (SPEC B: admins all,
/// a team lead those his account group served, sales and QC those they served themselves). Saving details for a visitor
/// nobody filed yet creates the customer: the agent is its creator (添加CRM, SPEC I0) and owner.
/// </summary>
public sealed class CustomerProfileService(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, DataScopeFilter dataScope, TimeProvider clock, ChangeFeed<CustomersChanged> changes)
{
    public async Task<CustomerDetails?> GetAsync(int accountId, long visitorId, CancellationToken cancellationToken = default)
    {
        if (!await dataScope.MaySeeVisitorAsync(accountId, ScopedModule.Crm, visitorId, cancellationToken))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visitor = await db.Visitors.AsNoTracking().Where(v => v.Id == visitorId).Select(v => new { v.Name, v.ExternalUserId }).SingleOrDefaultAsync(cancellationToken);
        if (visitor is null)
        {
            return null;
        }

        var customer = await CustomerRecognition.Of(db, visitorId, visitor.ExternalUserId).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return customer is not null
            ? new CustomerDetails(customer.Name, customer.Phone, customer.Email, customer.Notes)
            // A first record starts from what the merchant's signed widget data said about him.
            : new CustomerDetails(visitor.Name, null, null, null);
    }

    /// <summary>
    /// SPEC J5: the CRM badge of a visitor the agent may see — the customer he is recognised as and his star; null when
    /// he is nobody's customer yet (or out of the agent's sight).
    /// </summary>
    public async Task<CrmBadge?> BadgeAsync(int accountId, long visitorId, CancellationToken cancellationToken = default) =>
        (await BadgesAsync(accountId, [visitorId], cancellationToken)).GetValueOrDefault(visitorId);

    /// <summary>
    /// <see cref="BadgeAsync"/> for the visitors of the console's tiles at once: one scope query and one customer query.
    /// A visitor outside the agent's sight, or nobody's customer, has no entry.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, CrmBadge>> BadgesAsync(int accountId, IReadOnlyCollection<long> visitorIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visitorIds);
        if (visitorIds.Count == 0)
        {
            return new Dictionary<long, CrmBadge>();
        }

        var visible = await dataScope.ForAsync(accountId, ScopedModule.Crm, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visitors = await visible.Visitors(db).AsNoTracking()
            .Where(v => visitorIds.Contains(v.Id))
            .Select(v => new { v.Id, v.ExternalUserId })
            .ToListAsync(cancellationToken);
        var ids = visitors.Select(v => v.Id).ToList();
        var userIds = visitors.Where(v => v.ExternalUserId != null).Select(v => v.ExternalUserId!).ToList();
        var customers = await db.Customers.AsNoTracking()
            .Where(c => (c.OriginVisitorId != null && ids.Contains(c.OriginVisitorId.Value)) || (c.UserId != null && userIds.Contains(c.UserId)))
            .Select(c => new { c.Id, c.Star, c.OriginVisitorId, c.UserId })
            .ToListAsync(cancellationToken);
        var badges = new Dictionary<long, CrmBadge>();
        foreach (var visitor in visitors)
        {
            // CustomerRecognition's order: the customer filed from this visitor first, then the one of his signed id.
            var customer = customers.FirstOrDefault(c => c.OriginVisitorId == visitor.Id)
                ?? customers.FirstOrDefault(c => visitor.ExternalUserId is not null && c.UserId == visitor.ExternalUserId);
            if (customer is not null)
            {
                badges[visitor.Id] = new CrmBadge(customer.Id, customer.Star);
            }
        }

        return badges;
    }

    public async Task<Outcome> SaveAsync(int accountId, long visitorId, CustomerDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Customer.Check(details) is { } violation)
        {
            return violation;
        }

        if (!await dataScope.MaySeeVisitorAsync(accountId, ScopedModule.Crm, visitorId, cancellationToken))
        {
            return new RuleViolation("CustomerNotFound");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var userId = await db.Visitors.Where(v => v.Id == visitorId).Select(v => v.ExternalUserId).SingleOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var customer = await CustomerRecognition.Of(db, visitorId, userId).FirstOrDefaultAsync(cancellationToken);
        if (customer is null)
        {
            db.Customers.Add(Customer.FromConsole(visitorId, userId, details, accountId, now));
        }
        else
        {
            customer.Change(details, accountId, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(CustomersChanged.Instance);
        return Outcome.Ok;
    }
}

/// <summary>The console's CRM badge (SPEC J5): which customer a visitor is, and his star (null: none).</summary>
public sealed record CrmBadge(long CustomerId, int? Star);
