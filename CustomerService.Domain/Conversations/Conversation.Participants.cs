using CustomerService.Domain.Common;

namespace CustomerService.Domain.Conversations;

/// <summary>
/// SPEC D4: who is in the conversation (owner, invited colleagues, a barging admin) and the one offer — transfer or
/// invitation — that may be pending. Every command checks all its rules before it changes anything.
/// </summary>
public partial class Conversation
{
    private readonly List<ConversationParticipant> _participants = [];
    private ConversationTransfer? _pendingTransfer;

    /// <summary>Everyone who has been in the conversation, including those who left (<see cref="ConversationParticipant.LeftAt"/>).</summary>
    public IReadOnlyList<ConversationParticipant> Participants => _participants.AsReadOnly();

    public IEnumerable<ConversationParticipant> ActiveParticipants => _participants.Where(p => p.LeftAt is null);

    /// <summary>The transfer or invitation waiting for an answer; one at a time (SPEC D4).</summary>
    public ConversationTransfer? PendingTransfer => _pendingTransfer;

    public ConversationParticipant? ParticipantOf(int agentId) => ActiveParticipants.FirstOrDefault(p => p.AgentId == agentId);

    /// <summary>Recovery: the offer the database says is still waiting for this conversation.</summary>
    public void RestorePendingTransfer(ConversationTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        if (transfer.ConversationId != Id || !transfer.IsPending)
        {
            throw new ArgumentException($"Transfer {transfer.Id} is not a pending offer of conversation {Id}.", nameof(transfer));
        }

        _pendingTransfer = transfer;
    }

    /// <summary>
    /// 会话转接 / 会话邀请 (SPEC D4): offers the conversation to one colleague or to a reception group. Only the owner may
    /// transfer, any participant may invite; only colleagues who are enabled and Online or Busy are offered it.
    /// </summary>
    /// <param name="candidates">
    /// The target agent's facts (nothing when he is unknown), or the target group's members' facts.
    /// </param>
    public Outcome<TransferOffer> RequestTransfer(
        long transferId, TransferKind kind, int fromAgentId, int? toAgentId, int? toGroupId, IReadOnlyCollection<Colleague> candidates, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if ((toAgentId is null) == (toGroupId is null))
        {
            throw new ArgumentException("A transfer targets exactly one agent or one reception group.", nameof(toAgentId));
        }

        if (State != ConversationState.Active)
        {
            return new RuleViolation("ConversationEnded");
        }

        var participant = ParticipantOf(fromAgentId);
        if (participant is null || (kind == TransferKind.Transfer && participant.Role != ParticipantRole.Owner))
        {
            return new RuleViolation("NotAParticipant");
        }

        if (_pendingTransfer is not null)
        {
            return new RuleViolation("TransferPending");
        }

        int[] offeredTo;
        if (toAgentId is { } targetId)
        {
            if (targetId == fromAgentId || !candidates.Any(c => c.AgentId == targetId && c.CanBeOffered))
            {
                return new RuleViolation("TransferTargetUnavailable");
            }

            if (ParticipantOf(targetId) is not null)
            {
                return new RuleViolation("AlreadyParticipant");
            }

            offeredTo = [targetId];
        }
        else
        {
            offeredTo = [.. candidates
                .Where(c => c.AgentId != fromAgentId && c.CanBeOffered && ParticipantOf(c.AgentId) is null)
                .Select(c => c.AgentId)];
            if (offeredTo.Length == 0)
            {
                return new RuleViolation("TransferTargetUnavailable");
            }
        }

        _pendingTransfer = new ConversationTransfer(transferId, Id, kind, fromAgentId, toAgentId, toGroupId, now);
        return new TransferOffer(_pendingTransfer, offeredTo);
    }

    /// <summary>会话邀请: a colleague is asked to join a three-way conversation (SPEC D4).</summary>
    public Outcome<TransferOffer> Invite(
        long transferId, int fromAgentId, int? toAgentId, int? toGroupId, IReadOnlyCollection<Colleague> candidates, DateTime now) =>
        RequestTransfer(transferId, TransferKind.Invite, fromAgentId, toAgentId, toGroupId, candidates, now);

    /// <summary>
    /// The target accepts (SPEC D4). A transfer makes him the owner and the original agent leaves — refused when he is at
    /// max load; an invitation adds him to the conversation. He must be Online or Busy.
    /// </summary>
    /// <param name="isMemberOfTargetGroup">Whether <paramref name="responder"/> belongs to the reception group offered it.</param>
    public Outcome<ConversationTransfer> AcceptTransfer(long transferId, Colleague responder, bool isMemberOfTargetGroup, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(responder);
        if (CheckResponder(transferId, responder.AgentId, isMemberOfTargetGroup) is { } violation)
        {
            return violation;
        }

        if (!responder.IsPresent)
        {
            return new RuleViolation("AgentNotPresent");
        }

        var transfer = _pendingTransfer!;
        var existing = ParticipantOf(responder.AgentId);
        if (transfer.Kind == TransferKind.Transfer)
        {
            if (responder.Load >= responder.MaxLoad)
            {
                return new RuleViolation("AgentAtMaxLoad");
            }

            var previousOwner = ParticipantOf(transfer.FromAgentId);
            if (existing is null)
            {
                _participants.Add(new ConversationParticipant(Id, responder.AgentId, ParticipantRole.Owner, now));
            }
            else
            {
                existing.PromoteToOwner();
            }

            previousOwner?.Leave(now);
            AgentId = responder.AgentId;
        }
        else
        {
            if (existing is not null)
            {
                return new RuleViolation("AlreadyParticipant");
            }

            _participants.Add(new ConversationParticipant(Id, responder.AgentId, ParticipantRole.Invited, now));
        }

        transfer.Resolve(TransferOutcome.Accepted, responder.AgentId, now);
        _pendingTransfer = null;
        return transfer;
    }

    /// <summary>The target declines (SPEC D4); the conversation stays as it was.</summary>
    public Outcome<ConversationTransfer> DeclineTransfer(long transferId, int agentId, bool isMemberOfTargetGroup, DateTime now)
    {
        if (CheckResponder(transferId, agentId, isMemberOfTargetGroup) is { } violation)
        {
            return violation;
        }

        var transfer = _pendingTransfer!;
        transfer.Resolve(TransferOutcome.Declined, agentId, now);
        _pendingTransfer = null;
        return transfer;
    }

    /// <summary>Withdraws the pending offer (the conversation ends, or its target went Away or Offline); returns it, if any.</summary>
    public ConversationTransfer? CancelTransfer(DateTime now)
    {
        var transfer = _pendingTransfer;
        transfer?.Resolve(TransferOutcome.Cancelled, null, now);
        _pendingTransfer = null;
        return transfer;
    }

    /// <summary>
    /// An agent leaves (SPEC D4 “any agent may leave”). When the owner leaves, the invited colleague who joined first
    /// takes the conversation over. An owner alone cannot leave it open: the answer says it must end, and nothing changed.
    /// </summary>
    public Outcome<Departure> Leave(int agentId, DateTime now)
    {
        if (!IsOpen)
        {
            return new RuleViolation("ConversationEnded");
        }

        var participant = ParticipantOf(agentId);
        if (participant is null)
        {
            return new RuleViolation("NotAParticipant");
        }

        if (participant.Role != ParticipantRole.Owner)
        {
            participant.Leave(now);
            return new Departure(agentId, null, EndsConversation: false);
        }

        var successor = ActiveParticipants
            .Where(p => p.Role == ParticipantRole.Invited)
            .OrderBy(p => p.JoinedAt)
            .FirstOrDefault();
        if (successor is null)
        {
            return new Departure(agentId, null, EndsConversation: true);
        }

        participant.Leave(now);
        successor.PromoteToOwner();
        AgentId = successor.AgentId;
        return new Departure(agentId, successor.AgentId, EndsConversation: false);
    }

    /// <summary>插入会话 (SPEC D4): an admin joins any active conversation without being invited.</summary>
    public Outcome BargeIn(int adminId, bool isAdmin, DateTime now)
    {
        if (!isAdmin)
        {
            return new RuleViolation("AdminOnly");
        }

        if (State != ConversationState.Active)
        {
            return new RuleViolation("ConversationEnded");
        }

        if (ParticipantOf(adminId) is not null)
        {
            return new RuleViolation("AlreadyParticipant");
        }

        _participants.Add(new ConversationParticipant(Id, adminId, ParticipantRole.BargedIn, now));
        return Outcome.Ok;
    }

    /// <summary>Whether the agent is the one offered the pending transfer: its target agent, or a member of its target group.</summary>
    public bool IsOfferedTo(int agentId, bool isMemberOfTargetGroup) =>
        _pendingTransfer is { } transfer
        && (transfer.ToAgentId == agentId || (transfer.ToGroupId is not null && agentId != transfer.FromAgentId && isMemberOfTargetGroup));

    private RuleViolation? CheckResponder(long transferId, int agentId, bool isMemberOfTargetGroup)
    {
        if (_pendingTransfer?.Id != transferId)
        {
            return new RuleViolation("TransferNotPending");
        }

        return IsOfferedTo(agentId, isMemberOfTargetGroup) ? null : new RuleViolation("NotTransferTarget");
    }
}

/// <summary>
/// A colleague as the roster and presence know him at the moment of a decision: what SPEC D4 rules need to know.
/// </summary>
/// <param name="IsConsoleConnected">
/// False while every console of his is gone (the presence grace period): his status still reads Online or Busy, but
/// nobody would see an offer (issue 15). Busy colleagues with a console still receive transfers (SPEC D4).
/// </param>
public sealed record Colleague(int AgentId, bool IsEnabled, AgentStatus Status, int Load = 0, int MaxLoad = 0, bool IsConsoleConnected = true)
{
    /// <summary>Online or Busy: reachable for offers (Away ones are not offered).</summary>
    public bool IsPresent => Status is AgentStatus.Online or AgentStatus.Busy;

    public bool CanBeOffered => IsEnabled && IsPresent && IsConsoleConnected;
}

/// <summary>A transfer or invitation just made, and the agents it was offered to.</summary>
public sealed record TransferOffer(ConversationTransfer Transfer, IReadOnlyList<int> OfferedTo);

/// <summary>
/// What an agent's leaving did: the colleague who took over as owner, if any; or that the owner was alone, so the
/// conversation must end instead (nothing was changed).
/// </summary>
public sealed record Departure(int AgentId, int? SuccessorId, bool EndsConversation);
