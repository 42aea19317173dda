using CustomerService.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Infrastructure;

/// <summary>
/// The enterprise's time zone (SPEC I0, K): what a local date in a report or an API query means. One place to ask, so
/// reports, the integration API and rollups never disagree on where a day begins. Today it reads the enterprise
/// profile's zone (the setting on the enterprise page, default <c>Asia/Shanghai</c>); without a profile, or with a zone
/// this machine does not know, it is <see cref="DefaultId"/>.
/// </summary>
public sealed class EnterpriseTimeZone(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    public const string DefaultId = "Asia/Shanghai";

    public async Task<TimeZoneInfo> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = await db.EnterpriseProfiles.AsNoTracking().Select(p => p.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : TimeZoneInfo.FindSystemTimeZoneById(DefaultId);
    }
}
