using CustomerService.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerService.Web.Features.Exports;

public static class ExportsServiceCollectionExtensions
{
    /// <summary>
    /// Export tasks (SPEC G5, J4): the task service the pages use, the runner and retention the Quartz jobs call (their
    /// triggers are in the one schedule, <c>ReportingSchedule</c>), the sources (records, CRM) and the files folder
    /// (<c>exports</c> under the data directory).
    /// </summary>
    public static IServiceCollection AddExportsFeature(this IServiceCollection services)
    {
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new ExportFiles(Path.Combine(
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ResolveDataDirectory(sp.GetRequiredService<IHostEnvironment>().ContentRootPath),
            "exports")));
        services.AddSingleton<IExportQueue, QuartzExportQueue>();
        services.AddSingleton<ExportTaskService>();
        services.AddSingleton<ExportRunner>();
        services.AddSingleton<ExportRetention>();
        services.AddSingleton<IExportSource, RecordsExportSource>();
        services.AddSingleton<IExportSource, CustomersExportSource>();
        services.AddTransient<ExportJob>();
        services.AddTransient<ExportRetentionJob>();
        return services;
    }
}
