using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Customers;

/// <summary>
/// 客户信息 from the console (SPEC F7), saved for the CRM. Who may read and edit a visitor's profile is the CRM data scope
/// (SPEC B): admins all, a team lead those his account group served, sales and QC those they served themselves. The check
/// is in the query, not in the page.
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
        var profile = await db.CustomerProfiles.AsNoTracking().SingleOrDefaultAsync(c => c.VisitorId == visitorId, cancellationToken);
        if (profile is not null)
        {
            return new CustomerDetails(profile.Name, profile.Phone, profile.Email, profile.Notes);
        }

        // A first profile starts from what the merchant's signed widget data said about him.
        var name = await db.Visitors.AsNoTracking().Where(v => v.Id == visitorId).Select(v => v.Name).SingleOrDefaultAsync(cancellationToken);
        return new CustomerDetails(name, null, null, null);
    }

    public async Task<Outcome> SaveAsync(int accountId, long visitorId, CustomerDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (CustomerProfile.Check(details) is { } violation)
        {
            return violation;
        }

        if (!await dataScope.MaySeeVisitorAsync(accountId, ScopedModule.Crm, visitorId, cancellationToken))
        {
            return new RuleViolation("CustomerNotFound");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.CustomerProfiles.SingleOrDefaultAsync(c => c.VisitorId == visitorId, cancellationToken);
        if (profile is null)
        {
            profile = new CustomerProfile(visitorId);
            db.CustomerProfiles.Add(profile);
        }

        profile.Change(details, accountId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }
}
