using CustomerService.Domain.Conversations;
using CustomerService.Domain.Routing;

namespace CustomerService.Tests.Domain.Routing;

/// <summary>SPEC D2.2: the private-contact agent as the router sees him.</summary>
public sealed class PrivateContactAgentTests
{
    [Theory]
    [InlineData(-1, 5)]
    [InlineData(0, -1)]
    public void Negative_load_or_capacity_is_a_programming_error(int currentLoad, int maxLoad) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PrivateContactAgent(7, AgentStatus.Online, currentLoad, maxLoad));

    [Fact]
    public void Zero_load_and_capacity_are_allowed()
    {
        var agent = new PrivateContactAgent(7, AgentStatus.Online, 0, 0);

        Assert.Equal((0, 0), (agent.CurrentLoad, agent.MaxLoad));
    }
}
