using CustomerService.Data;
using CustomerService.Web.Features.Reporting.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting;

/// <summary>
/// At start: puts the enterprise time zone on the data layer's calendar (late-fact marks need it) and schedules the
/// reporting jobs on that clock.
/// </summary>
public sealed class ReportingStartup(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, ReportingCalendar calendar, ReportingSchedule schedule) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.EnterpriseProfiles.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (profile is not null)
        {
            calendar.Zone = profile.TimeZone;
            calendar.AttributionWindow = TimeSpan.FromDays(profile.AttributionWindowDays);
        }

        await schedule.ApplyAsync(calendar.Zone, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
