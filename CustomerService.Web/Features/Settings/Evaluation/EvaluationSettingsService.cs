using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.Evaluation;

/// <summary>
/// 咨询评价 settings (SPEC D9; seed 002 设置 “6.咨询评价”): whether visitors may rate on their own initiative and after
/// how many of their own messages, and whether closing the window prompts for a rating. The engine reads them from
/// the conversation settings row on every rating.
/// </summary>
public sealed class EvaluationSettingsService(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    public async Task<EvaluationSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.ConversationSettingsAsync(cancellationToken)).Evaluation;
    }

    public async Task<Outcome> SaveAsync(
        bool visitorMayRateUnprompted, int minVisitorMessages, bool promptOnVisitorClose, CancellationToken cancellationToken = default)
    {
        // Checked before EvaluationSettings exists: its constructor treats a negative count as a programming error.
        if (minVisitorMessages is < 0 or > ConversationSettings.MinVisitorMessagesMax)
        {
            return new RuleViolation("Range", "Evaluation.MinVisitorMessages", 0, ConversationSettings.MinVisitorMessagesMax);
        }

        var evaluation = new EvaluationSettings(visitorMayRateUnprompted, minVisitorMessages, promptOnVisitorClose);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.ConversationSettingsForChangeAsync(cancellationToken);
        settings.ChangeEvaluation(evaluation);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }
}
