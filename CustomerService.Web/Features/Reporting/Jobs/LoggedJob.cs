using Quartz;

namespace CustomerService.Web.Features.Reporting.Jobs;

/// <summary>
/// The base of our Quartz jobs: Quartz runs each in a DI scope of its own; this logs a failure with the job's name and
/// lets the next firing try again, instead of Quartz's bare error log (a nightly rollup that fails silently is a wrong
/// KPI page the next morning).
/// </summary>
public abstract class LoggedJob(ILogger logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down; the next start catches up.
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Job {Job} failed; it runs again at its next firing.", context.JobDetail.Key.Name);
        }
    }

    /// <summary>One pass of the job's work; also called directly (the history seeder, tests), without the failure log.</summary>
    public abstract Task RunAsync(CancellationToken cancellationToken);
}
