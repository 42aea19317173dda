using CustomerService.Tests.Fakes;
using CustomerService.Web.Features.Reporting.Jobs;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Impl;
using Quartz.Extensibility;

namespace CustomerService.Tests.Features.Reporting.Jobs;

/// <summary>A job's failure is logged with the job's name and does not escape to Quartz; a shutdown is not a failure.</summary>
public sealed class LoggedJobTests
{
    [Fact]
    public async Task A_failure_is_logged_as_an_error_naming_the_job_and_not_thrown()
    {
        var logger = new RecordingLogger<ThrowingJob>();
        var failure = new InvalidOperationException("disk full");
        var job = new ThrowingJob(logger, failure);

        await job.Execute(ContextOf(job), CancellationToken.None);

        var (level, message, exception) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, level);
        Assert.Equal("Job nightly-test failed; it runs again at its next firing.", message);
        Assert.Same(failure, exception);
    }

    [Fact]
    public async Task A_cancellation_while_shutting_down_is_not_logged_but_one_without_shutdown_is()
    {
        var logger = new RecordingLogger<ThrowingJob>();
        using var shutdown = new CancellationTokenSource();
        await shutdown.CancelAsync();
        var cancelled = new ThrowingJob(logger, new OperationCanceledException(shutdown.Token));

        await cancelled.Execute(ContextOf(cancelled), shutdown.Token);
        Assert.Empty(logger.Entries);

        // A cancellation that is not the scheduler's (a timeout inside the job) is a failure like any other.
        var timedOut = new ThrowingJob(logger, new OperationCanceledException());
        await timedOut.Execute(ContextOf(timedOut), CancellationToken.None);
        Assert.Equal(LogLevel.Error, Assert.Single(logger.Entries).Level);
    }

    [Fact]
    public async Task A_job_that_succeeds_logs_nothing()
    {
        var logger = new RecordingLogger<ThrowingJob>();
        var job = new ThrowingJob(logger, null);

        await job.Execute(ContextOf(job), CancellationToken.None);

        Assert.Empty(logger.Entries);
        Assert.Equal(1, job.Runs);
        await Assert.ThrowsAsync<ArgumentNullException>(() => job.Execute(null!, CancellationToken.None).AsTask());
    }

    private static JobExecutionContextImpl ContextOf(IJob job)
    {
        var detail = JobBuilder.Create<ThrowingJob>().WithIdentity("nightly-test", "tests").Build();
        var trigger = (IOperableTrigger)TriggerBuilder.Create().ForJob(detail).StartNow().Build();
        var fired = new TriggerFiredBundle
        {
            JobDetail = detail, Trigger = trigger, Calendar = null!, Recovering = false, FireTimeUtc = DateTimeOffset.UtcNow,
            ScheduledFireTimeUtc = null, PreviousFireTimeUtc = null, NextFireTimeUtc = null,
        };
        return new JobExecutionContextImpl(null!, fired, job, new SystemTextJsonJobInputSerializer());
    }

    public sealed class ThrowingJob(ILogger<ThrowingJob> logger, Exception? failure) : LoggedJob(logger)
    {
        public int Runs { get; private set; }

        public override Task RunAsync(CancellationToken cancellationToken)
        {
            Runs++;
            return failure is null ? Task.CompletedTask : Task.FromException(failure);
        }
    }
}
