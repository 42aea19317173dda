using CustomerService.Data;
using CustomerService.Domain.Branding;
using CustomerService.Web.Infrastructure;
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

    private readonly ExpiringSnapshot<AgentImageLens> _lens = new(clock, Lifetime);

    public ValueTask<AgentImageLens> CurrentAsync(CancellationToken cancellationToken = default) =>
        _lens.GetAsync(async ct =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var settings = await db.UnifiedAgentImages.AsNoTracking().SingleOrDefaultAsync(ct) ?? UnifiedAgentImage.CreateDefault();
            var signatures = await db.Accounts.AsNoTracking().Where(a => a.Signature != null)
                .ToDictionaryAsync(a => a.Id, a => a.Signature!, ct);
            return new AgentImageLens(settings, signatures);
        }, cancellationToken);

    public void Invalidate() => _lens.Invalidate();
}
