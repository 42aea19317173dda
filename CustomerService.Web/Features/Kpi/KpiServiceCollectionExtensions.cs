namespace CustomerService.Web.Features.Kpi;

public static class KpiServiceCollectionExtensions
{
    /// <summary>The KPI pages (SPEC I1–I3); their numbers come from the reporting feature's report service.</summary>
    public static IServiceCollection AddKpiFeature(this IServiceCollection services) => services.AddScoped<KpiWorkbook>().AddScoped<KpiTables>();
}
