using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.ApiKeys;

public sealed record ApiKeyRow(int Id, string Name, string Prefix, DateTime CreatedAt, string? CreatedBy, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}

/// <summary>A key just created: <see cref="Secret"/> is shown to the admin once and never again.</summary>
public sealed record CreatedApiKey(int Id, string Name, string Secret);

/// <summary>Integration API keys on the settings page (SPEC K, L): list, create (secret shown once), revoke.</summary>
public sealed class ApiKeyService(IDbContextFactory<CustomerServiceDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Active keys first, newest first within each state.</summary>
    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking()
            .OrderBy(k => k.RevokedAt == null ? 0 : 1).ThenByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
            .Select(k => new ApiKeyRow(
                k.Id,
                k.Name,
                k.Prefix,
                k.CreatedAt,
                db.Accounts.Where(a => a.Id == k.CreatedByAccountId).Select(a => a.LoginName).FirstOrDefault(),
                k.LastUsedAt,
                k.RevokedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<Outcome<CreatedApiKey>> CreateAsync(string? name, int createdByAccountId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var activeNames = await db.ApiKeys.Where(k => k.RevokedAt == null).Select(k => k.Name).ToListAsync(cancellationToken);
        var issued = ApiKey.Issue(name, activeNames, createdByAccountId, clock.GetUtcNow().UtcDateTime);
        if (!issued.Succeeded)
        {
            return issued.Violation!;
        }

        var (key, secret) = issued.Value!;
        db.ApiKeys.Add(key);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin took the name between the check and the insert: the unique index refused this one.
            return new RuleViolation("ApiKeyNameTaken", key.Name);
        }

        return new CreatedApiKey(key.Id, key.Name, secret);
    }

    /// <summary>The key stops working at once: the next call with it is a 401.</summary>
    public async Task<Outcome> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return new RuleViolation("ApiKeyNotFound");
        }

        var outcome = key.Revoke(clock.GetUtcNow().UtcDateTime);
        if (outcome.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return outcome;
    }
}
