using CustomerService.Domain.Conversations;
using CustomerService.Domain.Routing;

namespace CustomerService.Tests.Builders;

/// <summary>A reception-group member for routing tests: Online, idle, max load 5, priority 0, participating.</summary>
public sealed class AgentBuilder(int agentId)
{
    private AgentStatus _status = AgentStatus.Online;
    private int _currentLoad;
    private int _maxLoad = 5;
    private int _priorityLevel;
    private int? _weight;
    private bool _participates = true;

    public int AgentId { get; } = agentId;

    public static AgentBuilder Agent(int agentId) => new(agentId);

    public AgentBuilder WithStatus(AgentStatus status)
    {
        _status = status;
        return this;
    }

    public AgentBuilder Busy() => WithStatus(AgentStatus.Busy);

    public AgentBuilder Away() => WithStatus(AgentStatus.Away);

    public AgentBuilder Offline() => WithStatus(AgentStatus.Offline);

    public AgentBuilder WithMaxLoad(int maxLoad)
    {
        _maxLoad = maxLoad;
        return this;
    }

    public AgentBuilder WithLoad(int currentLoad)
    {
        _currentLoad = currentLoad;
        return this;
    }

    public AgentBuilder Full() => WithLoad(_maxLoad);

    public AgentBuilder WithPriority(int priorityLevel)
    {
        _priorityLevel = priorityLevel;
        return this;
    }

    public AgentBuilder WithWeight(int weight)
    {
        _weight = weight;
        return this;
    }

    public AgentBuilder NotParticipating()
    {
        _participates = false;
        return this;
    }

    public RoutingMember Build() =>
        new(AgentId, _status, _currentLoad, _maxLoad, _priorityLevel, _weight, _participates);

    public PrivateContactAgent BuildPrivateContact() =>
        new(AgentId, _status, _currentLoad, _maxLoad, _participates);
}
