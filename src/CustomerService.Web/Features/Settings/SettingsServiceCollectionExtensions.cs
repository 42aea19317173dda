using CustomerService.Web.Features.Settings.AccountGroups;
using CustomerService.Web.Features.Settings.Accounts;
using CustomerService.Web.Features.Settings.Enterprise;
using CustomerService.Web.Features.Settings.Entries;
using CustomerService.Web.Features.Settings.KeyPages;
using CustomerService.Web.Features.Settings.Personal;
using CustomerService.Web.Features.Settings.ReceptionGroups;
using CustomerService.Web.Features.Settings.WorkingHours;

namespace CustomerService.Web.Features.Settings;

public static class SettingsServiceCollectionExtensions
{
    public static IServiceCollection AddSettingsFeature(this IServiceCollection services)
    {
        services.AddScoped<AccountSettingsService>();
        services.AddScoped<AccountGroupService>();
        services.AddScoped<ReceptionGroupService>();
        services.AddScoped<EntryService>();
        services.AddScoped<WorkingHoursService>();
        services.AddScoped<KeyPageService>();
        services.AddScoped<EnterpriseSettingsService>();
        services.AddScoped<PersonalSettingsService>();
        return services;
    }
}
