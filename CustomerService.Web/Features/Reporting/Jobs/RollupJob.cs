using CustomerService.Web.Features.Reporting.Rollups;
using Quartz;

namespace CustomerService.Web.Features.Reporting.Jobs;

/// <summary>
/// Rolls up every closed day that needs it (SPEC I4): yesterday after midnight, days never rolled, days marked by late
/// facts. Fired nightly in the enterprise time zone and every minute for late facts (<see cref="ReportingSchedule"/>).
/// </summary>
[DisallowConcurrentExecution]
public sealed class RollupJob(RollupBacklog backlog, DayRoller roller, ILogger<RollupJob> logger) : LoggedJob(logger)
{
    public static readonly JobKey Key = new("rollup", "reporting");

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var day in await backlog.DaysAsync(cancellationToken))
        {
            var rows = await roller.RollAsync(day, cancellationToken);
            logger.LogInformation("Rolled up {Day}: {Rows} rows.", day, rows);
        }
    }
}
