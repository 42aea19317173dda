using CustomerService.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerService.Web.Features.Health;

/// <summary>/healthz: 200 when the database answers a query, 503 otherwise.</summary>
public sealed class DatabaseHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await DatabaseMigrator.CanConnectAsync(services, cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
