using CustomerService.Data;
using CustomerService.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting;

/// <summary>The enterprise's zone and today (SPEC I0), for pages that offer periods counted from today.</summary>
public sealed class ReportCalendarReader(IDbContextFactory<CustomerServiceDbContext> dbFactory, TimeProvider clock)
{
    public async Task<(TimeZoneInfo Zone, DateOnly Today)> TodayAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.EnterpriseProfiles.AsNoTracking().SingleAsync(cancellationToken);
        return (profile.TimeZone, ReportPeriod.LocalDate(clock.GetUtcNow().UtcDateTime, profile.TimeZone));
    }
}
