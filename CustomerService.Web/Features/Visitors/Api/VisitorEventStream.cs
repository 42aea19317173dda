using System.Text.Json;
using System.Threading.Channels;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>
/// GET /api/visitor/conversations/{id}/events (SPEC N2): Server-Sent Events carrying every message (id = sequence
/// number) and state changes. It subscribes before it replays from the database, so nothing published in between is
/// lost, and it skips what the replay already sent, so nothing arrives twice. <see cref="ConversationCallerFilter"/>
/// has checked the token and the conversation.
/// </summary>
public static class VisitorEventStream
{
    public static async Task StreamAsync(
        ConversationCaller caller, HttpContext http, IEngineEventBus bus, ConversationEngine engine,
        IDbContextFactory<CustomerServiceDbContext> dbFactory, IStringLocalizer<UiText> localizer,
        IOptions<JsonOptions> json, IOptions<VisitorApiOptions> options, VisitorFileLinks fileLinks)
    {
        var cancellationToken = http.RequestAborted;
        var id = caller.ConversationId;
        using var alive = http.RequestServices.GetRequiredService<VisitorLiveness>().StreamOpened(id); // alive while streaming (SPEC D3)
        var inbox = Channel.CreateUnbounded<EngineEvent>();
        using var subscription = bus.Subscribe(EventTopic.Conversation(id), e => inbox.Writer.TryWrite(e));

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var writer = new SseWriter(http.Response, json.Value.SerializerOptions);
        var noticeText = VisitorApiEndpoints.NoticeText(localizer);
        // 统一客服: read once per stream; a change of the setting reaches a stream when the chat page reconnects.
        var lens = await http.RequestServices.GetRequiredService<Branding.VisitorAgentImage>().CurrentAsync(cancellationToken);
        Func<MessageView, MessageResponse> render = message => lens.Render(message, noticeText, fileLinks);

        // Read after subscribing: whatever is appended from now on has a higher number and arrives live.
        var (lastSent, capped) = await ResumePointAsync(dbFactory, id, LastEventId(http.Request), cancellationToken);
        if (capped)
        {
            await writer.CommentAsync($"last-event-id capped at {lastSent.ToString(System.Globalization.CultureInfo.InvariantCulture)}", cancellationToken);
        }

        lastSent = await ReplayAsync(dbFactory, id, lastSent, writer, render, cancellationToken);
        if (await engine.GetConversationAsync(id) is { } current)
        {
            await writer.WriteAsync("state", null, lens.Render(current), cancellationToken);
        }
        else
        {
            await writer.WriteAsync("state", null, new { State = "ended" }, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                keepAlive.CancelAfter(options.Value.StreamKeepAlive);
                EngineEvent next;
                try
                {
                    next = await inbox.Reader.ReadAsync(keepAlive.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await writer.CommentAsync("keep-alive", cancellationToken);
                    continue;
                }

                switch (next)
                {
                    case MessageAppended appended when appended.Message.Seq <= lastSent:
                        break;
                    case MessageAppended appended when appended.Message.Seq > lastSent + 1:
                        // A gap can only mean the replay raced a commit; the database has the missing ones.
                        lastSent = await ReplayAsync(dbFactory, id, lastSent, writer, render, cancellationToken);
                        break;
                    case MessageAppended appended:
                        await writer.WriteAsync("message", appended.Message.Seq, render(appended.Message), cancellationToken);
                        lastSent = appended.Message.Seq;
                        break;
                    case ConversationChanged changed:
                        await writer.WriteAsync("state", null, lens.Render(changed.Conversation), cancellationToken);
                        break;
                    case QueuePositionChanged queue:
                        await writer.WriteAsync("state", null, new
                        {
                            State = "queued",
                            QueuePosition = queue.Position,
                            EstimatedWaitSeconds = (int)Math.Ceiling(queue.EstimatedWait.TotalSeconds),
                        }, cancellationToken);
                        break;
                    case EvaluationInvited:
                        await writer.WriteAsync("evaluation-invite", null, new { ConversationId = id }, cancellationToken);
                        break;
                }

                if (inbox.Reader.Count == 0)
                {
                    await writer.FlushAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The visitor closed the page or lost the connection; he reconnects with Last-Event-ID.
        }
    }

    private static long LastEventId(HttpRequest request)
    {
        var value = request.Headers["Last-Event-ID"].ToString();
        if (string.IsNullOrEmpty(value))
        {
            value = request.Query["lastEventId"].ToString();
        }

        return long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seq) ? seq : 0;
    }

    /// <summary>
    /// Where the replay starts. A Last-Event-ID beyond the conversation's last sequence number (a stale tab of another
    /// conversation, a proxy, a hand-made request) would make every later message look already seen and silence the
    /// stream for good, so it is capped at the last number and the stream says so in a comment line.
    /// </summary>
    private static async Task<(long LastSent, bool Capped)> ResumePointAsync(
        IDbContextFactory<CustomerServiceDbContext> dbFactory, long id, long lastEventId, CancellationToken cancellationToken)
    {
        if (lastEventId == 0)
        {
            return (0, false);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var last = await db.Messages.Where(m => m.ConversationId == id).MaxAsync(m => (long?)m.Seq, cancellationToken) ?? 0;
        return lastEventId > last ? (last, true) : (lastEventId, false);
    }

    private static async Task<long> ReplayAsync(
        IDbContextFactory<CustomerServiceDbContext> dbFactory, long id, long after, SseWriter writer,
        Func<MessageView, MessageResponse> render, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var missed = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == id && m.Seq > after)
            .OrderBy(m => m.Seq)
            .ToListAsync(cancellationToken);
        foreach (var message in missed)
        {
            await writer.WriteAsync("message", message.Seq, render(MessageView.From(message)), cancellationToken);
            after = message.Seq;
        }

        return after;
    }

    private sealed class SseWriter(HttpResponse response, JsonSerializerOptions json)
    {
        public async Task WriteAsync(string eventName, long? id, object data, CancellationToken cancellationToken)
        {
            var payload = JsonSerializer.Serialize(data, data.GetType(), json);
            var frame = id is { } seq
                ? $"id: {seq.ToString(System.Globalization.CultureInfo.InvariantCulture)}\nevent: {eventName}\ndata: {payload}\n\n"
                : $"event: {eventName}\ndata: {payload}\n\n";
            await response.WriteAsync(frame, cancellationToken);
        }

        public async Task CommentAsync(string text, CancellationToken cancellationToken)
        {
            await response.WriteAsync($": {text}\n\n", cancellationToken);
            await FlushAsync(cancellationToken);
        }

        public Task FlushAsync(CancellationToken cancellationToken) => response.Body.FlushAsync(cancellationToken);
    }
}
