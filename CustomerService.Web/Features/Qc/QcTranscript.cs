using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Security;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Qc;

/// <summary>The read-only transcript beside the grading panel: who, when, and every message in order.</summary>
public sealed record QcTranscriptView(
    long ConversationId,
    string VisitorName,
    string? AgentName,
    string ReceptionGroup,
    DateTime RequestedAt,
    DateTime? EndedAt,
    EvaluationLevel? Evaluation,
    string? EvaluationComment,
    TimeZoneInfo TimeZone,
    IReadOnlyList<MessageView> Messages);

/// <summary>
/// Reads a conversation's transcript for the QC inspector page, in the caller's records scope (SPEC B, G6): a
/// conversation he may not see is null (404), exactly as for the panel.
/// </summary>
public sealed class QcTranscript(IDbContextFactory<CustomerServiceDbContext> dbFactory, DataScopeFilter dataScope)
{
    public async Task<QcTranscriptView?> ReadAsync(int accountId, long conversationId, CancellationToken cancellationToken = default)
    {
        var visible = await dataScope.ForAsync(accountId, ScopedModule.Records, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var header = await (
                from c in visible.Conversations(db).AsNoTracking()
                where c.Id == conversationId
                join v in db.Visitors on c.VisitorId equals v.Id
                join g in db.ReceptionGroups on c.ReceptionGroupId equals g.Id
                join a in db.Accounts on c.AgentId equals (int?)a.Id into agents
                from a in agents.DefaultIfEmpty()
                select new
                {
                    c.Id, VisitorName = v.Name, c.VisitorId, AgentName = a == null ? null : a.InternalName, Group = g.Name, c.RequestedAt,
                    c.EndedAt, c.EvaluationLevel, c.EvaluationComment,
                })
            .SingleOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return null;
        }

        var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId).OrderBy(m => m.Seq)
            .ToListAsync(cancellationToken);
        var zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
        return new QcTranscriptView(
            header.Id, header.VisitorName ?? $"#{header.VisitorId}", header.AgentName, header.Group, EnterpriseClock.ToLocal(header.RequestedAt, zone),
            header.EndedAt is { } ended ? EnterpriseClock.ToLocal(ended, zone) : null, header.EvaluationLevel, header.EvaluationComment, zone,
            [.. messages.Select(MessageView.From)]);
    }
}
