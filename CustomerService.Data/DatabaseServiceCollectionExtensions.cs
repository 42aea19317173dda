using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerService.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CustomerServiceDbContext"/> (scoped, for Identity) and
    /// <see cref="IDbContextFactory{TContext}"/> of it (for services: one context per operation) on the chosen provider.
    /// </summary>
    public static IServiceCollection AddCustomerServiceDatabase(
        this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditInterceptor>();
        services.TryAddSingleton<ReportingCalendar>();
        services.TryAddSingleton<LateFactMarker>();
        return provider switch
        {
            DatabaseProvider.Sqlite => services.AddProviderContext<SqliteCustomerServiceDbContext>(
                (sp, options) => options.UseSqlite(connectionString)),
            DatabaseProvider.SqlServer => services.AddProviderContext<SqlServerCustomerServiceDbContext>(
                (sp, options) => options.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure())),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    private static IServiceCollection AddProviderContext<TContext>(
        this IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : CustomerServiceDbContext
    {
        services.AddDbContextFactory<TContext>(
            (sp, options) =>
            {
                configure(sp, options);
                options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<LateFactMarker>());
            },
            ServiceLifetime.Singleton);
        services.AddScoped<CustomerServiceDbContext>(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        services.AddSingleton<IDbContextFactory<CustomerServiceDbContext>, BaseContextFactory<TContext>>();
        return services;
    }

    /// <summary>Lets callers ask for the provider-neutral context type.</summary>
    private sealed class BaseContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<CustomerServiceDbContext>
        where TContext : CustomerServiceDbContext
    {
        public CustomerServiceDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
