using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>What agents and admins ask of the engine (through the console, SPEC F).</summary>
public sealed partial class ConversationEngine
{
    /// <summary>An agent's console opened. An agent coming from Offline starts Online unless the enterprise says otherwise (SPEC N3).</summary>
    public Task<AgentPresenceView> AgentConnectedAsync(int agentId) => Submit(async batch =>
    {
        var agent = await RequireAgentAsync(batch, agentId);
        var presence = PresenceOf(agentId);
        presence.Connections++;
        presence.DisconnectedAt = null;
        if (presence.Status == AgentStatus.Offline || presence.AwaitingReconnect)
        {
            presence.AwaitingReconnect = false;
            var roster = await batch.RosterAsync();
            await ChangeStatusAsync(batch, presence, roster.AgentsStartOnline ? AgentStatus.Online : AgentStatus.Busy);
        }

        return PresenceView(presence, agent);
    });

    /// <summary>An agent's console closed; when none is left he becomes Offline after the grace period (SPEC D1).</summary>
    public Task AgentDisconnectedAsync(int agentId) => Submit(batch =>
    {
        var presence = PresenceOf(agentId);
        presence.Connections = Math.Max(0, presence.Connections - 1);
        if (presence.Connections == 0)
        {
            presence.DisconnectedAt = batch.Now;
        }

        return Task.CompletedTask;
    });

    /// <summary>
    /// Sets an agent's status (SPEC D1). Away and Offline end his conversations (the visitors may ask again); Online
    /// lets the queue flow to him.
    /// </summary>
    public Task<AgentPresenceView> SetStatusAsync(int agentId, AgentStatus status)
    {
        if (!Enum.IsDefined(status))
        {
            throw new RuleViolationException(new RuleViolation("AgentStatusUnknown"));
        }

        return Submit(async batch =>
        {
            var agent = await RequireAgentAsync(batch, agentId);
            var presence = PresenceOf(agentId);
            presence.AwaitingReconnect = false;
            await ChangeStatusAsync(batch, presence, status);
            return PresenceView(presence, agent);
        });
    }

    public Task<MessageView> AppendAgentMessageAsync(int agentId, long conversationId, string? clientId, string? text, Attachment? attachment = null)
    {
        var (kind, body) = CheckedContent(clientId, text, attachment);
        return Submit(async batch =>
        {
            var live = LiveOrNull(conversationId);
            if (live is null || live.ParticipantOf(agentId) is null)
            {
                return await StoredResendAsync(
                    batch, conversationId, clientId, c => batch.Db.Participants.Any(p => p.ConversationId == c.Id && p.AgentId == agentId));
            }

            if (clientId is not null && live.MessagesByClientId.TryGetValue(clientId, out var stored))
            {
                return stored;
            }

            return await AppendAsync(batch, live, MessageSender.Agent, agentId, kind, body, clientId, attachment: attachment);
        });
    }

    /// <summary>Ends a conversation from the console: by one of its agents, or by an admin (SPEC D5).</summary>
    public Task<ConversationView> EndByAgentAsync(int agentId, long conversationId) => EndByAgentAsync(agentId, conversationId, summary: null);

    /// <summary>
    /// Offers the conversation to a colleague or a reception group (SPEC D4, 会话转接 / 会话邀请). Only colleagues who are
    /// Online or Busy can be offered it; one offer per conversation at a time.
    /// </summary>
    public Task<TransferView> RequestTransferAsync(int agentId, long conversationId, TransferTarget target, TransferKind kind = TransferKind.Transfer)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Submit(async batch =>
        {
            var live = LiveOrNull(conversationId);
            if (live is not { IsActive: true })
            {
                throw new RuleViolationException(new RuleViolation("ConversationEnded"));
            }

            var participant = live.ParticipantOf(agentId);
            if (participant is null || (kind == TransferKind.Transfer && participant.Role != ParticipantRole.Owner))
            {
                throw new RuleViolationException(new RuleViolation("NotAParticipant"));
            }

            if (live.PendingTransfer is not null)
            {
                throw new RuleViolationException(new RuleViolation("TransferPending"));
            }

            var roster = await batch.RosterAsync();
            List<int> offeredTo;
            if (target.AgentId is { } targetId)
            {
                if (targetId == agentId || !roster.Agents.TryGetValue(targetId, out var colleague) || !colleague.IsEnabled
                    || StatusOf(targetId) is not (AgentStatus.Online or AgentStatus.Busy))
                {
                    throw new RuleViolationException(new RuleViolation("TransferTargetUnavailable"));
                }

                if (live.ParticipantOf(targetId) is not null)
                {
                    throw new RuleViolationException(new RuleViolation("AlreadyParticipant"));
                }

                offeredTo = [targetId];
            }
            else if (target.ReceptionGroupId is { } groupId)
            {
                offeredTo = [.. roster.MembersOf(groupId).Select(m => m.AgentId)
                    .Where(id => id != agentId && live.ParticipantOf(id) is null
                        && roster.Agents.GetValueOrDefault(id) is { IsEnabled: true }
                        && StatusOf(id) is AgentStatus.Online or AgentStatus.Busy)];
                if (offeredTo.Count == 0)
                {
                    throw new RuleViolationException(new RuleViolation("TransferTargetUnavailable"));
                }
            }
            else
            {
                throw new ArgumentException("A transfer needs a target.", nameof(target));
            }

            var transfer = new ConversationTransfer(++_ids.Transfer, live.Id, kind, agentId, target.AgentId, target.ReceptionGroupId, batch.Now);
            batch.Db.Transfers.Add(transfer);
            live.PendingTransfer = transfer;
            _pendingTransfers[transfer.Id] = transfer;
            var view = TransferViewOf(roster, transfer);
            batch.Publish(new TransferRequested(view, [
                EventTopic.Agent(agentId), .. offeredTo.Select(EventTopic.Agent),
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
        var transfer = _pendingTransfers.GetValueOrDefault(transferId)
            ?? throw new RuleViolationException(new RuleViolation("TransferNotPending"));
        var roster = await batch.RosterAsync();
        var isTarget = transfer.ToAgentId == agentId
            || (transfer.ToGroupId is { } groupId && agentId != transfer.FromAgentId
                && roster.MembersOf(groupId).Any(m => m.AgentId == agentId));
        if (!isTarget)
        {
            throw new RuleViolationException(new RuleViolation("NotTransferTarget"));
        }

        var live = LiveOrNull(transfer.ConversationId)!;
        if (!accept)
        {
            await ResolveTransferAsync(batch, transfer, TransferOutcome.Declined, agentId);
            return TransferViewOf(roster, transfer);
        }

        if (StatusOf(agentId) is not (AgentStatus.Online or AgentStatus.Busy))
        {
            throw new RuleViolationException(new RuleViolation("AgentNotPresent"));
        }

        if (transfer.Kind == TransferKind.Transfer)
        {
            if (LoadOf(agentId) >= roster.Agents[agentId].MaxLoad)
            {
                throw new RuleViolationException(new RuleViolation("AgentAtMaxLoad"));
            }

            var previousOwner = live.ParticipantOf(transfer.FromAgentId);
            await ResolveTransferAsync(batch, transfer, TransferOutcome.Accepted, agentId);
            batch.Track(live.Entity).HandOverTo(agentId);
            if (live.ParticipantOf(agentId) is { } existing)
            {
                batch.Track(existing).PromoteToOwner();
            }
            else
            {
                batch.Db.Participants.Add(AddParticipant(live, agentId, ParticipantRole.Owner, batch.Now));
            }

            if (previousOwner is not null)
            {
                batch.Track(previousOwner).Leave(batch.Now);
            }

            live.RefreshAgentIds();
            var visitor = await batch.Db.Visitors.FindAsync([live.VisitorId], batch.CancellationToken);
            visitor?.ServedBy(agentId);
            batch.CapacityChanged = true;
            await NoticeAsync(batch, live, NoticeCode.Transferred, roster.NameOf(agentId));
            batch.Publish(new ConversationChanged(await ViewAsync(batch, live), TopicsOf(live, transfer.FromAgentId)));
        }
        else
        {
            await ResolveTransferAsync(batch, transfer, TransferOutcome.Accepted, agentId);
            batch.Db.Participants.Add(AddParticipant(live, agentId, ParticipantRole.Invited, batch.Now));
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
        var participant = live.ParticipantOf(agentId) ?? throw new RuleViolationException(new RuleViolation("NotAParticipant"));
        var successor = live.ActiveParticipants
            .Where(p => p.AgentId != agentId && p.Role == ParticipantRole.Invited)
            .OrderBy(p => p.JoinedAt)
            .FirstOrDefault();
        if (participant.Role == ParticipantRole.Owner && successor is null)
        {
            await EndAsync(batch, live, EndReason.Agent, agentId);
            return await ViewAsync(batch, live);
        }

        var roster = await batch.RosterAsync();
        batch.Track(participant).Leave(batch.Now);
        if (participant.Role == ParticipantRole.Owner)
        {
            batch.Track(successor!).PromoteToOwner();
            batch.Track(live.Entity).HandOverTo(successor!.AgentId);
            batch.CapacityChanged = true;
        }

        live.RefreshAgentIds();
        await NoticeAsync(batch, live, NoticeCode.AgentLeft, roster.NameOf(agentId));
        var view = await ViewAsync(batch, live);
        batch.Publish(new ConversationChanged(view, TopicsOf(live, agentId)));
        return view;
    });

    /// <summary>插入会话: an admin joins any colleague's conversation without being invited (SPEC D4).</summary>
    public Task<ConversationView> BargeInAsync(int adminId, long conversationId) => Submit(async batch =>
    {
        if (!await IsAdminAsync(batch, adminId))
        {
            throw new RuleViolationException(new RuleViolation("AdminOnly"));
        }

        var live = LiveOrNull(conversationId);
        if (live is not { IsActive: true })
        {
            throw new RuleViolationException(new RuleViolation("ConversationEnded"));
        }

        if (live.ParticipantOf(adminId) is not null)
        {
            throw new RuleViolationException(new RuleViolation("AlreadyParticipant"));
        }

        batch.Db.Participants.Add(AddParticipant(live, adminId, ParticipantRole.BargedIn, batch.Now));
        await NoticeAsync(batch, live, NoticeCode.AgentJoined, (await batch.RosterAsync()).NameOf(adminId));
        var view = await ViewAsync(batch, live);
        batch.Publish(new ConversationChanged(view, TopicsOf(live)));
        return view;
    });

    /// <summary>邀请评价 (SPEC D9): any number of times while the conversation is open.</summary>
    public Task InviteEvaluationAsync(int agentId, long conversationId) => Submit(async batch =>
    {
        var live = LiveOrNull(conversationId) ?? throw new RuleViolationException(new RuleViolation("ConversationEnded"));
        if (live.ParticipantOf(agentId) is null)
        {
            throw new RuleViolationException(new RuleViolation("NotAParticipant"));
        }

        var entity = batch.Track(live.Entity);
        entity.ApplyEvaluation(entity.Evaluation.Invite(), null);
        await NoticeAsync(batch, live, NoticeCode.EvaluationInvited);
        batch.Publish(new EvaluationInvited(live.Id, FollowerTopicsOf(live)));
    });

    /// <summary>Blocks the visitor of a conversation (SPEC D11) and ends it; with <paramref name="includeIp"/> his IP too.</summary>
    public Task<long> BlacklistVisitorAsync(int agentId, long conversationId, string reason, bool includeIp)
    {
        RuleViolationException.ThrowIf(BlacklistEntry.CheckReason(reason));
        return Submit(async batch =>
        {
            var live = LiveOrNull(conversationId) ?? throw new RuleViolationException(new RuleViolation("ConversationEnded"));
            if (live.ParticipantOf(agentId) is null && !await IsAdminAsync(batch, agentId))
            {
                throw new RuleViolationException(new RuleViolation("NotAParticipant"));
            }

            var entry = new BlacklistEntry(++_ids.Blacklist, live.VisitorId, includeIp ? live.Entity.VisitorIp : null, reason, agentId, batch.Now);
            batch.Db.Blacklist.Add(entry);
            _blacklist[entry.Id] = entry;
            await EndAsync(batch, live, EndReason.Blacklisted, agentId);
            return entry.Id;
        });
    }

    /// <summary>Blocks a visitor or an IP from the blacklist settings (SPEC D11).</summary>
    public Task<long> BlockAsync(int actorId, long? visitorId, string? ip, string reason)
    {
        RuleViolationException.ThrowIf(BlacklistEntry.CheckReason(reason)
            ?? (visitorId is null && string.IsNullOrWhiteSpace(ip) ? new RuleViolation("Required", "Blacklist.Target") : null));
        return Submit(batch =>
        {
            var entry = new BlacklistEntry(++_ids.Blacklist, visitorId, ip, reason, actorId, batch.Now);
            batch.Db.Blacklist.Add(entry);
            _blacklist[entry.Id] = entry;
            return Task.FromResult(entry.Id);
        });
    }

    public Task LiftBlacklistAsync(int actorId, long entryId) => Submit(batch =>
    {
        if (!_blacklist.Remove(entryId, out var entry))
        {
            throw new RuleViolationException(new RuleViolation("BlacklistEntryNotFound"));
        }

        batch.Track(entry).Lift(actorId, batch.Now);
        return Task.CompletedTask;
    });

    /// <summary>Binds a visitor to an agent as his private contact (私密联系人, SPEC D2.2); rebinding moves him.</summary>
    public Task BindPrivateContactAsync(int agentId, long visitorId) => Submit(async batch =>
    {
        await RequireAgentAsync(batch, agentId);
        if (await batch.Db.Visitors.FindAsync([visitorId], batch.CancellationToken) is null)
        {
            throw new RuleViolationException(new RuleViolation("VisitorUnknown"));
        }

        if (await batch.Db.PrivateContacts.FindAsync([visitorId], batch.CancellationToken) is { } existing)
        {
            existing.MoveTo(agentId, batch.Now);
        }
        else
        {
            batch.Db.PrivateContacts.Add(new PrivateContact(visitorId, agentId, batch.Now));
        }

        _privateContacts[visitorId] = agentId;
    });

    public Task UnbindPrivateContactAsync(long visitorId) => Submit(async batch =>
    {
        if (await batch.Db.PrivateContacts.FindAsync([visitorId], batch.CancellationToken) is { } existing)
        {
            batch.Db.PrivateContacts.Remove(existing);
        }

        _privateContacts.Remove(visitorId);
    });

    private async Task ChangeStatusAsync(EngineBatch batch, AgentPresence presence, AgentStatus status)
    {
        if (presence.Status == status && (status != AgentStatus.Offline || !_live.Values.Any(l => l.AgentIds.Contains(presence.AgentId))))
        {
            return;
        }

        if (presence.CurrentPeriod is { } period)
        {
            batch.Track(period).Close(batch.Now);
            presence.CurrentPeriod = null;
        }

        presence.Status = status;
        presence.Since = batch.Now;
        if (status != AgentStatus.Offline)
        {
            // Offline is not timed: login time is Online + Busy + Away (seed 002 工作时长 登录时长).
            presence.CurrentPeriod = new AgentStatusPeriod(presence.AgentId, status, batch.Now);
            batch.Db.AgentStatusPeriods.Add(presence.CurrentPeriod);
        }

        batch.Publish(new AgentStatusChanged(presence.AgentId, status, batch.Now, [EventTopic.Agent(presence.AgentId), EventTopic.Colleagues]));
        if (status is AgentStatus.Away or AgentStatus.Offline)
        {
            await WithdrawAgentAsync(batch, presence.AgentId, status == AgentStatus.Away ? EndReason.AgentAway : EndReason.AgentOffline);
        }
        else if (status == AgentStatus.Online)
        {
            batch.CapacityChanged = true;
        }
    }

    /// <summary>SPEC D1 Away/Offline: his conversations end, shared ones go on without him, offers to him are withdrawn.</summary>
    private async Task WithdrawAgentAsync(EngineBatch batch, int agentId, EndReason reason)
    {
        foreach (var transfer in _pendingTransfers.Values.Where(t => t.ToAgentId == agentId).ToList())
        {
            await ResolveTransferAsync(batch, transfer, TransferOutcome.Cancelled, null);
        }

        foreach (var live in _live.Values.Where(l => l.ParticipantOf(agentId) is not null).ToList())
        {
            var participant = live.ParticipantOf(agentId)!;
            var successor = live.ActiveParticipants.FirstOrDefault(p => p.AgentId != agentId && p.Role == ParticipantRole.Invited);
            if (participant.Role == ParticipantRole.Owner && successor is null)
            {
                await EndAsync(batch, live, reason, agentId);
                continue;
            }

            batch.Track(participant).Leave(batch.Now);
            if (participant.Role == ParticipantRole.Owner)
            {
                batch.Track(successor!).PromoteToOwner();
                batch.Track(live.Entity).HandOverTo(successor!.AgentId);
            }

            live.RefreshAgentIds();
            await NoticeAsync(batch, live, NoticeCode.AgentLeft, (await batch.RosterAsync()).NameOf(agentId));
            batch.Publish(new ConversationChanged(await ViewAsync(batch, live), TopicsOf(live, agentId)));
        }

        // Visitors waiting for him alone would wait for nobody (SPEC D2.2: private contact away → leave-message).
        foreach (var live in _live.Values.Where(l => l.IsQueued && l.Entity.QueuedForAgentId == agentId).ToList())
        {
            await EndAsync(batch, live, reason, agentId);
        }
    }

    private async Task ResolveTransferAsync(EngineBatch batch, ConversationTransfer transfer, TransferOutcome outcome, int? byAgentId)
    {
        batch.Track(transfer).Resolve(outcome, byAgentId, batch.Now);
        _pendingTransfers.Remove(transfer.Id);
        if (LiveOrNull(transfer.ConversationId) is { } live && live.PendingTransfer == transfer)
        {
            live.PendingTransfer = null;
        }

        var roster = await batch.RosterAsync();
        var offered = transfer.ToAgentId is { } to ? [to]
            : roster.MembersOf(transfer.ToGroupId!.Value).Select(m => m.AgentId).ToArray();
        batch.Publish(new TransferResolved(TransferViewOf(roster, transfer), [
            EventTopic.Agent(transfer.FromAgentId), EventTopic.Conversation(transfer.ConversationId),
            .. offered.Select(EventTopic.Agent)]));
    }

    private static TransferView TransferViewOf(Roster roster, ConversationTransfer transfer) => new(
        transfer.Id, transfer.ConversationId, transfer.Kind, transfer.FromAgentId, roster.NameOf(transfer.FromAgentId),
        transfer.ToAgentId, transfer.ToGroupId, transfer.Outcome, transfer.RespondedByAgentId, transfer.RequestedAt);

    private static async Task<RosterAgent> RequireAgentAsync(EngineBatch batch, int agentId) =>
        (await batch.RosterAsync()).Agents.GetValueOrDefault(agentId) is { IsEnabled: true } agent
            ? agent
            : throw new RuleViolationException(new RuleViolation("AgentUnknown"));

    private static async Task<bool> IsAdminAsync(EngineBatch batch, int accountId) =>
        (await batch.RosterAsync()).Agents.GetValueOrDefault(accountId) is { IsEnabled: true, Role: AccountRole.Admin };

    private AgentPresenceView PresenceView(AgentPresence presence, RosterAgent agent) =>
        new(presence.AgentId, presence.Status, presence.Since, LoadOf(presence.AgentId), agent.MaxLoad);
}
