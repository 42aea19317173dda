using CustomerService.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Infrastructure;

/// <summary>
/// Times are stored in UTC and shown on the enterprise's clock (<c>EnterpriseProfile.TimeZoneId</c>, the zone working
/// hours and daily reports use), so everyone in the company reads the same time whatever the server's zone is.
/// </summary>
public static class EnterpriseClock
{
    public static async Task<TimeZoneInfo> TimeZoneAsync(CustomerServiceDbContext db, CancellationToken cancellationToken)
    {
        var profile = await db.EnterpriseProfiles.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return profile?.TimeZone ?? TimeZoneInfo.Utc;
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
