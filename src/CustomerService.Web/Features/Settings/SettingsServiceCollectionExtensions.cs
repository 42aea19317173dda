using CustomerService.Web.Features.Settings.AccountGroups;
using CustomerService.Web.Features.Settings.Accounts;

namespace CustomerService.Web.Features.Settings;

public static class SettingsServiceCollectionExtensions
{
    public static IServiceCollection AddSettingsFeature(this IServiceCollection services)
    {
        services.AddScoped<AccountSettingsService>();
        services.AddScoped<AccountGroupService>();
        return services;
    }
}
