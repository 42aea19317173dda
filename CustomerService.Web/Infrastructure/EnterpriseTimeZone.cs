using CustomerService.Data;
using CustomerService.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Infrastructure;

/// <summary>
/// The enterprise's clock for services and pages that are handed no context of their own (SPEC I0, K): its zone, read
/// through <see cref="EnterpriseClock"/> like every other time shown, and today's local date — what a local date in a
/// report, an API query or a period preset means.
/// </summary>
public sealed class EnterpriseTimeZone(IDbContextFactory<CustomerServiceDbContext> dbFactory, TimeProvider clock)
{
    public async Task<TimeZoneInfo> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
    }

    /// <summary>The zone and the local date it is there now (presets such as 今天 / 近7天 count from it).</summary>
    public async Task<(TimeZoneInfo Zone, DateOnly Today)> TodayAsync(CancellationToken cancellationToken = default)
    {
        var zone = await GetAsync(cancellationToken);
        return (zone, ReportPeriod.LocalDate(clock.GetUtcNow().UtcDateTime, zone));
    }
}
