using CustomerService.Data;
using CustomerService.Web.Features.Reporting.Facts;
using CustomerService.Web.Features.Reporting.Jobs;
using CustomerService.Web.Features.Reporting.Orders;
using CustomerService.Web.Features.Reporting.Rollups;
using Quartz;

namespace CustomerService.Web.Features.Reporting;

public static class ReportingServiceCollectionExtensions
{
    /// <summary>
    /// The reporting core (SPEC I4): facts, rollups, the report service, orders, and the Quartz scheduler that runs the
    /// rollups. Quartz keeps its schedule in memory on SQLite (one app instance); on SQL Server it uses the clustered
    /// ADO store in the same database, so several app instances share one schedule and a job runs on one of them
    /// (ADR 011; the Quartz tables come with the SQL Server migrations).
    /// </summary>
    public static IServiceCollection AddReportingFeature(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddSingleton<ReportFactLoader>();
        services.AddSingleton<DistinctFigureReader>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<DayRoller>();
        services.AddSingleton<RollupBacklog>();
        services.AddSingleton<OrderAttributor>();
        services.AddSingleton<OrderIntake>();
        services.AddSingleton<ReportingSchedule>();
        services.AddHostedService<ReportingStartup>();

        services.AddQuartz(quartz =>
        {
            quartz.SchedulerName = "CustomerService";
            if (provider == DatabaseProvider.SqlServer)
            {
                quartz.UsePersistentStore(store =>
                {
                    store.UseProperties = true;
                    store.UseSqlServer(connectionString);
                    store.UseClustering();
                    store.UseSystemTextJsonSerializer();
                });
            }
            else
            {
                quartz.UseInMemoryStore();
            }

            quartz.AddJob<RollupJob>(RollupJob.Key, job => job.StoreDurably());
            quartz.AddJob<OrderAttributionJob>(OrderAttributionJob.Key, job => job.StoreDurably());
            quartz.AddJob<RecomputeAllJob>(RecomputeAllJob.Key, job => job.StoreDurably());
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
