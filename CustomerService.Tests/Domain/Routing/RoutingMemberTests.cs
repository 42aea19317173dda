using CustomerService.Domain.Conversations;
using CustomerService.Domain.Routing;

namespace CustomerService.Tests.Domain.Routing;

/// <summary>SPEC D2 rules 3, 6 and 8 as one group member sees them: candidate, present, round-robin weight.</summary>
public sealed class RoutingMemberTests
{
    [Theory]
    [InlineData(-1, 5, 0)]
    [InlineData(0, -1, 0)]
    [InlineData(0, 5, -1)]
    public void Negative_load_capacity_or_tier_is_a_programming_error(int currentLoad, int maxLoad, int priority) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RoutingMember(1, AgentStatus.Online, currentLoad, maxLoad, priority));

    [Fact]
    public void A_weight_below_one_is_a_programming_error_and_one_is_the_least()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RoutingMember(1, AgentStatus.Online, 0, 5, 0, weight: 0));

        Assert.Equal(1, new RoutingMember(1, AgentStatus.Online, 0, 5, 0, weight: 1).RoundRobinWeight);
    }

    [Fact]
    public void Zero_load_capacity_and_tier_are_allowed()
    {
        var member = new RoutingMember(1, AgentStatus.Online, 0, 0, 0);

        Assert.Equal((0, 0, 0), (member.CurrentLoad, member.MaxLoad, member.PriorityLevel));
    }

    [Fact]
    public void An_online_participating_member_below_capacity_is_a_candidate() =>
        Assert.True(new RoutingMember(1, AgentStatus.Online, 4, 5, 0).IsCandidate);

    [Theory]
    [InlineData(AgentStatus.Busy, 0, true)]
    [InlineData(AgentStatus.Away, 0, true)]
    [InlineData(AgentStatus.Offline, 0, true)]
    [InlineData(AgentStatus.Online, 5, true)]
    [InlineData(AgentStatus.Online, 6, true)]
    [InlineData(AgentStatus.Online, 0, false)]
    public void Not_online_full_or_not_participating_is_no_candidate(AgentStatus status, int currentLoad, bool participates) =>
        Assert.False(new RoutingMember(1, status, currentLoad, 5, 0, participatesInDistribution: participates).IsCandidate);

    [Theory]
    [InlineData(AgentStatus.Online, true)]
    [InlineData(AgentStatus.Busy, true)]
    [InlineData(AgentStatus.Away, false)]
    [InlineData(AgentStatus.Offline, false)]
    public void Online_and_busy_members_are_present_for_a_waiting_visitor(AgentStatus status, bool present) =>
        Assert.Equal(present, new RoutingMember(1, status, 5, 5, 0).IsPresent);

    [Fact]
    public void The_round_robin_weight_is_the_member_weight_when_set_else_the_capacity()
    {
        Assert.Equal(3, new RoutingMember(1, AgentStatus.Online, 0, 8, 0, weight: 3).RoundRobinWeight);
        Assert.Equal(8, new RoutingMember(1, AgentStatus.Online, 0, 8, 0).RoundRobinWeight);
    }
}
