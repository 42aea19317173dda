using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.AutoReplies;

/// <summary>The enterprise auto-replies (seed 002 企业设置 “8.自动应答”) with their delays and idle closing.</summary>
public sealed record EnterpriseAutoReplies(
    AutoReplyTexts Texts, int VisitorNoReplySeconds, int AgentWaitSeconds, bool ForceEnterpriseTexts, int IdleCloseMinutes);

/// <summary>
/// What the personal page shows: the account's own texts (null = uses the enterprise's), the enterprise texts as the
/// fallback, and whether the enterprise forces its texts (then the personal ones are not editable).
/// </summary>
public sealed record PersonalAutoReplies(AutoReplyTexts Own, AutoReplyTexts Enterprise, bool EnterpriseForced);

/// <summary>
/// 自动应答 (SPEC D8; seed 002 个人设置 “4.自动应答”, 企业设置 “8.自动应答”). Enterprise texts are the default for every
/// agent; an agent's personal texts replace them field by field unless the enterprise ticks “统一设置所有客服的自动应答”.
/// </summary>
public sealed class AutoReplyService(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    public async Task<EnterpriseAutoReplies> GetEnterpriseAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return EnterpriseOf(await db.ConversationSettingsAsync(cancellationToken));
    }

    public async Task<Outcome> SaveEnterpriseAsync(EnterpriseAutoReplies values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (ConversationSettings.CheckAutoReplies(values.Texts, values.VisitorNoReplySeconds, values.AgentWaitSeconds, values.IdleCloseMinutes) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.ConversationSettingsForChangeAsync(cancellationToken);
        settings.ChangeAutoReplies(values.Texts, values.VisitorNoReplySeconds, values.AgentWaitSeconds, values.ForceEnterpriseTexts, values.IdleCloseMinutes);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    public async Task<PersonalAutoReplies> GetPersonalAsync(int accountId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.ConversationSettingsAsync(cancellationToken);
        var own = await db.AgentAutoReplies.AsNoTracking().SingleOrDefaultAsync(a => a.AccountId == accountId, cancellationToken);
        return new PersonalAutoReplies(
            new AutoReplyTexts(own?.WelcomeText, own?.VisitorNoReplyText, own?.AgentWaitText),
            new AutoReplyTexts(settings.WelcomeText, settings.VisitorNoReplyText, settings.AgentWaitText),
            settings.ForceEnterpriseAutoReplies);
    }

    /// <summary>Saves the account's own texts; an empty text means “use the enterprise's”. Refused while the enterprise forces its texts.</summary>
    public async Task<Outcome> SavePersonalAsync(int accountId, AutoReplyTexts texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Check() is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if ((await db.ConversationSettingsAsync(cancellationToken)).ForceEnterpriseAutoReplies)
        {
            return new RuleViolation("AutoRepliesForcedByEnterprise");
        }

        if (!await db.Accounts.AnyAsync(a => a.Id == accountId, cancellationToken))
        {
            return new RuleViolation("AccountMissing");
        }

        var own = await db.AgentAutoReplies.SingleOrDefaultAsync(a => a.AccountId == accountId, cancellationToken);
        if (own is null)
        {
            own = new AgentAutoReply(accountId);
            db.AgentAutoReplies.Add(own);
        }

        own.Change(texts);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    private static EnterpriseAutoReplies EnterpriseOf(ConversationSettings settings) => new(
        new AutoReplyTexts(settings.WelcomeText, settings.VisitorNoReplyText, settings.AgentWaitText),
        settings.VisitorNoReplySeconds, settings.AgentWaitSeconds, settings.ForceEnterpriseAutoReplies, settings.IdleCloseMinutes);
}
