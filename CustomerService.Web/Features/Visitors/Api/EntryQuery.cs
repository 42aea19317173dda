using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.LeaveMessages;
using CustomerService.Web.Features.Settings.LeaveMessage;
using CustomerService.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>
/// GET /api/visitor/entries/{code}: what the widget and the chat page show before a conversation exists (SPEC E2) —
/// colour, enterprise info, working hours, leave-message form, FAQ, custom tab, upload and text limits, rating rules.
/// </summary>
public sealed class EntryQuery(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, LeaveMessageSettingsService leaveMessages, TimeProvider clock, IStringLocalizer<UiText> text,
    Branding.VisitorAgentImage agentImage)
{
    /// <summary>The entry's JSON answer, or null when no entry has this code.</summary>
    public async Task<object?> GetAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entry = await db.ConsultationEntries.AsNoTracking().Include(e => e.ReceptionGroup)
            .FirstOrDefaultAsync(e => e.Code == code, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var enterprise = await db.EnterpriseProfiles.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var settings = await db.ConversationSettingsAsync(cancellationToken);
        var form = await leaveMessages.GetAsync(cancellationToken);
        var open = enterprise?.IsWorkingTime(clock.GetUtcNow().UtcDateTime) ?? true;
        return new
        {
            entry.Code,
            entry.Name,
            SkinColor = entry.ReceptionGroup?.SkinColor ?? Domain.Organisation.ReceptionGroup.DefaultSkinColor,
            Enterprise = enterprise is null ? null : new { Name = enterprise.CompanyName, enterprise.LogoUrl, enterprise.About, enterprise.Phone, enterprise.Address, enterprise.Website },
            WorkingHours = new { Open = open, Text = open ? null : text["Visitor.OutsideWorkingHours"].Value },
            LeaveMessage = new
            {
                form.Enabled,
                form.Notice,
                Fields = new { Name = Mode(form.Name), Phone = Mode(form.Phone), Email = Mode(form.Email), Content = Mode(form.Content) },
            },
            Faq = await db.FaqItems.AsNoTracking().OrderBy(f => f.SortOrder).ThenBy(f => f.Id)
                .Select(f => new { f.Question, f.Answer }).ToListAsync(cancellationToken),
            CustomTab = settings.CustomTabTitle is null ? null : new { Title = settings.CustomTabTitle, Text = settings.CustomTabText, Url = settings.CustomTabUrl },
            Limits = new { ImageBytes = settings.ImageMaxKilobytes * 1024L, FileBytes = settings.FileMaxKilobytes * 1024L, MessageLength = ChatMessage.TextMaxLength },
            // 统一客服: an agent's message opens the window the visitor closed (the chat page asks the widget).
            AgentImage = new { (await agentImage.CurrentAsync(cancellationToken)).PopUpOnAgentMessage },
            Evaluation = new { ForceOnClose = settings.PromptRatingOnVisitorClose, settings.VisitorMayRateUnprompted, MinVisitorMessages = settings.MinVisitorMessagesToRate },
        };
    }

    private static string Mode(LeaveMessageFieldMode mode) => mode.ToString().ToLowerInvariant();
}
