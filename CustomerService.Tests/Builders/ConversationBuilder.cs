using CustomerService.Domain.Conversations;
using CustomerService.Domain.Routing;

namespace CustomerService.Tests.Builders;

/// <summary>
/// A <see cref="Conversation"/> aggregate in the state a rule test needs, built through its own methods (so it can only
/// be in states the engine can reach):
/// <code>
/// var conversation = new ConversationBuilder().AssignedTo(Owner).WithInvited(Colleague).Build();
/// </code>
/// Times are <see cref="RequestedAt"/> plus whole seconds: queued at +0, assigned at +10, colleagues join at +20, +30….
/// </summary>
public sealed class ConversationBuilder
{
    public static readonly DateTime RequestedAt = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    private readonly List<int> _invited = [];
    private StartContext _context = new();
    private long _id = 7;
    private bool _vip;
    private long? _queueSequence;
    private int? _queuedForAgentId;
    private int? _agentId;

    public ConversationBuilder WithId(long id)
    {
        _id = id;
        return this;
    }

    public ConversationBuilder Vip()
    {
        _vip = true;
        return this;
    }

    public ConversationBuilder WithContext(StartContext context)
    {
        _context = context;
        return this;
    }

    /// <summary>Waits in the queue (ticket <paramref name="sequence"/>), for the group or for one private-contact agent.</summary>
    public ConversationBuilder Queued(long sequence = 1, int? forAgentId = null)
    {
        _queueSequence = sequence;
        _queuedForAgentId = forAgentId;
        return this;
    }

    /// <summary>Active with this owner, assigned at +10 s (after the queue, when <see cref="Queued"/> was asked too).</summary>
    public ConversationBuilder AssignedTo(int agentId)
    {
        _agentId = agentId;
        return this;
    }

    /// <summary>A colleague who accepted an invitation (three-way conversation); each joins 10 s after the previous one.</summary>
    public ConversationBuilder WithInvited(int agentId)
    {
        _invited.Add(agentId);
        return this;
    }

    public Conversation Build()
    {
        var conversation = new Conversation(_id, visitorId: 100, entryId: 3, receptionGroupId: 4, _vip, RequestedAt, _context);
        if (_queueSequence is { } sequence)
        {
            conversation.Enqueue(_queuedForAgentId, sequence);
        }

        if (_agentId is { } owner)
        {
            conversation.Assign(owner, AssignmentReason.RoundRobin, RequestedAt.AddSeconds(10));
            var joinedAt = RequestedAt.AddSeconds(20);
            var transferId = 1000L;
            foreach (var invited in _invited)
            {
                var offer = conversation.Invite(++transferId, owner, invited, null, [Present(invited)], joinedAt);
                conversation.AcceptTransfer(offer.Value!.Transfer.Id, Present(invited), isMemberOfTargetGroup: false, joinedAt);
                joinedAt = joinedAt.AddSeconds(10);
            }
        }

        return conversation;
    }

    /// <summary>A colleague as the engine would describe him: enabled, Online, with room for more.</summary>
    public static Colleague Present(int agentId, AgentStatus status = AgentStatus.Online, int load = 0, int maxLoad = 5, bool enabled = true) =>
        new(agentId, enabled, status, load, maxLoad);
}
