using CustomerService.Domain.Conversations;

namespace CustomerService.Domain.Routing;

/// <summary>
/// The SPEC D2 routing choice for a new conversation request, as a pure function of a <see cref="RoutingSnapshot"/>.
/// Rule order follows D2 1–8 (seed 002 智能会话分配: 应答组 → VIP → 优先级 → 熟客 → 按比例轮询; seed 001 私密联系人/分流).
/// </summary>
public static class ConversationRouter
{
    public static RoutingDecision Route(RoutingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(snapshot.Members);

        var memberIds = snapshot.Members.Select(m => m.AgentId).ToHashSet();
        if (memberIds.Count != snapshot.Members.Count)
        {
            throw new ArgumentException("An agent appears twice among the group's members.", nameof(snapshot));
        }

        var roundRobin = snapshot.RoundRobin.RetainOnly(memberIds);

        // Rule 1: a blocked visitor never reaches an agent, not even his private contact.
        if (snapshot.IsBlacklisted)
        {
            return new(new RoutingOutcome.LeaveMessage(LeaveMessageReason.Blacklisted), roundRobin);
        }

        // Rule 2: a private contact is never distributed to anyone else (seed 001 “不会分流给其他的子账号”).
        if (snapshot.PrivateContact is { } privateContact)
        {
            return new(RouteToPrivateContact(privateContact, snapshot.IsVip), roundRobin);
        }

        // Rules 3 and 4.
        var candidates = snapshot.Members.Where(m => m.IsCandidate).ToList();
        if (candidates.Count == 0)
        {
            // Rule 8 narrows rule 7: queue only if someone present could free a slot or come back Online; a member who
            // is present but does not participate still counts, because 8 speaks of members online, not of candidates.
            RoutingOutcome noCandidate = snapshot.Members.Any(m => m.IsPresent)
                ? new RoutingOutcome.Enqueue(ForAgentId: null, snapshot.IsVip)
                : new RoutingOutcome.LeaveMessage(LeaveMessageReason.NoAgentOnline);
            return new(noCandidate, roundRobin);
        }

        var topTier = candidates.Min(c => c.PriorityLevel);
        var tier = candidates.Where(c => c.PriorityLevel == topTier).ToList();

        // Rule 5: stickiness only inside the chosen tier, so a returning visitor never jumps the priority order.
        foreach (var recentAgentId in new[] { snapshot.LastAgentId, snapshot.AgentBeforeLastId })
        {
            if (recentAgentId is { } id && tier.Any(c => c.AgentId == id))
            {
                // A sticky assignment does not advance the round-robin: the rotation resumes where it was.
                return new(new RoutingOutcome.AssignToAgent(id, AssignmentReason.ReturningVisitor), roundRobin);
            }
        }

        // Rule 6.
        var (chosen, nextRoundRobin) = SmoothWeightedRoundRobin.Pick(tier, roundRobin);
        return new(new RoutingOutcome.AssignToAgent(chosen.AgentId, AssignmentReason.RoundRobin), nextRoundRobin);
    }

    private static RoutingOutcome RouteToPrivateContact(PrivateContactAgent agent, bool isVip) => agent.Status switch
    {
        // A non-participating agent never takes conversations automatically; queueing for him would wait forever.
        AgentStatus.Online or AgentStatus.Busy when !agent.ParticipatesInDistribution =>
            new RoutingOutcome.LeaveMessage(LeaveMessageReason.PrivateContactUnavailable),
        AgentStatus.Online when agent.HasFreeSlot =>
            new RoutingOutcome.AssignToAgent(agent.AgentId, AssignmentReason.PrivateContact),
        AgentStatus.Online or AgentStatus.Busy => new RoutingOutcome.Enqueue(agent.AgentId, isVip),
        AgentStatus.Away or AgentStatus.Offline =>
            new RoutingOutcome.LeaveMessage(LeaveMessageReason.PrivateContactUnavailable),
    };
}
