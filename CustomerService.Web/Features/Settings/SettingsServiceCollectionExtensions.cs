using CustomerService.Web.Features.Settings.AccountGroups;
using CustomerService.Web.Features.Settings.ApiKeys;
using CustomerService.Web.Features.Settings.Accounts;
using CustomerService.Web.Features.Settings.AutoReplies;
using CustomerService.Web.Features.Settings.Blacklist;
using CustomerService.Web.Features.Settings.ChatWindow;
using CustomerService.Web.Features.Settings.ChatPreferences;
using CustomerService.Web.Features.Settings.ConsultationTypes;
using CustomerService.Web.Features.Settings.Enterprise;
using CustomerService.Web.Features.Settings.Evaluation;
using CustomerService.Web.Features.Settings.Entries;
using CustomerService.Web.Features.Settings.KeyPages;
using CustomerService.Web.Features.Settings.LeaveMessage;
using CustomerService.Web.Features.Settings.Notifications;
using CustomerService.Web.Features.Settings.Personal;
using CustomerService.Web.Features.Settings.Phrases;
using CustomerService.Web.Features.Settings.ReceptionGroups;
using CustomerService.Web.Features.Settings.WorkingHours;
using CustomerService.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.TryAddSingleton(typeof(ChangeFeed<>));
        services.AddScoped<CannedPhraseService>();
        services.AddScoped<CannedPhraseCatalog>();
        services.AddScoped<ConsultationTypeService>();
        services.AddScoped<LeaveMessageSettingsService>();
        services.AddScoped<NoticeService>();
        services.AddScoped<ChatPreferencesService>();
        services.AddSingleton<ColumnLayouts.ColumnLayoutStore>();
        services.AddScoped<AutoReplyService>();
        services.AddScoped<WaitThresholdService>();
        services.AddScoped<EvaluationSettingsService>();
        services.AddScoped<ChatWindowSettingsService>();
        services.AddScoped<BlacklistService>();
        services.AddScoped<ApiKeyService>();
        return services;
    }
}
