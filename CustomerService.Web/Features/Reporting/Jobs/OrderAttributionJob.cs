using CustomerService.Data;
using CustomerService.Web.Features.Reporting.Orders;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CustomerService.Web.Features.Reporting.Jobs;

/// <summary>
/// Recomputes the attribution of orders a later conversation changes (SPEC I0: 咨询前下单, a new assisting agent): for
/// the signed users whose conversations ended since the last run, their orders within one window of those
/// conversations. Follows conversation ends with a checkpoint, so a restart resumes where it stopped.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OrderAttributionJob(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, OrderAttributor attributor, TimeProvider clock, ILogger<OrderAttributionJob> logger)
    : LoggedJob(logger)
{
    public static readonly JobKey Key = new("order-attribution", "reporting");
    private const string CheckpointName = "order-attribution";

    /// <summary>A conversation ended at t is committed a moment later: read only ends this old, so none slips past the checkpoint.</summary>
    private static readonly TimeSpan CommitLag = TimeSpan.FromSeconds(30);

    public override async Task RunAsync(CancellationToken cancellationToken) => await RefreshAsync(cancellationToken);

    /// <summary>One pass; returns how many orders changed.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime - CommitLag;
        var checkpoint = await db.JobCheckpoints.SingleOrDefaultAsync(c => c.Name == CheckpointName, cancellationToken);
        if (checkpoint is null)
        {
            // First run: orders arriving from now on are attributed when they arrive; nothing ended before can change them.
            db.JobCheckpoints.Add(new JobCheckpoint(CheckpointName, now));
            await db.SaveChangesAsync(cancellationToken);
            return 0;
        }

        var since = checkpoint.ReachedAt;
        var ended = await (
                from c in db.Conversations.AsNoTracking()
                where c.EndedAt > since && c.EndedAt <= now && c.AgentId != null && c.VisitorMessageCount > 0 && c.AgentMessageCount > 0
                join v in db.Visitors.AsNoTracking() on c.VisitorId equals v.Id
                where v.ExternalUserId != null
                select new { UserId = v.ExternalUserId!, c.RequestedAt })
            .ToListAsync(cancellationToken);
        var changed = 0;
        if (ended.Count > 0)
        {
            var window = (await db.EnterpriseProfiles.AsNoTracking().SingleAsync(cancellationToken)).AttributionWindow;
            foreach (var user in ended.GroupBy(e => e.UserId, StringComparer.Ordinal))
            {
                var from = user.Min(e => e.RequestedAt) - window;
                var to = user.Max(e => e.RequestedAt) + window;
                var orders = await db.Orders.Where(o => o.UserId == user.Key && o.PlacedAt >= from && o.PlacedAt <= to).ToListAsync(cancellationToken);
                changed += await attributor.AttributeAsync(db, orders, window, cancellationToken);
            }
        }

        checkpoint.Reach(now);
        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }
}
