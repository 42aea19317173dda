using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Routing;
using CustomerService.Domain.Visitors;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>What visitors ask of the engine (through the visitor API, SPEC N2).</summary>
public sealed partial class ConversationEngine
{
    /// <summary>
    /// Routes a visitor's request (SPEC D2). A visitor who already has an open conversation gets it back, so a second tab
    /// or a retried request never opens a second one.
    /// </summary>
    public Task<StartResult> StartAsync(StartRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Submit(async batch =>
        {
            if (await OpenRequestOfAsync(batch, request.VisitorId) is { } open)
            {
                return open;
            }

            var roster = await batch.RosterAsync();
            var entry = roster.EntriesByCode.GetValueOrDefault(request.EntryCode ?? string.Empty)
                ?? throw new RuleViolationException(new RuleViolation("EntryUnknown"));
            var visitor = await batch.Db.Visitors.FindAsync([request.VisitorId], batch.CancellationToken)
                ?? throw new RuleViolationException(new RuleViolation("VisitorUnknown"));
            return await RouteRequestAsync(batch, visitor, entry, request.IsVip, request.Context ?? new StartContext());
        });
    }

    /// <summary>The visitor's open conversation as a start's answer, if he has one.</summary>
    private async Task<StartResult?> OpenRequestOfAsync(EngineBatch batch, long visitorId)
    {
        if (!_openByVisitor.TryGetValue(visitorId, out var openId) || LiveOrNull(openId) is not { } existing)
        {
            return null;
        }

        _liveness.Seen(existing.Id);
        return new StartResult(existing.IsQueued ? StartOutcome.Queued : StartOutcome.Active, await ViewAsync(batch, existing));
    }

    /// <summary>A new request of a visitor with no open conversation, routed by SPEC D2: an agent, the queue or the form.</summary>
    private async Task<StartResult> RouteRequestAsync(EngineBatch batch, Visitor visitor, RosterEntry entry, bool isVip, StartContext context)
    {
        isVip = isVip || visitor.IsVip;
        var roster = await batch.RosterAsync();
        var decision = ConversationRouter.Route(Snapshot(
            roster, entry.ReceptionGroupId, visitor.Id, isVip, context.VisitorIp, visitor.LastAgentId, visitor.AgentBeforeLastId));
        if (decision.Outcome is RoutingOutcome.LeaveMessage leave)
        {
            return new StartResult(StartOutcome.LeaveMessage, null, leave.Reason);
        }

        var conversation = new Conversation(++_ids.Conversation, visitor.Id, entry.Id, entry.ReceptionGroupId, isVip, batch.Now, context);
        batch.Db.Conversations.Add(conversation);
        var live = new LiveConversation(conversation, visitor.LastAgentId, visitor.AgentBeforeLastId);
        _live[conversation.Id] = live;
        _openByVisitor[visitor.Id] = conversation.Id;
        StoreRoundRobin(batch, entry.ReceptionGroupId, decision.RoundRobin);

        switch (decision.Outcome)
        {
            case RoutingOutcome.AssignToAgent assign:
                await AssignAsync(batch, live, assign.AgentId, assign.Reason, visitor);
                return new StartResult(StartOutcome.Active, await ViewAsync(batch, live));
            case RoutingOutcome.Enqueue enqueue:
                conversation.Enqueue(enqueue.ForAgentId, ++_ids.QueueTicket);
                batch.QueuesChanged = true;
                var view = await ViewAsync(batch, live);
                batch.Publish(new ConversationChanged(view, TopicsOf(live)));
                return new StartResult(StartOutcome.Queued, view);
            default:
                throw new InvalidOperationException($"Unexpected routing outcome {decision.Outcome}.");
        }
    }

    /// <summary>
    /// Stores a visitor's message (SPEC D6). The same <paramref name="clientId"/> again returns the stored message,
    /// even after the conversation ended or the server restarted.
    /// </summary>
    public Task<MessageView> AppendVisitorMessageAsync(long visitorId, long conversationId, string? clientId, string? text, Attachment? attachment = null)
    {
        var (kind, body) = CheckedContent(clientId, text, attachment);
        return Submit(async batch =>
        {
            var live = LiveOrNull(conversationId);
            if (live is null || live.VisitorId != visitorId)
            {
                return await StoredResendAsync(batch, conversationId, clientId, c => c.VisitorId == visitorId);
            }

            if (clientId is not null && live.MessagesByClientId.TryGetValue(clientId, out var stored))
            {
                return stored;
            }

            return await AppendAsync(batch, live, MessageSender.Visitor, null, kind, body, clientId, attachment: attachment);
        });
    }

    /// <summary>The visitor's typing preview (SPEC D7): announced to the agents, never stored, never queued behind writes.</summary>
    public void PreviewTyping(long visitorId, long conversationId, string? text)
    {
        if (LiveOrNull(conversationId) is not { } live || live.VisitorId != visitorId)
        {
            throw new RuleViolationException(ConversationNotFound);
        }

        var preview = text is { Length: > ChatMessage.TextMaxLength } ? text[..ChatMessage.TextMaxLength] : text ?? string.Empty;
        _bus.Publish(new TypingPreviewed(conversationId, preview, [.. live.AgentIds.Select(EventTopic.Agent)]));
    }

    public Task<ConversationView> CloseByVisitorAsync(long visitorId, long conversationId) => Submit(async batch =>
    {
        var live = LiveOrNull(conversationId);
        if (live is null || live.VisitorId != visitorId)
        {
            return await EndedViewAsync(batch, conversationId, c => c.VisitorId == visitorId);
        }

        await EndAsync(batch, live, EndReason.Visitor, null);
        return await ViewAsync(batch, live);
    });

    /// <summary>
    /// Stores a leave-message (SPEC D12). When the visitor gives up a queued request for it, the request ends with the
    /// outcome “left a message” (seed 002 排队分析 进入留言). The caller checks the fields against the form settings.
    /// </summary>
    public Task<long> LeaveMessageAsync(long? visitorId, string entryCode, LeaveMessageContent content, long? queuedConversationId = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Submit(async batch =>
        {
            var roster = await batch.RosterAsync();
            var entry = roster.EntriesByCode.GetValueOrDefault(entryCode ?? string.Empty)
                ?? throw new RuleViolationException(new RuleViolation("EntryUnknown"));
            LiveConversation? queued = null;
            if (queuedConversationId is { } id)
            {
                queued = LiveOrNull(id);
                if (queued is null || queued.VisitorId != visitorId || !queued.IsQueued)
                {
                    throw new RuleViolationException(ConversationNotFound);
                }
            }

            int? responsible = null;
            if (visitorId is { } vid)
            {
                responsible = _privateContacts.TryGetValue(vid, out var contact) ? contact
                    : await batch.Db.Visitors.Where(v => v.Id == vid).Select(v => v.LastAgentId).FirstOrDefaultAsync(batch.CancellationToken);
            }

            if (queued is not null)
            {
                await EndAsync(batch, queued, EndReason.Visitor, null, end: c => c.EndWithLeaveMessage(batch.Now));
            }

            var message = new LeaveMessage(++_ids.LeaveMessage, visitorId, entry.Id, entry.ReceptionGroupId, responsible, queuedConversationId, content, batch.Now);
            batch.Db.LeaveMessages.Add(message);
            EventTopic[] topics = responsible is { } agentId
                ? [EventTopic.Group(entry.ReceptionGroupId), EventTopic.Agent(agentId)]
                : [EventTopic.Group(entry.ReceptionGroupId)];
            batch.Publish(new LeaveMessageCreated(message.Id, entry.ReceptionGroupId, responsible, topics));
            return message.Id;
        });
    }

    /// <summary>The visitor's rating (SPEC D9): answers an open invitation, or is his one unprompted rating; the best counts.</summary>
    public Task<EvaluationLevel> RateAsync(long visitorId, long conversationId, EvaluationLevel level, string? comment = null, bool? problemSolved = null)
    {
        if (!Enum.IsDefined(level))
        {
            throw new RuleViolationException(new RuleViolation("EvaluationLevelUnknown"));
        }

        RuleViolationException.ThrowIf(InputText.Check("Evaluation.Comment", comment, InputLimits.EvaluationComment));

        return Submit(async batch =>
        {
            var live = LiveOrNull(conversationId);
            var entity = live?.Entity ?? await batch.Db.Conversations.FirstOrDefaultAsync(c => c.Id == conversationId, batch.CancellationToken);
            if (entity is null || entity.VisitorId != visitorId)
            {
                throw new RuleViolationException(ConversationNotFound);
            }

            var settings = await batch.SettingsAsync();
            var best = Checked((live is null ? batch.Track(entity) : batch.Load(live)).Rate(level, comment, settings.Evaluation, problemSolved));
            if (live is not null)
            {
                await NoticeAsync(batch, live, NoticeCode.Rated, ((int)level).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            batch.Publish(new EvaluationRecorded(conversationId, best, live is null
                ? [EventTopic.Conversation(conversationId), .. entity.AgentId is { } a ? new[] { EventTopic.Agent(a) } : []]
                : FollowerTopicsOf(live))
            {
                Comment = entity.EvaluationComment,
                ProblemSolved = entity.ProblemSolved,
            });
            return best;
        });
    }

    /// <summary>For a conversation no longer open: a resend of a stored message is answered, anything else refused.</summary>
    private static async Task<MessageView> StoredResendAsync(
        EngineBatch batch, long conversationId, string? clientId, System.Linq.Expressions.Expression<Func<Conversation, bool>> isCaller)
    {
        var conversation = await batch.Db.Conversations.AsNoTracking().Where(c => c.Id == conversationId).Where(isCaller)
            .Select(c => new { c.Id }).FirstOrDefaultAsync(batch.CancellationToken)
            ?? throw new RuleViolationException(ConversationNotFound);
        if (clientId is not null)
        {
            var stored = await batch.Db.Messages.AsNoTracking()
                .FirstOrDefaultAsync(m => m.ConversationId == conversation.Id && m.ClientId == clientId, batch.CancellationToken);
            if (stored is not null)
            {
                return MessageView.From(stored);
            }
        }

        throw new RuleViolationException(new RuleViolation("ConversationEnded"));
    }

    private async Task<ConversationView> EndedViewAsync(
        EngineBatch batch, long conversationId, System.Linq.Expressions.Expression<Func<Conversation, bool>> isCaller)
    {
        var ended = await batch.Db.Conversations.AsNoTracking().Where(c => c.Id == conversationId).Where(isCaller)
            .FirstOrDefaultAsync(batch.CancellationToken)
            ?? throw new RuleViolationException(ConversationNotFound);
        return await ViewAsync(batch, new LiveConversation(ended, null, null));
    }
}
