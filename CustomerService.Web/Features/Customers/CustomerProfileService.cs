using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Customers;

/// <summary>
/// 客户信息 from the console (SPEC F7): the CRM customer the visitor is recognised as (SPEC J5: the visitor he was filed
/// from, or the merchant's signed user id), read and edited by the agents who may see the visitor (SPEC B: admins all,
/// a team lead those his account group served, sales and QC those they served themselves). Saving details for a visitor
/// nobody filed yet creates the customer: the agent is its creator (添加CRM, SPEC I0) and owner.
/// </summary>
public sealed class CustomerProfileService(IDbContextFactory<CustomerServiceDbContext> dbFactory, DataScopeFilter dataScope, TimeProvider clock)
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
    public async Task<CrmBadge?> BadgeAsync(int accountId, long visitorId, CancellationToken cancellationToken = default)
    {
        if (!await dataScope.MaySeeVisitorAsync(accountId, ScopedModule.Crm, visitorId, cancellationToken))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var userId = await db.Visitors.AsNoTracking().Where(v => v.Id == visitorId).Select(v => v.ExternalUserId).SingleOrDefaultAsync(cancellationToken);
        return await CustomerRecognition.Of(db, visitorId, userId).AsNoTracking()
            .Select(c => new CrmBadge(c.Id, c.Star))
            .FirstOrDefaultAsync(cancellationToken);
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
        return Outcome.Ok;
    }
}

/// <summary>The console's CRM badge (SPEC J5): which customer a visitor is, and his star (null: none).</summary>
public sealed record CrmBadge(long CustomerId, int? Star);
