using System.Text;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Visitors;
using CustomerService.Web.Infrastructure;
using CustomerService.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>GET /api/visitor/conversations/{id}/transcript (SPEC E2): the conversation as UTF-8 text in the enterprise's time zone.</summary>
public sealed class TranscriptQuery(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, IStringLocalizer<UiText> localizer, Branding.VisitorAgentImage agentImage)
{
    /// <summary>The transcript's bytes with a BOM, so Windows Notepad shows the Chinese text correctly.</summary>
    public async Task<byte[]> TextAsync(long conversationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
        var stored = await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId).OrderBy(m => m.Seq).ToListAsync(cancellationToken);
        // The visitor's copy: agents under the unified image (统一客服) when the enterprise uses one.
        var lens = await agentImage.CurrentAsync(cancellationToken);
        var messages = stored.Select(m => lens.Apply(Conversations.Engine.MessageView.From(m)));
        var visitorName = localizer["Transcript.Visitor"].Value;
        var systemName = localizer["Transcript.System"].Value;
        var noticeText = VisitorApiEndpoints.NoticeText(localizer);
        var transcript = TranscriptFormatter.Format(
            messages.Select(m => new TranscriptMessage(
                m.SentAt,
                m.Sender switch { MessageSender.Visitor => visitorName, MessageSender.Agent => m.SenderName ?? string.Empty, _ => systemName },
                m.Notice is { } code ? noticeText(code, m.Text) : m.StorageKey is null ? m.Text : null,
                m.StorageKey is null ? null : m.FileName)),
            zone,
            localizer["Transcript.File"].Value);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(transcript)];
    }
}
