using CustomerService.Data;
using CustomerService.Web.Features.Reporting.Facts;
using CustomerService.Web.Features.Reporting.Jobs;
using CustomerService.Web.Features.Reporting.Orders;
using CustomerService.Web.Features.Reporting.Rollups;
using CustomerService.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace CustomerService.Web.Features.Reporting;

public static class ReportingServiceCollectionExtensions
{
    /// <summary>
    /// The reporting core (SPEC I4): facts, rollups, the report service, orders, and the Quartz scheduler that runs the
    /// rollups. Quartz keeps its schedule in memory on SQLite (one app instance); on SQL Server it uses the clustered
    /// ADO store in the same database, so several app instances share one schedule and a job runs on one of them
    /// (ADR 011; Quartz provisions its own tables there at first start).
    /// </summary>
    public static IServiceCollection AddReportingFeature(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddSingleton<ReportFactLoader>();
        services.AddSingleton<DistinctFigureReader>();
        services.AddSingleton<DistinctInputReader>();
        services.AddSingleton<OriginInputReader>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<ReportAudienceResolver>();
        services.TryAddSingleton<EnterpriseTimeZone>();
        services.AddSingleton<DayRoller>();
        services.AddSingleton<RollupBacklog>();
        services.AddSingleton<OrderAttributor>();
        services.AddSingleton<OrderIntake>();
        services.AddSingleton<ReportingSchedule>();
        services.AddHostedService<ReportingStartup>();

        // Also resolvable outside Quartz: the history seeder and tests run a pass directly.
        services.AddTransient<RollupJob>();
        services.AddTransient<OrderAttributionJob>();
        services.AddTransient<RecomputeAllJob>();
        services.AddTransient<OriginTallyEncodingJob>();

        services.AddQuartz(quartz =>
        {
            if (provider == DatabaseProvider.SqlServer)
            {
                quartz.UsePersistentStore(store =>
                {
                    store.UseSqlServer(connectionString);
                    store.UseClustering();

                    // Quartz creates its QRTZ_ tables in the app's database at first start (it never alters or drops).
                    store.ProvisionSchema();
                    store.UseSystemTextJsonSerializer();
                });
            }
            else
            {
                quartz.UseInMemoryStore();
            }

            quartz.AddJob<RollupJob>(job => job.WithIdentity(RollupJob.Key).StoreDurably());
            quartz.AddJob<OrderAttributionJob>(job => job.WithIdentity(OrderAttributionJob.Key).StoreDurably());
            quartz.AddJob<RecomputeAllJob>(job => job.WithIdentity(RecomputeAllJob.Key).StoreDurably());
            quartz.AddJob<DatabaseStatisticsJob>(job => job.WithIdentity(DatabaseStatisticsJob.Key).StoreDurably());
            quartz.AddJob<OriginTallyEncodingJob>(job => job.WithIdentity(OriginTallyEncodingJob.Key).StoreDurably());
            // The export tasks' jobs (SPEC G5) share the one scheduler and schedule (ReportingSchedule).
            quartz.AddJob<Exports.ExportJob>(job => job.WithIdentity(Exports.ExportJob.Key).StoreDurably());
            quartz.AddJob<Exports.ExportRetentionJob>(job => job.WithIdentity(Exports.ExportRetentionJob.Key).StoreDurably());
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
