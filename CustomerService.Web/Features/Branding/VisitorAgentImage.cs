using CustomerService.Data;
using CustomerService.Domain.Branding;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Branding;

/// <summary>
/// The current <see cref="AgentImageLens"/>, read from the database at most every <see cref="Lifetime"/> (every visitor
/// message passes through it). A save on this node shows at once; another node of a cluster picks it up within the
/// lifetime, as it does an agent's new signature.
/// </summary>
public sealed class VisitorAgentImage(IDbContextFactory<CustomerServiceDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private volatile Snapshot? _snapshot;

    public async ValueTask<AgentImageLens> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_snapshot is { } snapshot && now < snapshot.ExpiresAt)
        {
            return snapshot.Lens;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.UnifiedAgentImages.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? UnifiedAgentImage.CreateDefault();
        var signatures = await db.Accounts.AsNoTracking().Where(a => a.Signature != null)
            .ToDictionaryAsync(a => a.Id, a => a.Signature!, cancellationToken);
        var lens = new AgentImageLens(settings, signatures);
        _snapshot = new Snapshot(lens, now + Lifetime);
        return lens;
    }

    public void Invalidate() => _snapshot = null;

    private sealed record Snapshot(AgentImageLens Lens, DateTimeOffset ExpiresAt);
}
