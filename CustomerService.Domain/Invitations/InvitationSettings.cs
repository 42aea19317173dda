using CustomerService.Domain.Common;

namespace CustomerService.Domain.Invitations;

/// <summary>
/// The enterprise's invitation settings (seed 004 主动发起对话): the default text an agent starts from (he may edit it
/// per invitation), how long the visitor has to answer, and the automatic invitation rule — off by default, because an
/// invitation takes an agent's attention the merchant must choose to spend. There is exactly one row.
/// </summary>
public class InvitationSettings
{
    public const int SingletonId = 1;
    public const int LifetimeMinSeconds = 10;
    public const int LifetimeMaxSeconds = 600;
    public const int AutoDelayMinSeconds = 5;
    public const int AutoDelayMaxSeconds = 3600;
    public const int PagePatternMaxLength = 200;

    private InvitationSettings()
    {
        DefaultText = string.Empty;
    }

    /// <summary>Defaults for a new enterprise; the text is the enterprise's own content, so it is stored, not localized.</summary>
    public static InvitationSettings CreateDefault() => new()
    {
        Id = SingletonId,
        DefaultText = "您好，有什么可以帮您的吗？点击接受即可与我在线交流。",
        LifetimeSeconds = 60,
        AutoInviteEnabled = false,
        AutoInviteAfterSeconds = 30,
    };

    public int Id { get; private set; }
    public string DefaultText { get; private set; }

    /// <summary>Seconds the visitor has to answer before the invitation expires (recorded as ignored).</summary>
    public int LifetimeSeconds { get; private set; }

    public bool AutoInviteEnabled { get; private set; }

    /// <summary>The automatic rule fires on pages whose address contains this text (empty: every page).</summary>
    public string? AutoInvitePageContains { get; private set; }

    /// <summary>…after the visitor has stayed this many seconds on such a page.</summary>
    public int AutoInviteAfterSeconds { get; private set; }

    public TimeSpan Lifetime => TimeSpan.FromSeconds(LifetimeSeconds);

    public static RuleViolation? Check(string? defaultText, int lifetimeSeconds, string? pageContains, int autoAfterSeconds) =>
        Invitation.CheckText(defaultText)
        ?? (lifetimeSeconds is < LifetimeMinSeconds or > LifetimeMaxSeconds
            ? new RuleViolation("Range", "Invitation.Lifetime", LifetimeMinSeconds, LifetimeMaxSeconds) : null)
        ?? InputText.Check("Invitation.PageContains", pageContains, PagePatternMaxLength)
        ?? (autoAfterSeconds is < AutoDelayMinSeconds or > AutoDelayMaxSeconds
            ? new RuleViolation("Range", "Invitation.AutoAfter", AutoDelayMinSeconds, AutoDelayMaxSeconds) : null);

    public void Update(string defaultText, int lifetimeSeconds, bool autoInviteEnabled, string? pageContains, int autoAfterSeconds)
    {
        RuleViolationException.ThrowIf(Check(defaultText, lifetimeSeconds, pageContains, autoAfterSeconds));
        DefaultText = defaultText.Trim();
        LifetimeSeconds = lifetimeSeconds;
        AutoInviteEnabled = autoInviteEnabled;
        AutoInvitePageContains = string.IsNullOrWhiteSpace(pageContains) ? null : pageContains.Trim();
        AutoInviteAfterSeconds = autoAfterSeconds;
    }

    /// <summary>Whether the automatic rule invites a visitor who has been on <paramref name="pageUrl"/> since <paramref name="since"/>.</summary>
    public bool AutoInvites(string? pageUrl, DateTime since, DateTime now) =>
        AutoInviteEnabled && pageUrl is not null
        && (AutoInvitePageContains is null || pageUrl.Contains(AutoInvitePageContains, StringComparison.OrdinalIgnoreCase))
        && now - since >= TimeSpan.FromSeconds(AutoInviteAfterSeconds);
}
