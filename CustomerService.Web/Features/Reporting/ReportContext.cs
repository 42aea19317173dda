using CustomerService.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting;

/// <summary>The enterprise settings and clock a report is computed with, read once per report.</summary>
internal sealed record ReportContext(TimeZoneInfo Zone, TimeSpan AttributionWindow, DateTime Now, DateOnly Today, DateTime? LastRolledAt)
{
    public static async Task<ReportContext> LoadAsync(CustomerServiceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var profile = await db.EnterpriseProfiles.AsNoTracking().SingleAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = profile.TimeZone;
        var lastRolledAt = await db.RollupDays.MaxAsync(d => (DateTime?)d.RolledAt, cancellationToken);
        return new ReportContext(zone, profile.AttributionWindow, now, Domain.Reporting.ReportPeriod.LocalDate(now, zone), lastRolledAt);
    }
}
