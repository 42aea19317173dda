using CustomerService.Data;
using CustomerService.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Integration.Authentication;

/// <summary>
/// Finds the active key a presented <c>X-Api-Key</c> belongs to (SPEC L). Candidates are found by the visible prefix,
/// then compared by hash in constant time; the key's last use is written at most once a minute
/// (<see cref="ApiKey.ShouldRecordUse"/>), with a conditional update so that parallel calls and several nodes still
/// write it once.
/// </summary>
public sealed class ApiKeyVerifier(IDbContextFactory<CustomerServiceDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The key's id, or null when <paramref name="presented"/> is no active key.</summary>
    public async Task<int?> VerifyAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (!ApiKeySecret.LooksValid(presented))
        {
            return null;
        }

        var prefix = ApiKeySecret.PrefixOf(presented!);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Prefix == prefix && k.RevokedAt == null)
            .ToListAsync(cancellationToken);
        // Every candidate is compared, so the time taken does not depend on which one matched.
        var match = candidates.Aggregate((ApiKey?)null, (found, key) => key.Accepts(presented!) ? key : found);
        if (match is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (ApiKey.ShouldRecordUse(match.LastUsedAt, now))
        {
            var staleBefore = now - ApiKey.UseRecordingInterval;
            await db.ApiKeys
                .Where(k => k.Id == match.Id && (k.LastUsedAt == null || k.LastUsedAt <= staleBefore))
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        return match.Id;
    }
}
