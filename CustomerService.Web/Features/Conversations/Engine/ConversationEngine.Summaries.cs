using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>咨询总结 (SPEC D10): filed during the conversation, on closing, or later from the reminders.</summary>
public sealed partial class ConversationEngine
{
    /// <summary>
    /// Files the summary of a conversation the agent took part in (admins may summarise any). Ended conversations can be
    /// summarised later; a new summary replaces the old one.
    /// </summary>
    public Task SummarizeAsync(int agentId, long conversationId, ConsultationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Submit(async batch =>
        {
            var live = LiveOrNull(conversationId);
            var entity = live?.Entity
                ?? await batch.Db.Conversations.FirstOrDefaultAsync(c => c.Id == conversationId, batch.CancellationToken)
                ?? throw new RuleViolationException(ConversationNotFound);
            var tookPart = live?.Entity.ParticipantOf(agentId) is not null
                || await batch.Db.Participants.AnyAsync(p => p.ConversationId == conversationId && p.AgentId == agentId, batch.CancellationToken);
            if (!tookPart && !await IsAdminAsync(batch, agentId))
            {
                throw new RuleViolationException(new RuleViolation("NotAParticipant"));
            }

            await CheckSummaryAsync(batch, summary);
            batch.Track(entity).Summarize(summary, agentId, batch.Now);
        });
    }

    /// <summary>
    /// Ends a conversation from the console with its summary (SPEC D10 forced prompt): when the enterprise requires a
    /// summary on close, a missing or invalid one refuses the close and the conversation stays open.
    /// </summary>
    public Task<ConversationView> EndByAgentAsync(int agentId, long conversationId, ConsultationSummary? summary) => Submit(async batch =>
    {
        var live = LiveOrNull(conversationId) ?? throw new RuleViolationException(new RuleViolation("ConversationEnded"));
        var isParticipant = live.Entity.ParticipantOf(agentId) is not null;
        if (!isParticipant && !await IsAdminAsync(batch, agentId))
        {
            throw new RuleViolationException(new RuleViolation("NotAParticipant"));
        }

        var settings = await batch.SettingsAsync();
        if (summary is null && settings.SummaryRequiredOnClose && isParticipant)
        {
            throw new RuleViolationException(new RuleViolation("SummaryTypeRequired"));
        }

        if (summary is not null)
        {
            await CheckSummaryAsync(batch, summary);
            batch.Track(live.Entity).Summarize(summary, agentId, batch.Now);
        }

        await EndAsync(batch, live, isParticipant ? EndReason.Agent : EndReason.Admin, agentId);
        return await ViewAsync(batch, live);
    });

    private static async Task CheckSummaryAsync(EngineBatch batch, ConsultationSummary summary)
    {
        var settings = await batch.SettingsAsync();
        var types = await batch.Db.ConsultationTypes.AsNoTracking().ToListAsync(batch.CancellationToken);
        RuleViolationException.ThrowIf(ConsultationSummaryRules.Check(summary, types, typeRequired: settings.SummaryRequiredOnClose));
    }
}
