using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Invitations;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Invitations;

/// <summary>
/// 邀请设置 (seed 004): the default text, the answer time and the automatic rule. The migration seeds the row. Every
/// visitor's presence poll (every 5 s) asks for the automatic rule, so the row is read at most every
/// <see cref="Lifetime"/>; a save on this node shows at once, another node of a cluster picks it up within the lifetime
/// (as <see cref="Branding.VisitorAgentImage"/> does).
/// </summary>
public sealed class InvitationSettingsService(IDbContextFactory<CustomerServiceDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    // Read settings are never changed (AsNoTracking, private setters), so one instance serves every poll.
    private readonly ExpiringSnapshot<InvitationSettings> _settings = new(clock, Lifetime);

    public ValueTask<InvitationSettings> GetAsync(CancellationToken cancellationToken = default) =>
        _settings.GetAsync(async ct =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.InvitationSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? InvitationSettings.CreateDefault();
        }, cancellationToken);

    /// <summary>Saves all or nothing: a refused value leaves the stored settings as they were.</summary>
    public async Task<Outcome> SaveAsync(InvitationSettingsModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (InvitationSettings.Check(model.DefaultText, model.LifetimeSeconds, model.AutoInvitePageContains, model.AutoInviteAfterSeconds) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.InvitationSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = InvitationSettings.CreateDefault();
            db.InvitationSettings.Add(settings);
        }

        settings.Update(model.DefaultText!, model.LifetimeSeconds, model.AutoInviteEnabled, model.AutoInvitePageContains, model.AutoInviteAfterSeconds);
        await db.SaveChangesAsync(cancellationToken);
        _settings.Invalidate();
        return Outcome.Ok;
    }
}

/// <summary>The settings page's editable copy.</summary>
public sealed class InvitationSettingsModel
{
    public string? DefaultText { get; set; }
    public int LifetimeSeconds { get; set; }
    public bool AutoInviteEnabled { get; set; }
    public string? AutoInvitePageContains { get; set; }
    public int AutoInviteAfterSeconds { get; set; }

    public static InvitationSettingsModel From(InvitationSettings settings) => new()
    {
        DefaultText = settings.DefaultText,
        LifetimeSeconds = settings.LifetimeSeconds,
        AutoInviteEnabled = settings.AutoInviteEnabled,
        AutoInvitePageContains = settings.AutoInvitePageContains,
        AutoInviteAfterSeconds = settings.AutoInviteAfterSeconds,
    };
}
