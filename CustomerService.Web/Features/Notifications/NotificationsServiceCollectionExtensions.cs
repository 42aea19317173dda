using CustomerService.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerService.Web.Features.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>The recipients' side of notices (the top-bar badge and /notifications); admins post them in settings.</summary>
    public static IServiceCollection AddNotificationsFeature(this IServiceCollection services)
    {
        services.TryAddSingleton(typeof(ChangeFeed<>));
        services.AddScoped<NoticeInbox>();
        return services;
    }
}
