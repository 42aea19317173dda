using CustomerService.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerService.Web.Features.Health;

/// <summary>/healthz: 200 when the database answers a query, 503 otherwise.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<CustomerServiceDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // A query on a real table, not just an open connection: a missing or locked schema is unhealthy too.
            _ = await db.EnterpriseProfiles.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", exception);
        }
    }
}
