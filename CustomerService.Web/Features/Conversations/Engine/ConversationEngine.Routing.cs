using CustomerService.Domain.Conversations;
using CustomerService.Domain.Routing;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>Routing and the queue (SPEC D2, D3): the snapshot the pure router decides on, queue order and draining.</summary>
public sealed partial class ConversationEngine
{
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
            .Where(a => a is { IsEnabled: true, ParticipatesInDistribution: true } && RoutingStatusOf(a.Id) == AgentStatus.Online)
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
                x.Member.AgentId, RoutingStatusOf(x.Member.AgentId), loads.GetValueOrDefault(x.Member.AgentId), x.Agent!.MaxLoad,
                x.Member.Priority, x.Member.Weight, x.Agent.ParticipatesInDistribution))
            .ToList();
        PrivateContactAgent? privateContact = null;
        if (_privateContacts.TryGetValue(visitorId, out var contactId) && roster.Agents.GetValueOrDefault(contactId) is { } contact)
        {
            privateContact = new PrivateContactAgent(
                contactId, contact.IsEnabled ? RoutingStatusOf(contactId) : AgentStatus.Offline, loads.GetValueOrDefault(contactId),
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
                if (contact is { IsEnabled: true } && RoutingStatusOf(contactId) == AgentStatus.Online && LoadOf(contactId).HasRoomUnder(contact.MaxLoad))
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
}
