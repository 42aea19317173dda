using CustomerService.Domain.Routing;

namespace CustomerService.Tests.Builders;

/// <summary>A routing request from a regular, new, unblocked visitor without private contact; fresh round-robin.</summary>
public sealed class RoutingSnapshotBuilder
{
    private readonly List<RoutingMember> _members = [];
    private int? _lastAgentId;
    private int? _agentBeforeLastId;
    private PrivateContactAgent? _privateContact;
    private bool _isBlacklisted;
    private bool _isVip;
    private RoundRobinState _roundRobin = RoundRobinState.Empty;

    public static RoutingSnapshotBuilder Request() => new();

    public RoutingSnapshotBuilder WithMembers(params AgentBuilder[] members)
    {
        _members.AddRange(members.Select(m => m.Build()));
        return this;
    }

    public RoutingSnapshotBuilder ServedBefore(int lastAgentId, int? agentBeforeLastId = null)
    {
        _lastAgentId = lastAgentId;
        _agentBeforeLastId = agentBeforeLastId;
        return this;
    }

    public RoutingSnapshotBuilder WithPrivateContact(AgentBuilder agent)
    {
        _privateContact = agent.BuildPrivateContact();
        return this;
    }

    public RoutingSnapshotBuilder Blacklisted()
    {
        _isBlacklisted = true;
        return this;
    }

    public RoutingSnapshotBuilder Vip()
    {
        _isVip = true;
        return this;
    }

    public RoutingSnapshotBuilder WithRoundRobin(RoundRobinState roundRobin)
    {
        _roundRobin = roundRobin;
        return this;
    }

    public RoutingSnapshot Build() => new()
    {
        Members = [.. _members],
        LastAgentId = _lastAgentId,
        AgentBeforeLastId = _agentBeforeLastId,
        PrivateContact = _privateContact,
        IsBlacklisted = _isBlacklisted,
        IsVip = _isVip,
        RoundRobin = _roundRobin,
    };
}
