using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Customers;

/// <summary>
/// 客户信息 from the console (SPEC F7), saved for the CRM. An agent may read and edit the profile of a visitor he served
/// (or serves now); admins any. The check is in the query, not in the page.
/// </summary>
public sealed class CustomerProfileService(IDbContextFactory<CustomerServiceDbContext> dbFactory, TimeProvider clock)
{
    public async Task<CustomerDetails?> GetAsync(int accountId, long visitorId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await MayAccessAsync(db, accountId, visitorId, cancellationToken))
        {
            return null;
        }

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

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await MayAccessAsync(db, accountId, visitorId, cancellationToken))
        {
            return new RuleViolation("CustomerNotFound");
        }

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

    private static async Task<bool> MayAccessAsync(CustomerServiceDbContext db, int accountId, long visitorId, CancellationToken cancellationToken) =>
        await db.Accounts.AnyAsync(a => a.Id == accountId && a.IsEnabled && a.Role == AccountRole.Admin, cancellationToken)
        || await db.Participants.AnyAsync(
            p => p.AgentId == accountId && db.Conversations.Any(c => c.Id == p.ConversationId && c.VisitorId == visitorId), cancellationToken);
}
