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

    /// <summary>Active conversations the agent owns: what max load limits (SPEC D2.3).</summary>
    private int LoadOf(int agentId) => _live.Values.Count(l => l.IsActive && l.Entity.AgentId == agentId);

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
        var entity = batch.Track(live.Entity);
        var wasQueued = entity.QueueSequence is not null;
        entity.Assign(agentId, reason, batch.Now);
        batch.Db.Participants.Add(AddParticipant(live, agentId, ParticipantRole.Owner, batch.Now));
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

    private static ConversationParticipant AddParticipant(LiveConversation live, int agentId, ParticipantRole role, DateTime now)
    {
        var participant = new ConversationParticipant(live.Id, agentId, role, now);
        live.Participants.Add(participant);
        live.RefreshAgentIds();
        return participant;
    }

    /// <param name="leftMessage">The visitor gave up a queued request for the leave-message form (queue outcome 进入留言).</param>
    private async Task EndAsync(EngineBatch batch, LiveConversation live, EndReason reason, int? byAccountId, bool leftMessage = false)
    {
        if (live.PendingTransfer is { } transfer)
        {
            await ResolveTransferAsync(batch, transfer, TransferOutcome.Cancelled, null);
        }

        var formerAgents = live.AgentIds.ToArray();
        await NoticeAsync(batch, live, NoticeCode.Ended, reason.ToString());
        var entity = batch.Track(live.Entity);
        var wasQueued = live.IsQueued;
        if (leftMessage)
        {
            entity.EndWithLeaveMessage(batch.Now);
        }
        else
        {
            entity.End(reason, byAccountId, batch.Now);
        }

        foreach (var participant in live.ActiveParticipants.ToList())
        {
            batch.Track(participant).Leave(batch.Now);
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
            [.. live.ActiveParticipants.Select(p => new ParticipantView(p.AgentId, roster.NameOf(p.AgentId), p.Role, p.JoinedAt))],
            position, wait, entity.RequestedAt, entity.AssignedAt, entity.EndedAt, entity.EndReason, entity.LastSeq,
            entity.UnansweredSince, entity.QueuedForAgentId);
    }

    /// <summary>
    /// 1-based place in the queue the conversation waits in (its group's, or its private contact's), in serving order
    /// (SPEC D2.7): one pass counting who is ahead, no sort.
    /// </summary>
    private int PositionInQueue(LiveConversation live)
    {
        var me = ToQueueEntry(live);
        return 1 + _live.Values.Count(l => l.IsQueued && l.Id != live.Id
            && l.Entity.QueuedForAgentId == live.Entity.QueuedForAgentId
            && (live.Entity.QueuedForAgentId is not null || l.Entity.ReceptionGroupId == live.Entity.ReceptionGroupId)
            && QueueOrder.Comparer.Compare(ToQueueEntry(l), me) < 0);
    }

    private static QueueEntry ToQueueEntry(LiveConversation live) =>
        new(live.Id, live.Entity.IsVip, new DateTimeOffset(live.Entity.RequestedAt, TimeSpan.Zero), live.Entity.QueueSequence ?? 0);

    private TimeSpan WaitEstimate(Roster roster, int groupId, int position)
    {
        var slots = roster.MembersOf(groupId)
            .Select(m => roster.Agents.GetValueOrDefault(m.AgentId))
            .Where(a => a is { IsEnabled: true, ParticipatesInDistribution: true } && StatusOf(a.Id) == AgentStatus.Online)
            .Sum(a => a!.MaxLoad);
        return QueueWaitEstimate.Estimate(position, HandlingTimesOf(groupId).Average, slots);
    }

    private RoutingSnapshot Snapshot(Roster roster, int groupId, long visitorId, bool isVip, string? ip, int? lastAgentId, int? agentBeforeLastId)
    {
        var loads = Loads();
        var members = roster.MembersOf(groupId)
            .Select(m => (Member: m, Agent: roster.Agents.GetValueOrDefault(m.AgentId)))
            .Where(x => x.Agent is { IsEnabled: true })
            .Select(x => new RoutingMember(
                x.Member.AgentId, StatusOf(x.Member.AgentId), loads.GetValueOrDefault(x.Member.AgentId), x.Agent!.MaxLoad,
                x.Member.Priority, x.Member.Weight, x.Agent.ParticipatesInDistribution))
            .ToList();
        PrivateContactAgent? privateContact = null;
        if (_privateContacts.TryGetValue(visitorId, out var contactId) && roster.Agents.GetValueOrDefault(contactId) is { } contact)
        {
            privateContact = new PrivateContactAgent(
                contactId, contact.IsEnabled ? StatusOf(contactId) : AgentStatus.Offline, loads.GetValueOrDefault(contactId),
                contact.MaxLoad, contact.ParticipatesInDistribution);
        }

        return new RoutingSnapshot
        {
            Members = members,
            LastAgentId = lastAgentId,
            AgentBeforeLastId = agentBeforeLastId,
            PrivateContact = privateContact,
            IsBlacklisted = IsBlacklisted(visitorId, ip),
            IsVip = isVip,
            RoundRobin = _roundRobin.GetValueOrDefault(groupId)?.ToState() ?? RoundRobinState.Empty,
        };
    }

    private void StoreRoundRobin(EngineBatch batch, int groupId, RoundRobinState state)
    {
        if (_roundRobin.TryGetValue(groupId, out var stored))
        {
            if (!stored.ToState().Equals(state))
            {
                batch.Track(stored).Store(state);
            }

            return;
        }

        stored = new GroupRoundRobin(groupId, state);
        _roundRobin[groupId] = stored;
        batch.Db.GroupRoundRobins.Add(stored);
    }

    /// <summary>
    /// Serves queued requests while anyone has room (SPEC D3): in serving order, each queue stops at its first request
    /// nobody can take, so a later request never overtakes an earlier one of the same queue.
    /// </summary>
    private async Task DrainQueuesAsync(EngineBatch batch)
    {
        var queued = _live.Values.Where(l => l.IsQueued).OrderBy(ToQueueEntry, QueueOrder.Comparer).ToList();
        if (queued.Count == 0)
        {
            return;
        }

        var roster = await batch.RosterAsync();
        var blockedGroups = new HashSet<int>();
        var blockedAgents = new HashSet<int>();
        foreach (var live in queued)
        {
            var entity = live.Entity;
            if (entity.QueuedForAgentId is { } contactId)
            {
                if (blockedAgents.Contains(contactId))
                {
                    continue;
                }

                var contact = roster.Agents.GetValueOrDefault(contactId);
                if (contact is { IsEnabled: true } && StatusOf(contactId) == AgentStatus.Online && LoadOf(contactId) < contact.MaxLoad)
                {
                    await AssignAsync(batch, live, contactId, AssignmentReason.PrivateContact, null);
                }
                else
                {
                    blockedAgents.Add(contactId);
                }

                continue;
            }

            if (blockedGroups.Contains(entity.ReceptionGroupId))
            {
                continue;
            }

            var snapshot = Snapshot(roster, entity.ReceptionGroupId, entity.VisitorId, entity.IsVip, null, live.LastAgentId, live.AgentBeforeLastId)
                with { PrivateContact = null, IsBlacklisted = false };
            var decision = ConversationRouter.Route(snapshot);
            if (decision.Outcome is RoutingOutcome.AssignToAgent assign)
            {
                StoreRoundRobin(batch, entity.ReceptionGroupId, decision.RoundRobin);
                await AssignAsync(batch, live, assign.AgentId, assign.Reason, null);
            }
            else
            {
                blockedGroups.Add(entity.ReceptionGroupId);
            }
        }
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
