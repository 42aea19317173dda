using Quartz;

namespace CustomerService.Web.Features.Reporting.Jobs;

/// <summary>
/// Every trigger of the app's jobs (reporting, and the export tasks' runner and retention), in one place, on the enterprise clock (SPEC I4). Applied at start and again when
/// the enterprise time zone changes, replacing the triggers it made before.
/// </summary>
public sealed class ReportingSchedule(ISchedulerFactory schedulers)
{
    /// <summary>Five minutes past local midnight: yesterday is closed, and late conversations of the last minute are saved.</summary>
    public const string NightlyCron = "0 5 0 * * ?";

    /// <summary>Half past midnight: after the nightly rollup has written the day's rows.</summary>
    public const string StatisticsCron = "0 30 0 * * ?";

    public async Task ApplyAsync(TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var triggers = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>
        {
            [await scheduler.GetJobDetail(RollupJob.Key, cancellationToken) ?? throw MissingJob(RollupJob.Key)] =
            [
                TriggerBuilder.Create().WithIdentity("rollup-nightly", "reporting").ForJob(RollupJob.Key)
                    .WithCronSchedule(NightlyCron, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                    .Build(),
                TriggerBuilder.Create().WithIdentity("rollup-late-facts", "reporting").ForJob(RollupJob.Key)
                    .StartAt(DateTimeOffset.UtcNow.AddSeconds(20))
                    .WithSimpleSchedule(every => every.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                    .Build(),
            ],
            [await scheduler.GetJobDetail(DatabaseStatisticsJob.Key, cancellationToken) ?? throw MissingJob(DatabaseStatisticsJob.Key)] =
            [
                // Once soon after start (a database just migrated or given a demo history), then nightly after the rollup.
                TriggerBuilder.Create().WithIdentity("database-statistics-start", "maintenance").ForJob(DatabaseStatisticsJob.Key)
                    .StartAt(DateTimeOffset.UtcNow.AddMinutes(2))
                    .Build(),
                TriggerBuilder.Create().WithIdentity("database-statistics-nightly", "maintenance").ForJob(DatabaseStatisticsJob.Key)
                    .WithCronSchedule(StatisticsCron, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                    .Build(),
            ],
            [await scheduler.GetJobDetail(OriginTallyEncodingJob.Key, cancellationToken) ?? throw MissingJob(OriginTallyEncodingJob.Key)] =
            [
                // Once after start: it finds nothing to do once every stored tally is compact.
                TriggerBuilder.Create().WithIdentity("origin-tally-encoding-start", "maintenance").ForJob(OriginTallyEncodingJob.Key)
                    .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                    .Build(),
            ],
            [await scheduler.GetJobDetail(OrderAttributionJob.Key, cancellationToken) ?? throw MissingJob(OrderAttributionJob.Key)] =
            [
                TriggerBuilder.Create().WithIdentity("order-attribution", "reporting").ForJob(OrderAttributionJob.Key)
                    .StartAt(DateTimeOffset.UtcNow.AddSeconds(10))
                    .WithSimpleSchedule(every => every.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                    .Build(),
            ],
            [await scheduler.GetJobDetail(Exports.ExportJob.Key, cancellationToken) ?? throw MissingJob(Exports.ExportJob.Key)] =
            [
                // Queuing fires the export job at once; this picks up tasks queued before a restart or lost with a node.
                TriggerBuilder.Create().WithIdentity("export-sweep", "exports").ForJob(Exports.ExportJob.Key)
                    .StartAt(DateTimeOffset.UtcNow.AddSeconds(15))
                    .WithSimpleSchedule(every => every.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                    .Build(),
            ],
            [await scheduler.GetJobDetail(Exports.ExportRetentionJob.Key, cancellationToken) ?? throw MissingJob(Exports.ExportRetentionJob.Key)] =
            [
                TriggerBuilder.Create().WithIdentity("export-retention", "exports").ForJob(Exports.ExportRetentionJob.Key)
                    .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                    .WithSimpleSchedule(every => every.WithInterval(TimeSpan.FromHours(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                    .Build(),
            ],
        };
        await scheduler.ScheduleJobs(triggers, ScheduleJobOptions.Replacing, cancellationToken);
    }

    /// <summary>Runs <see cref="RecomputeAllJob"/> now (after a time zone or attribution window change).</summary>
    public async Task RecomputeAllNowAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(RecomputeAllJob.Key, new JobDataMap(), cancellationToken);
    }

    private static InvalidOperationException MissingJob(JobKey key) => new($"Quartz job {key} is not registered.");
}
