using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Security;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>
/// SPEC D4 from the console: transfer, invitation, leaving, barge-in, and 邀请评价. The rules are the aggregate's
/// (<see cref="Conversation"/>); each command loads it into the batch, calls it with the roster facts it needs, and
/// announces what changed.
/// </summary>
public sealed partial class ConversationEngine
{
    /// <summary>
    /// Offers the conversation to a colleague or a reception group (SPEC D4, 会话转接 / 会话邀请). Only colleagues who are
    /// Online or Busy can be offered it; one offer per conversation at a time.
    /// </summary>
    public Task<TransferView> RequestTransferAsync(int agentId, long conversationId, TransferTarget target, TransferKind kind = TransferKind.Transfer)
    {
        ArgumentNullException.ThrowIfNull(target);
        if ((target.AgentId is null) == (target.ReceptionGroupId is null))
        {
            throw new ArgumentException("A transfer needs exactly one target.", nameof(target));
        }

        return Submit(async batch =>
        {
            var live = LiveOrNull(conversationId) ?? throw new RuleViolationException(new RuleViolation("ConversationEnded"));
            var roster = await batch.RosterAsync();
            var candidates = target.AgentId is { } targetId
                ? roster.Agents.ContainsKey(targetId) ? [ColleagueOf(roster, targetId)] : []
                : roster.MembersOf(target.ReceptionGroupId!.Value).Select(m => ColleagueOf(roster, m.AgentId)).ToList();
            var offer = Checked(batch.Load(live).RequestTransfer(
                _ids.Transfer + 1, kind, agentId, target.AgentId, target.ReceptionGroupId, candidates, batch.Now));
            _ids.Transfer++;
            batch.Db.Transfers.Add(offer.Transfer);
            var view = TransferViewOf(roster, offer.Transfer);
            batch.Publish(new TransferRequested(view, [
                EventTopic.Agent(agentId), .. offer.OfferedTo.Select(EventTopic.Agent),
                .. target.ReceptionGroupId is { } g ? new[] { EventTopic.Group(g) } : []]));
            return view;
        });
    }

    /// <summary>
    /// The target's answer (SPEC D4). Accepting a transfer makes him the owner and the original agent leaves; accepting an
    /// invitation adds him to a three-way conversation. An agent at max load cannot accept a transfer.
    /// </summary>
    public Task<TransferView> RespondToTransferAsync(int agentId, long transferId, bool accept) => Submit(async batch =>
    {
        var live = _live.Values.FirstOrDefault(l => l.Entity.PendingTransfer?.Id == transferId)
            ?? throw new RuleViolationException(new RuleViolation("TransferNotPending"));
        var conversation = batch.Load(live);
        var roster = await batch.RosterAsync();
        var isMember = conversation.PendingTransfer!.ToGroupId is { } groupId && roster.MembersOf(groupId).Any(m => m.AgentId == agentId);
        if (!accept)
        {
            var declined = Checked(conversation.DeclineTransfer(transferId, agentId, isMember, batch.Now));
            PublishResolved(batch, roster, declined);
            return TransferViewOf(roster, declined);
        }

        var transfer = Checked(conversation.AcceptTransfer(transferId, ColleagueOf(roster, agentId), isMember, batch.Now));
        live.RefreshAgentIds();
        PublishResolved(batch, roster, transfer);
        if (transfer.Kind == TransferKind.Transfer)
        {
            var visitor = await batch.Db.Visitors.FindAsync([live.VisitorId], batch.CancellationToken);
            visitor?.ServedBy(agentId);
            batch.CapacityChanged = true;
            await NoticeAsync(batch, live, NoticeCode.Transferred, roster.NameOf(agentId));
            batch.Publish(new ConversationChanged(await ViewAsync(batch, live), TopicsOf(live, transfer.FromAgentId)));
        }
        else
        {
            await NoticeAsync(batch, live, NoticeCode.AgentJoined, roster.NameOf(agentId));
            batch.Publish(new ConversationChanged(await ViewAsync(batch, live), TopicsOf(live)));
        }

        return TransferViewOf(roster, transfer);
    });

    /// <summary>
    /// An agent leaves a conversation he shares (SPEC D4 “any agent may leave”). When the owner leaves, the colleague who
    /// joined first takes it over; an owner alone ends it.
    /// </summary>
    public Task<ConversationView> LeaveConversationAsync(int agentId, long conversationId) => Submit(async batch =>
    {
        var live = LiveOrNull(conversationId) ?? throw new RuleViolationException(new RuleViolation("ConversationEnded"));
        var departure = Checked(batch.Load(live).Leave(agentId, batch.Now));
        if (departure.EndsConversation)
        {
            await EndAsync(batch, live, EndReason.Agent, agentId);
            return await ViewAsync(batch, live);
        }

        return await AnnounceDepartureAsync(batch, live, departure);
    });

    /// <summary>插入会话: an admin joins any colleague's conversation without being invited (SPEC D4).</summary>
    public Task<ConversationView> BargeInAsync(int adminId, long conversationId) => Submit(async batch =>
    {
        var isAdmin = await IsAdminAsync(batch, adminId);
        var live = LiveOrNull(conversationId)
            ?? throw new RuleViolationException(new RuleViolation(isAdmin ? "ConversationEnded" : "AdminOnly"));
        Check(batch.Load(live).BargeIn(adminId, isAdmin, batch.Now));
        live.RefreshAgentIds();
        await NoticeAsync(batch, live, NoticeCode.AgentJoined, (await batch.RosterAsync()).NameOf(adminId));
        var view = await ViewAsync(batch, live);
        batch.Publish(new ConversationChanged(view, TopicsOf(live)));
        return view;
    });

    /// <summary>邀请评价 (SPEC D9): any number of times while the conversation is open.</summary>
    public Task InviteEvaluationAsync(int agentId, long conversationId) => Submit(async batch =>
    {
        var live = LiveOrNull(conversationId) ?? throw new RuleViolationException(new RuleViolation("ConversationEnded"));
        Check(batch.Load(live).InviteEvaluation(agentId));
        await NoticeAsync(batch, live, NoticeCode.EvaluationInvited);
        batch.Publish(new EvaluationInvited(live.Id, FollowerTopicsOf(live)));
    });

    /// <summary>SPEC D1 Away/Offline: his conversations end, shared ones go on without him, offers to him are withdrawn.</summary>
    private async Task WithdrawAgentAsync(EngineBatch batch, int agentId, EndReason reason)
    {
        var roster = await batch.RosterAsync();
        foreach (var live in _live.Values.Where(l => l.Entity.PendingTransfer?.ToAgentId == agentId).ToList())
        {
            PublishResolved(batch, roster, batch.Load(live).CancelTransfer(batch.Now)!);
        }

        foreach (var live in _live.Values.Where(l => l.Entity.ParticipantOf(agentId) is not null).ToList())
        {
            var departure = Checked(batch.Load(live).Leave(agentId, batch.Now));
            if (departure.EndsConversation && reason == EndReason.AgentOffline && live.IsActive)
            {
                // SPEC D5: a lost agent (console gone past the grace period) does not end the visitor's conversation;
                // it waits again, with its history, for someone else. An explicit Away still ends it (D1).
                await ReturnToQueueAsync(batch, live, agentId);
            }
            else if (departure.EndsConversation)
            {
                await EndAsync(batch, live, reason, agentId);
            }
            else
            {
                await AnnounceDepartureAsync(batch, live, departure);
            }
        }

        // Visitors waiting for him alone would wait for nobody (SPEC D2.2: private contact away → leave-message).
        foreach (var live in _live.Values.Where(l => l.IsQueued && l.Entity.QueuedForAgentId == agentId).ToList())
        {
            await EndAsync(batch, live, reason, agentId);
        }
    }

    private async Task ReturnToQueueAsync(EngineBatch batch, LiveConversation live, int lostAgentId)
    {
        var entity = batch.Load(live);
        if (entity.CancelTransfer(batch.Now) is { } cancelled)
        {
            PublishResolved(batch, await batch.RosterAsync(), cancelled);
        }

        var formerAgents = live.AgentIds.ToArray();
        await NoticeAsync(batch, live, NoticeCode.AgentLost, (await batch.RosterAsync()).NameOf(lostAgentId));
        entity.ReturnToQueue(++_ids.QueueTicket, batch.Now);
        live.RefreshAgentIds();
        live.AnnouncedQueuePosition = null;
        batch.QueuesChanged = true;
        batch.CapacityChanged = true;
        batch.Publish(new ConversationChanged(await ViewAsync(batch, live), TopicsOf(live, formerAgents)));
    }

    private async Task<ConversationView> AnnounceDepartureAsync(EngineBatch batch, LiveConversation live, Departure departure)
    {
        live.RefreshAgentIds();
        if (departure.SuccessorId is not null)
        {
            // The leaving owner's slot is free: someone queued may take it.
            batch.CapacityChanged = true;
        }

        await NoticeAsync(batch, live, NoticeCode.AgentLeft, (await batch.RosterAsync()).NameOf(departure.AgentId));
        var view = await ViewAsync(batch, live);
        batch.Publish(new ConversationChanged(view, TopicsOf(live, departure.AgentId)));
        return view;
    }

    private static void PublishResolved(EngineBatch batch, Roster roster, ConversationTransfer transfer)
    {
        var offered = transfer.ToAgentId is { } to ? [to]
            : roster.MembersOf(transfer.ToGroupId!.Value).Select(m => m.AgentId).ToArray();
        batch.Publish(new TransferResolved(TransferViewOf(roster, transfer), [
            EventTopic.Agent(transfer.FromAgentId), EventTopic.Conversation(transfer.ConversationId),
            .. offered.Select(EventTopic.Agent)]));
    }

    /// <summary>What the D4 rules need to know about a colleague now: roster facts plus live presence and load.</summary>
    private Colleague ColleagueOf(Roster roster, int agentId) =>
        roster.Agents.GetValueOrDefault(agentId) is { } agent
            ? new Colleague(agentId, agent.IsEnabled, StatusOf(agentId), LoadOf(agentId).Total, agent.MaxLoad, IsConsoleConnected(agentId))
            : new Colleague(agentId, IsEnabled: false, AgentStatus.Offline);

    private static TransferView TransferViewOf(Roster roster, ConversationTransfer transfer) => new(
        transfer.Id, transfer.ConversationId, transfer.Kind, transfer.FromAgentId, roster.NameOf(transfer.FromAgentId),
        transfer.ToAgentId, transfer.ToGroupId, transfer.Outcome, transfer.RespondedByAgentId, transfer.RequestedAt);

    /// <summary>同事会话 rights (SPEC B): barge in, summarise a colleague's conversation; the permission matrix decides.</summary>
    private static async Task<bool> IsAdminAsync(EngineBatch batch, int accountId) =>
        (await batch.RosterAsync()).Agents.GetValueOrDefault(accountId) is { IsEnabled: true } agent
        && PermissionMatrix.Allows(agent.Role, Permission.MonitorColleagueConversations);

    /// <summary>A refused command fails its request alone; the aggregate refused before changing anything.</summary>
    private static T Checked<T>(Outcome<T> outcome)
    {
        RuleViolationException.ThrowIf(outcome.Violation);
        return outcome.Value!;
    }

    private static void Check(Outcome outcome) => RuleViolationException.ThrowIf(outcome.Violation);
}
