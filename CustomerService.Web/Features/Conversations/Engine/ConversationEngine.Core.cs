using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Routing;
using CustomerService.Domain.Visitors;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>The steps requests are made of; each runs inside the loop, within one batch.</summary>
public sealed partial class ConversationEngine
{
    private static readonly RuleViolation ConversationNotFound = new("ConversationNotFound");

    private LiveConversation? LiveOrNull(long conversationId) => _live.GetValueOrDefault(conversationId);

    private AgentPresence PresenceOf(int agentId)
    {
        if (!_presence.TryGetValue(agentId, out var presence))
        {
            presence = new AgentPresence(agentId);
            _presence[agentId] = presence;
        }

        return presence;
    }

    private AgentStatus StatusOf(int agentId) => _presence.TryGetValue(agentId, out var presence) ? presence.Status : AgentStatus.Offline;

    /// <summary>
    /// The status routing decides on (SPEC D1): an Online agent whose every console is gone, inside the grace period,
    /// keeps his conversations but gets no new ones — he counts as Busy until his console returns.
    /// </summary>
    private AgentStatus RoutingStatusOf(int agentId) =>
        _presence.TryGetValue(agentId, out var presence) && presence.Status == AgentStatus.Online && presence.IsConsoleGone
            ? AgentStatus.Busy
            : StatusOf(agentId);

    /// <summary>Whether someone is at the agent's console to answer an offer (<see cref="AgentPresence.IsConsoleGone"/>).</summary>
    private bool IsConsoleConnected(int agentId) => !(_presence.GetValueOrDefault(agentId)?.IsConsoleGone ?? false);

    /// <summary>What max load limits (SPEC D2.3): his active conversations and the slots his pending invitations hold.</summary>
    private AgentLoad LoadOf(int agentId) => new(
        _live.Values.Count(l => l.IsActive && l.Entity.AgentId == agentId),
        _pendingInvitations.Values.Count(p => p.Entity.AgentId == agentId));

    /// <summary><see cref="AgentLoad.Total"/> of every agent who has any, in one pass over the open state.</summary>
    private Dictionary<int, int> Loads()
    {
        var loads = new Dictionary<int, int>();
        foreach (var live in _live.Values)
        {
            if (live.IsActive && live.Entity.AgentId is { } agentId)
            {
                loads[agentId] = loads.GetValueOrDefault(agentId) + 1;
            }
        }

        foreach (var pending in _pendingInvitations.Values)
        {
            loads[pending.Entity.AgentId] = loads.GetValueOrDefault(pending.Entity.AgentId) + 1;
        }

        return loads;
    }

    private bool IsBlacklisted(long visitorId, string? ip) =>
        _blacklist.Values.Any(b => b.VisitorId == visitorId || (ip is not null && b.Ip == ip));

    /// <summary>A change of the conversation itself (assigned, transferred, joined, ended): its followers and the colleagues board.</summary>
    private static EventTopic[] TopicsOf(LiveConversation live, params int[] extraAgents) =>
        [.. FollowerTopicsOf(live, extraAgents), EventTopic.Colleagues];

    /// <summary>What happens inside a conversation (messages, evaluations): only those who follow it, never every console.</summary>
    private static EventTopic[] FollowerTopicsOf(LiveConversation live, params int[] extraAgents) =>
    [
        EventTopic.Conversation(live.Id),
        EventTopic.Group(live.Entity.ReceptionGroupId),
        .. live.AgentIds.Union(extraAgents).Select(EventTopic.Agent),
    ];

    private async Task<MessageView> AppendAsync(
        EngineBatch batch, LiveConversation live, MessageSender sender, int? agentId, MessageKind kind, string text,
        string? clientId = null, string? notice = null, Attachment? attachment = null)
    {
        var entity = batch.Track(live.Entity);
        var (seq, response) = entity.RecordMessage(sender, kind, batch.Now);
        string? senderName = agentId is { } id ? (await batch.RosterAsync()).NameOf(id) : null;
        var message = new ChatMessage(++_ids.Message, live.Id, seq, sender, agentId, senderName, kind, text, batch.Now, clientId, notice, attachment);
        batch.Db.Messages.Add(message);
        if (response is not null && agentId is { } responder)
        {
            batch.Db.ResponseFacts.Add(new ResponseFact(live.Id, responder, response));
        }

        var view = MessageView.From(message);
        if (clientId is not null)
        {
            live.MessagesByClientId[clientId] = view;
        }

        batch.Publish(new MessageAppended(view, FollowerTopicsOf(live)));
        return view;
    }

    /// <summary>What a posted message is, checked before it reaches the loop: its kind, and its text (a file's name).</summary>
    private static (MessageKind Kind, string Body) CheckedContent(string? clientId, string? text, Attachment? attachment)
    {
        var kind = attachment is null ? MessageKind.Text
            : attachment.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? MessageKind.Image : MessageKind.File;
        var body = attachment?.FileName ?? text;
        RuleViolationException.ThrowIf(ChatMessage.CheckClientId(clientId) ?? ChatMessage.CheckText(body));
        return (kind, body!);
    }

    private Task<MessageView> NoticeAsync(EngineBatch batch, LiveConversation live, string code, string argument = "") =>
        AppendAsync(batch, live, MessageSender.System, null, MessageKind.Notice, argument, notice: code);

    private async Task AssignAsync(EngineBatch batch, LiveConversation live, int agentId, AssignmentReason reason, Visitor? visitor)
    {
        var entity = batch.Load(live);
        var wasQueued = entity.QueueSequence is not null;
        entity.Assign(agentId, reason, batch.Now);
        live.RefreshAgentIds();
        visitor ??= await batch.Db.Visitors.FindAsync([live.VisitorId], batch.CancellationToken);
        visitor?.ServedBy(agentId);
        if (wasQueued)
        {
            batch.QueuesChanged = true;
        }

        batch.Publish(new ConversationChanged(await ViewAsync(batch, live), TopicsOf(live)));
        var welcome = (await batch.AutoRepliesForAsync(agentId)).Welcome;
        if (!string.IsNullOrWhiteSpace(welcome))
        {
            // An auto-reply is a System message: it must not make the conversation valid (SPEC D5, D8).
            await AppendAsync(batch, live, MessageSender.System, null, MessageKind.Text, welcome);
        }
    }

    /// <summary>
    /// Ends an open conversation: its pending offer is withdrawn, its agents leave, its slot or queue place frees up.
    /// </summary>
    /// <param name="end">
    /// How the aggregate ends, when not plainly with <paramref name="reason"/>: a queued visitor who left a message
    /// instead (queue outcome 进入留言), or one who is gone (abandoned).
    /// </param>
    private async Task EndAsync(EngineBatch batch, LiveConversation live, EndReason reason, int? byAccountId, Action<Conversation>? end = null)
    {
        var entity = batch.Load(live);
        if (entity.CancelTransfer(batch.Now) is { } cancelled)
        {
            PublishResolved(batch, await batch.RosterAsync(), cancelled);
        }

        var formerAgents = live.AgentIds.ToArray();
        await NoticeAsync(batch, live, NoticeCode.Ended, reason.ToString());
        var wasQueued = live.IsQueued;
        if (end is null)
        {
            entity.End(reason, byAccountId, batch.Now);
        }
        else
        {
            end(entity);
        }

        live.RefreshAgentIds();
        _live.TryRemove(live.Id, out _);
        _openByVisitor.Remove(live.VisitorId);
        if (wasQueued)
        {
            batch.QueuesChanged = true;
        }
        else
        {
            batch.CapacityChanged = true;
            if (entity.AssignedAt is { } assignedAt)
            {
                HandlingTimesOf(entity.ReceptionGroupId).Add(batch.Now - assignedAt);
            }
        }

        batch.Publish(new ConversationChanged(await ViewAsync(batch, live), TopicsOf(live, formerAgents)));
    }

    private HandlingTimes HandlingTimesOf(int groupId)
    {
        if (!_handlingTimes.TryGetValue(groupId, out var times))
        {
            times = new HandlingTimes();
            _handlingTimes[groupId] = times;
        }

        return times;
    }

    private async Task<ConversationView> ViewAsync(EngineBatch batch, LiveConversation live)
    {
        var roster = await batch.RosterAsync();
        var entity = live.Entity;
        var agent = entity.AgentId is { } agentId ? roster.Agents.GetValueOrDefault(agentId) : null;
        int? position = null;
        TimeSpan? wait = null;
        if (live.IsQueued && _live.ContainsKey(live.Id))
        {
            position = PositionInQueue(live);
            wait = WaitEstimate(roster, entity.ReceptionGroupId, position.Value);
        }

        return new ConversationView(
            entity.Id, entity.VisitorId, entity.EntryId, entity.ReceptionGroupId, entity.State, entity.IsVip,
            entity.AgentId, agent?.ExternalName, agent?.AvatarUrl,
            [.. entity.ActiveParticipants.Select(p => new ParticipantView(p.AgentId, roster.NameOf(p.AgentId), p.Role, p.JoinedAt))],
            position, wait, entity.RequestedAt, entity.AssignedAt, entity.EndedAt, entity.EndReason, entity.LastSeq,
            entity.UnansweredSince, entity.QueuedForAgentId)
        {
            QueuedSince = entity.State == ConversationState.Queued ? entity.QueuedSince : null,
        };
    }

    /// <summary>Tells each waiting visitor his new place and each group its queue length, when they changed (SPEC D3).</summary>
    private async Task AnnounceQueuesAsync(EngineBatch batch)
    {
        var roster = await batch.RosterAsync();
        var queues = _live.Values.Where(l => l.IsQueued)
            .GroupBy(l => (l.Entity.ReceptionGroupId, l.Entity.QueuedForAgentId));
        var lengths = new Dictionary<int, int>();
        foreach (var queue in queues)
        {
            var position = 0;
            foreach (var live in queue.OrderBy(ToQueueEntry, QueueOrder.Comparer))
            {
                position++;
                if (live.AnnouncedQueuePosition != position)
                {
                    live.AnnouncedQueuePosition = position;
                    batch.Publish(new QueuePositionChanged(
                        live.Id, position, WaitEstimate(roster, live.Entity.ReceptionGroupId, position),
                        [EventTopic.Conversation(live.Id)]));
                }
            }

            lengths[queue.Key.ReceptionGroupId] = lengths.GetValueOrDefault(queue.Key.ReceptionGroupId) + position;
        }

        foreach (var groupId in lengths.Keys.Union(_announcedQueueLengths.Keys).ToList())
        {
            var length = lengths.GetValueOrDefault(groupId);
            if (_announcedQueueLengths.GetValueOrDefault(groupId, -1) != length)
            {
                _announcedQueueLengths[groupId] = length;
                batch.Publish(new QueueLengthChanged(groupId, length, [EventTopic.Group(groupId), EventTopic.Queue(groupId), EventTopic.Colleagues]));
            }
        }
    }
}
