using CustomerService.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Conversations.Summaries;

public sealed record PendingSummary(long ConversationId, long VisitorId, DateTime EndedAt, int VisitorMessageCount);

/// <summary>
/// SPEC D10 reminders: the agent's ended, valid conversations without a summary, newest first. A plain read: summaries
/// themselves are filed through the engine.
/// </summary>
public sealed class PendingSummaries(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    public const int Max = 100;

    public async Task<IReadOnlyList<PendingSummary>> ForAgentAsync(int agentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Conversations.AsNoTracking()
            .Where(c => c.AgentId == agentId && c.EndedAt != null && c.SummarizedAt == null
                && c.VisitorMessageCount > 0 && c.AgentMessageCount > 0)
            .OrderByDescending(c => c.EndedAt)
            .Take(Max)
            .Select(c => new PendingSummary(c.Id, c.VisitorId, c.EndedAt!.Value, c.VisitorMessageCount))
            .ToListAsync(cancellationToken);
    }
}
