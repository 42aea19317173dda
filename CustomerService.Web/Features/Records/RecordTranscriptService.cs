using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Security;
using CustomerService.Domain.Visitors;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Security;
using CustomerService.Web.Features.Visitors.Trajectory;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Records;

/// <summary>An agent who took part, as the participant rows tell it (SPEC B).</summary>
public sealed record TranscriptParticipant(string Name, ParticipantRole Role, DateTime JoinedAt, DateTime? LeftAt);

/// <summary>A transfer or invitation offered in the conversation and what became of it (SPEC D4).</summary>
public sealed record TranscriptTransfer(TransferKind Kind, string From, string? ToAgent, string? ToGroup, DateTime RequestedAt, TransferOutcome Outcome);

/// <summary>Everything the transcript view shows (SPEC G3); times are UTC.</summary>
public sealed record RecordTranscript(
    RecordRow Row,
    string? EvaluationComment,
    bool? ProblemSolved,
    int? SummaryTypeId,
    string? SummaryNote,
    ProductCard? Product,
    IReadOnlyList<TranscriptParticipant> Participants,
    IReadOnlyList<TranscriptTransfer> Transfers,
    IReadOnlyList<MessageView> Messages,
    IReadOnlyList<Visit> Trajectory);

/// <summary>
/// The transcript of one consultation in the account's records scope (SPEC G3, G6): outside the scope it does not exist
/// (null, the page answers 404), as for every other path to a record.
/// </summary>
public sealed class RecordTranscriptService(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, DataScopeFilter dataScope, VisitorTrajectoryQuery trajectory)
{
    public async Task<RecordTranscript?> GetAsync(int accountId, long conversationId, CancellationToken cancellationToken = default)
    {
        var visible = await dataScope.ForAsync(accountId, ScopedModule.Records, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conversation = await visible.Conversations(db).AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        var builder = await RecordListService.BuilderAsync(db, cancellationToken);
        var rows = await RecordListService.Rows(db, db.Conversations.AsNoTracking().Where(c => c.Id == conversationId)).ToListAsync(cancellationToken);
        var row = (await RecordListService.MarkPurchasedAsync(db, builder, rows, cancellationToken))[0];

        var names = db.Accounts.AsNoTracking();
        var participants = await (
                from p in db.Participants.AsNoTracking()
                where p.ConversationId == conversationId
                orderby p.JoinedAt, p.Id
                select new TranscriptParticipant(names.Where(a => a.Id == p.AgentId).Select(a => a.InternalName).FirstOrDefault() ?? "#" + p.AgentId,
                    p.Role, p.JoinedAt, p.LeftAt))
            .ToListAsync(cancellationToken);
        var transfers = await (
                from t in db.Transfers.AsNoTracking()
                where t.ConversationId == conversationId
                orderby t.RequestedAt, t.Id
                select new TranscriptTransfer(t.Kind,
                    names.Where(a => a.Id == t.FromAgentId).Select(a => a.InternalName).FirstOrDefault() ?? "#" + t.FromAgentId,
                    names.Where(a => a.Id == t.ToAgentId).Select(a => a.InternalName).FirstOrDefault(),
                    db.ReceptionGroups.Where(g => g.Id == t.ToGroupId).Select(g => g.Name).FirstOrDefault(),
                    t.RequestedAt, t.Outcome))
            .ToListAsync(cancellationToken);
        var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId).OrderBy(m => m.Seq)
            .ToListAsync(cancellationToken);
        var visits = await trajectory.VisitsAsync(conversation.VisitorId, cancellationToken);

        return new RecordTranscript(
            row, conversation.EvaluationComment, conversation.ProblemSolved, conversation.SummaryTypeId, conversation.SummaryNote,
            conversation.ProductName is null ? null
                : new ProductCard(conversation.ProductName, conversation.ProductUrl, conversation.ProductImageUrl, conversation.ProductPrice),
            participants, transfers, [.. messages.Select(MessageView.From)], visits);
    }

    /// <summary>
    /// The conversations just above and below this one in the list it was opened from (SPEC G3 previous / next), in the
    /// list's order (newest first); null at either end or when the conversation is not in the list.
    /// </summary>
    public async Task<(long? Previous, long? Next)> NeighboursAsync(
        int accountId, RecordSearch search, long conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (search.Validate() is not null)
        {
            return (null, null);
        }

        var visible = await dataScope.ForAsync(accountId, ScopedModule.Records, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (_, query) = await RecordListService.QueryAsync(db, visible, search, cancellationToken);
        var current = await query.Where(c => c.Id == conversationId).Select(c => (DateTime?)c.RequestedAt).FirstOrDefaultAsync(cancellationToken);
        if (current is not { } at)
        {
            return (null, null);
        }

        var previous = await query.Where(c => c.RequestedAt > at || (c.RequestedAt == at && c.Id > conversationId))
            .OrderBy(c => c.RequestedAt).ThenBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var next = await RecordQueryBuilder.Page(query, new RecordCursor(at, conversationId), 1).Select(c => (long?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return (previous, next);
    }
}
