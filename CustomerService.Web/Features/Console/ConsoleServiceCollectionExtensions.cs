using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerService.Web.Features.Console;

public static class ConsoleServiceCollectionExtensions
{
    /// <summary>
    /// The agent console (SPEC F): one <see cref="ConsoleSession"/> and one <see cref="ColleaguesBoard"/> per circuit,
    /// both created empty and started by the pages that need them.
    /// </summary>
    public static IServiceCollection AddConsoleFeature(this IServiceCollection services)
    {
        services.AddScoped(typeof(CircuitStore<>));
        services.AddScoped<SecondTicker>();
        services.AddScoped<ConsoleQueries>();
        services.AddScoped<ConsoleReads>();
        services.TryAddSingleton(typeof(Infrastructure.ChangeFeed<>));
        services.AddSingleton<Customers.CustomerProfileService>();
        services.AddScoped<ConsoleSession>();
        services.AddScoped<ColleaguesBoard>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, ConsoleCircuitHandler>());
        return services;
    }
}
