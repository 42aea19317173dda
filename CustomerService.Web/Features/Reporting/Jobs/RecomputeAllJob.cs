using CustomerService.Data;
using CustomerService.Web.Features.Reporting.Orders;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CustomerService.Web.Features.Reporting.Jobs;

/// <summary>
/// After the time zone or the attribution window changed (SPEC I4: "changing the enterprise time zone re-rolls every
/// day"): re-attributes every order with the current window, user by user, then drops every rollup so
/// <see cref="RollupJob"/> rolls all days again on the new calendar. Until then reports compute those days from facts.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RecomputeAllJob(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, OrderAttributor attributor, ILogger<RecomputeAllJob> logger) : LoggedJob(logger)
{
    public static readonly JobKey Key = new("recompute-all", "reporting");
    private const int UsersPerBatch = 200;

    public override async Task RunAsync(CancellationToken cancellationToken) => await RecomputeAsync(cancellationToken);

    public async Task RecomputeAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Every kind of rolled row: a set or tally of the old calendar left behind would be merged into a month again.
            await db.RollupRows.ExecuteDeleteAsync(cancellationToken);
            await db.DistinctRollupRows.ExecuteDeleteAsync(cancellationToken);
            await db.OriginRollupRows.ExecuteDeleteAsync(cancellationToken);
            await db.RollupDays.ExecuteDeleteAsync(cancellationToken);
            await db.RollupDirtyMarks.ExecuteDeleteAsync(cancellationToken);
        }

        List<string> users;
        TimeSpan window;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            users = await db.Orders.Select(o => o.UserId).Distinct().OrderBy(u => u).ToListAsync(cancellationToken);
            window = (await db.EnterpriseProfiles.AsNoTracking().SingleAsync(cancellationToken)).AttributionWindow;
        }

        var changed = 0;
        foreach (var batch in users.Chunk(UsersPerBatch))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var orders = await db.Orders.Where(o => batch.Contains(o.UserId)).ToListAsync(cancellationToken);
            changed += await attributor.AttributeAsync(db, orders, window, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        logger.LogInformation("Recomputed reporting: {Changed} orders re-attributed; every day will be rolled up again.", changed);
    }
}
