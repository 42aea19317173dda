using CustomerService.Web.Features.Crm.Api;
using CustomerService.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerService.Web.Features.Crm;

public static class CrmServiceCollectionExtensions
{
    /// <summary>The CRM (SPEC J): customers, custom fields, import and export, and the integration API's customer upsert.</summary>
    public static IServiceCollection AddCrmFeature(this IServiceCollection services)
    {
        services.AddLocalization();
        services.TryAddSingleton<EnterpriseTimeZone>();
        services.AddSingleton<CustomerApiIntake>();
        services.AddSingleton<CustomerSearch>();
        services.AddSingleton<CustomerCardReader>();
        services.TryAddSingleton(typeof(Infrastructure.ChangeFeed<>));
        services.AddSingleton<CustomerBook>();
        services.AddSingleton<CrmOverviewReader>();
        services.AddSingleton<CustomFieldSettings>();
        services.AddSingleton<Import.CrmImporter>();
        return services;
    }
}
