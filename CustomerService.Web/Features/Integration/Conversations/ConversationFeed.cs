using System.Text.Json;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Visitors.Api;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Integration.Conversations;

/// <summary>
/// The conversation reads of the integration API (SPEC N4). An API key stands for the whole enterprise (one enterprise
/// per installation), so there is no data scope to apply here, unlike the pages of SPEC B.
/// </summary>
public sealed class ConversationFeed(IDbContextFactory<CustomerServiceDbContext> dbFactory, EnterpriseTimeZone timeZone)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    /// <summary>
    /// Conversations requested within <paramref name="period"/> (local days of the enterprise), ordered by
    /// (RequestedAt, Id), after <paramref name="after"/>; at most <paramref name="limit"/>.
    /// </summary>
    public async Task<ConversationPage> ListAsync(ReportPeriod period, ConversationCursor? after, int limit, CancellationToken cancellationToken)
    {
        var (start, end) = period.UtcRange(await timeZone.GetAsync(cancellationToken));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Conversations.AsNoTracking().Where(c => c.RequestedAt >= start && c.RequestedAt < end);
        if (after is not null)
        {
            query = query.Where(c => c.RequestedAt > after.RequestedAt || (c.RequestedAt == after.RequestedAt && c.Id > after.Id));
        }

        // One more than asked tells whether there is a next page without a count.
        var rows = await query
            .OrderBy(c => c.RequestedAt).ThenBy(c => c.Id)
            .Take(limit + 1)
            .Select(c => new
            {
                c.Id,
                c.RequestedAt,
                c.EndedAt,
                c.State,
                AgentLogin = db.Accounts.Where(a => a.Id == c.AgentId).Select(a => a.LoginName).FirstOrDefault(),
                c.VisitorId,
                UserId = db.Visitors.Where(v => v.Id == c.VisitorId).Select(v => v.ExternalUserId).FirstOrDefault(),
                Entry = db.ConsultationEntries.Where(e => e.Id == c.EntryId).Select(e => e.Code).FirstOrDefault(),
                c.VisitorMessageCount,
                c.AgentMessageCount,
                c.EvaluationLevel,
                c.EvaluationComment,
                SummaryType = db.ConsultationTypes.Where(t => t.Id == c.SummaryTypeId).Select(t => t.Name).FirstOrDefault(),
                c.SummaryTypeId,
            })
            .ToListAsync(cancellationToken);

        var page = rows.Take(limit).Select(c => new ConversationItem(
            c.Id,
            c.RequestedAt,
            c.EndedAt,
            ConversationResponse.StateName(c.State),
            c.AgentLogin,
            c.VisitorId,
            c.UserId,
            c.Entry,
            ConsultationClassifier.Classify(c.VisitorMessageCount, c.AgentMessageCount) == ConsultationValidity.Valid,
            c.EvaluationLevel is { } level
                ? new ConversationRating((int)level, JsonNamingPolicy.CamelCase.ConvertName(level.ToString()), c.EvaluationComment)
                : null,
            c.SummaryType,
            c.SummaryTypeId)).ToList();
        var next = rows.Count > limit ? new ConversationCursor(page[^1].RequestedAt, page[^1].Id).Encode() : null;
        return new ConversationPage(page, next);
    }

    /// <summary>The transcript, or null when there is no such conversation.</summary>
    /// <param name="noticeText">Notices carry a code; the caller gets the sentence in the request's language.</param>
    public async Task<Transcript?> TranscriptAsync(long conversationId, Func<string, string, string> noticeText, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId, cancellationToken))
        {
            return null;
        }

        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .OrderBy(m => m.Seq)
            .Select(m => new { m.Seq, m.Sender, m.SenderName, m.Kind, m.Text, m.Notice, m.SentAt, m.FileName, m.ContentType, m.FileSize, m.StorageKey })
            .ToListAsync(cancellationToken);
        return new Transcript(conversationId, [.. messages.Select(m => new TranscriptMessage(
            m.Seq,
            m.Sender.ToString().ToLowerInvariant(),
            m.SenderName,
            m.Kind.ToString().ToLowerInvariant(),
            m.Notice is { } code ? noticeText(code, m.Text) : m.Text,
            m.SentAt,
            m.StorageKey is null ? null : new TranscriptFile(m.FileName ?? m.Text, m.ContentType, m.FileSize)))]);
    }
}
