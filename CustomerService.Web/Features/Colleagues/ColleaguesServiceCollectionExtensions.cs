using CustomerService.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerService.Web.Features.Colleagues;

public static class ColleaguesServiceCollectionExtensions
{
    public static IServiceCollection AddColleaguesFeature(this IServiceCollection services)
    {
        services.TryAddSingleton(typeof(ChangeFeed<>));
        services.AddScoped<InternalChatService>();
        return services;
    }
}
