using System.Text;
using CustomerService.Data;
using CustomerService.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CustomerService.Web.Features.Reporting.Jobs;

/// <summary>
/// Rewrites origin tallies rolled before their visitor sets were stored compactly (<see cref="VisitorSetJsonConverter"/>):
/// they read as they are, but a year of them made 咨询发起 twice as slow. Runs once a little after start; the tallies'
/// figures do not change, only their encoding, so nothing is re-rolled. A day rolled again meanwhile has new rows, and
/// the update of a row it deleted touches nothing.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OriginTallyEncodingJob(IDbContextFactory<CustomerServiceDbContext> dbFactory, ILogger<OriginTallyEncodingJob> logger) : LoggedJob(logger)
{
    public static readonly JobKey Key = new("origin-tally-encoding", "maintenance");

    private const int Batch = 500;

    private static readonly byte[] ArrayForm = Encoding.UTF8.GetBytes("\"OrderFill\":[");

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        var (after, rewritten) = (0L, 0);
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rows = await db.OriginRollupRows.AsNoTracking()
                .Where(r => r.Id > after).OrderBy(r => r.Id).Take(Batch)
                .Select(r => new { r.Id, r.Tally })
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            after = rows[^1].Id;
            var stale = rows.Where(r => r.Tally.AsSpan().IndexOf(ArrayForm) >= 0).ToList();
            if (stale.Count == 0)
            {
                continue;
            }

            var encoded = stale.Select(r => (r.Id, Tally: OriginTally.FromJson(r.Tally).ToJson())).ToList();
            // Through the execution strategy, as every roll: SQL Server's retrying strategy refuses a bare transaction.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                foreach (var (id, tally) in encoded)
                {
                    await db.OriginRollupRows.Where(r => r.Id == id).ExecuteUpdateAsync(set => set.SetProperty(r => r.Tally, tally), cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            });
            rewritten += stale.Count;
        }

        if (rewritten > 0)
        {
            logger.LogInformation("Rewrote {Rows} origin tallies with compact visitor sets.", rewritten);
        }
    }
}
