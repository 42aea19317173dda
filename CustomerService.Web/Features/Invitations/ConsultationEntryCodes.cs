using System.Collections.Concurrent;
using CustomerService.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Invitations;

/// <summary>
/// Whether a consultation entry code exists, for the presence poll (every visitor, every 5 s). A known code is
/// remembered for <see cref="Lifetime"/>, so polls of real pages never touch the database; an unknown one is looked up
/// every time (it is refused, and the poll is rate-limited), so an entry created a moment ago is accepted at once.
/// </summary>
public sealed class ConsultationEntryCodes(IDbContextFactory<CustomerServiceDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>A deleted entry stops being accepted within this time.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _known = new(StringComparer.Ordinal);

    public async ValueTask<bool> ExistsAsync(string code, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_known.TryGetValue(code, out var expiresAt) && now < expiresAt)
        {
            return true;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.ConsultationEntries.AsNoTracking().AnyAsync(e => e.Code == code, cancellationToken))
        {
            _known.TryRemove(code, out _);
            return false;
        }

        _known[code] = now + Lifetime;
        return true;
    }
}
