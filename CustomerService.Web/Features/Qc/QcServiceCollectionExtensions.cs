namespace CustomerService.Web.Features.Qc;

public static class QcServiceCollectionExtensions
{
    /// <summary>Quality control (质检, SPEC H): standards, grading, disputes, the workspace and statistics.</summary>
    public static IServiceCollection AddQcFeature(this IServiceCollection services)
    {
        services.AddScoped<QcNotifier>();
        services.AddScoped<QcGradingService>();
        services.AddScoped<QcStandardsService>();
        services.AddScoped<QcGradeLists>();
        services.AddScoped<QcStatisticsService>();
        services.AddScoped<QcTranscript>();
        services.AddScoped<QcStatisticsWorkbook>();
        return services;
    }
}
