namespace CustomerService.Web.Features.Demo.History;

public static class DemoHistoryServiceCollectionExtensions
{
    /// <summary>The <c>seed-history</c> generator (SPEC N1b); needs the organisation and reporting features.</summary>
    public static IServiceCollection AddDemoHistory(this IServiceCollection services)
    {
        services.AddScoped<HistoryStaffBuilder>();
        services.AddSingleton<HistorySeeder>();
        return services;
    }
}
