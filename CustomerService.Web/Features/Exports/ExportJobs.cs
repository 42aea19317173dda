using CustomerService.Web.Features.Reporting.Jobs;
using Quartz;

namespace CustomerService.Web.Features.Exports;

/// <summary>
/// Runs the queued export tasks (SPEC G5): fired when a task is queued and every minute (tasks queued before a
/// restart, or lost with a node). One at a time across the app: an export reads a whole search, and two would share
/// the same two cores.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ExportJob(ExportRunner runner, ILogger<ExportJob> logger) : LoggedJob(logger)
{
    public static readonly JobKey Key = new("export", "exports");

    public override async Task RunAsync(CancellationToken cancellationToken) => await runner.RunQueuedAsync(cancellationToken);
}

/// <summary>Deletes expired export files (SPEC G5), hourly.</summary>
[DisallowConcurrentExecution]
public sealed class ExportRetentionJob(ExportRetention retention, ILogger<ExportRetentionJob> logger) : LoggedJob(logger)
{
    public static readonly JobKey Key = new("export-retention", "exports");

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        var expired = await retention.SweepAsync(cancellationToken);
        if (expired > 0)
        {
            logger.LogInformation("Export retention: {Expired} files deleted.", expired);
        }
    }
}

/// <summary>Queued tasks start at once: the export job is fired now (it waits if an export is already running).</summary>
public sealed class QuartzExportQueue(ISchedulerFactory schedulers) : IExportQueue
{
    public async Task SignalAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(ExportJob.Key, cancellationToken);
    }
}
