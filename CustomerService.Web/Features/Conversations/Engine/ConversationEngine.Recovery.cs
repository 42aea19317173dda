using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Conversations.Engine;

public sealed partial class ConversationEngine
{
    /// <summary>
    /// Rebuilds everything the database knows is open. After a restart, agents who own open conversations are held for
    /// the grace period (their consoles reconnect), and status periods left open by the previous process are closed.
    /// </summary>
    private async Task LoadStateAsync(bool afterRestart, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var now = _clock.GetUtcNow().UtcDateTime;

        var open = await db.Conversations.AsNoTracking()
            .Include(c => c.Participants.Where(p => p.LeftAt == null))
            .Include(c => c.QueueEntries.Where(e => e.Outcome == null))
            .Where(c => c.State != ConversationState.Ended)
            .ToListAsync(cancellationToken);
        var openIds = open.Select(c => c.Id).ToHashSet();
        var clientMessages = await db.Messages.AsNoTracking()
            .Where(m => m.ClientId != null && db.Conversations.Any(c => c.Id == m.ConversationId && c.State != ConversationState.Ended))
            .ToListAsync(cancellationToken);
        var visitorIds = open.Select(c => c.VisitorId).Distinct().ToList();
        var recentAgents = await db.Visitors.AsNoTracking()
            .Where(v => visitorIds.Contains(v.Id))
            .Select(v => new { v.Id, v.LastAgentId, v.AgentBeforeLastId })
            .ToDictionaryAsync(v => v.Id, cancellationToken);
        var pendingTransfers = await db.Transfers.AsNoTracking()
            .Where(t => t.Outcome == TransferOutcome.Pending)
            .ToListAsync(cancellationToken);

        _live.Clear();
        _openByVisitor.Clear();
        _announcedQueueLengths.Clear();
        foreach (var conversation in open)
        {
            var recent = recentAgents.GetValueOrDefault(conversation.VisitorId);
            var live = new LiveConversation(conversation, recent?.LastAgentId, recent?.AgentBeforeLastId);
            _live[conversation.Id] = live;
            _openByVisitor[conversation.VisitorId] = conversation.Id;
        }

        foreach (var message in clientMessages)
        {
            _live[message.ConversationId].MessagesByClientId[message.ClientId!] = MessageView.From(message);
        }

        foreach (var transfer in pendingTransfers.Where(t => openIds.Contains(t.ConversationId)))
        {
            _live[transfer.ConversationId].Entity.RestorePendingTransfer(transfer);
        }

        _blacklist.Clear();
        foreach (var entry in await db.Blacklist.AsNoTracking().Where(b => b.LiftedAt == null).ToListAsync(cancellationToken))
        {
            _blacklist[entry.Id] = entry;
        }

        _privateContacts.Clear();
        foreach (var contact in await db.PrivateContacts.AsNoTracking().ToListAsync(cancellationToken))
        {
            _privateContacts[contact.VisitorId] = contact.AgentId;
        }

        _roundRobin.Clear();
        foreach (var state in await db.GroupRoundRobins.AsNoTracking().ToListAsync(cancellationToken))
        {
            _roundRobin[state.ReceptionGroupId] = state;
        }

        _ids = new IdSequences
        {
            Conversation = await db.Conversations.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0,
            Message = await db.Messages.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0,
            Transfer = await db.Transfers.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0,
            Blacklist = await db.Blacklist.MaxAsync(b => (long?)b.Id, cancellationToken) ?? 0,
            LeaveMessage = await db.LeaveMessages.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0,
            QueueTicket = await db.Conversations.MaxAsync(c => c.QueueSequence, cancellationToken) ?? 0,
            Invitation = await db.Invitations.MaxAsync(i => (long?)i.Id, cancellationToken) ?? 0,
        };
        await LoadPendingInvitationsAsync(db, cancellationToken);

        if (afterRestart)
        {
            await HoldAgentsForReconnectAsync(db, now, cancellationToken);
            LogRecovered(_live.Count, _live.Values.Count(l => l.IsQueued));
        }

        _stateNeedsReload = false;
    }

    private async Task HoldAgentsForReconnectAsync(Data.CustomerServiceDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        // The previous process cannot have timed these periods to their end; its last moment is unknown, so they
        // close at recovery time (the agent's console is gone either way).
        await db.AgentStatusPeriods.Where(p => p.EndedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.EndedAt, now), cancellationToken);

        _presence.Clear();
        foreach (var agentId in _live.Values.SelectMany(l => l.AgentIds).Distinct())
        {
            // Busy keeps his conversations and takes nobody new until his console is back (or the grace period ends).
            _presence[agentId] = new AgentPresence(agentId)
            {
                Status = AgentStatus.Busy,
                Since = now,
                DisconnectedAt = now,
                AwaitingReconnect = true,
            };
        }
    }
}
