using CustomerService.Web.Features.Crm.Api;

namespace CustomerService.Web.Features.Crm;

public static class CrmServiceCollectionExtensions
{
    /// <summary>The CRM (SPEC J): customers, custom fields, import and export, and the integration API's customer upsert.</summary>
    public static IServiceCollection AddCrmFeature(this IServiceCollection services)
    {
        services.AddSingleton<CustomerApiIntake>();
        return services;
    }
}
