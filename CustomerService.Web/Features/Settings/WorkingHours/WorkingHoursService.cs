using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.WorkingHours;

/// <summary>The saved hours, the zone they are read in, and whether the enterprise is open right now.</summary>
public sealed record WorkingHoursView(Domain.Organisation.WorkingHours Hours, string TimeZoneId, bool OpenNow);

/// <summary>工作时间 (SPEC C5; seed 002 “工作时间维护”): weekday and weekend hours on the enterprise row.</summary>
public sealed class WorkingHoursService(IDbContextFactory<CustomerServiceDbContext> dbFactory, TimeProvider clock)
{
    public async Task<WorkingHoursView?> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.EnterpriseProfiles.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return profile is null
            ? null
            : new WorkingHoursView(profile.WorkingHours, profile.TimeZoneId, profile.IsWorkingTime(clock.GetUtcNow().UtcDateTime));
    }

    public async Task<Outcome> SaveAsync(Domain.Organisation.WorkingHours hours, CancellationToken cancellationToken = default)
    {
        if (hours.Check() is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.EnterpriseProfiles.SingleOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return new RuleViolation("EnterpriseMissing");
        }

        profile.ChangeWorkingHours(hours);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }
}
