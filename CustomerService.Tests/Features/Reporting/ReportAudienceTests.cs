using CustomerService.Web.Features.Reporting;

namespace CustomerService.Tests.Features.Reporting;

/// <summary>SPEC I3: whose figures a report counts.</summary>
public sealed class ReportAudienceTests
{
    [Fact]
    public void The_whole_enterprise_counts_everyone_also_no_agent_and_an_account_that_is_no_longer_an_agent()
    {
        var enterprise = ReportAudience.Enterprise([1]);

        Assert.True(enterprise.Includes(1));
        Assert.True(enterprise.Includes(2));
        Assert.True(enterprise.Includes(null));
    }

    [Fact]
    public void A_set_of_agents_counts_its_agents_only()
    {
        var team = ReportAudience.Agents([1]);

        Assert.True(team.Includes(1));
        Assert.False(team.Includes(2));
        Assert.False(team.Includes(null));
    }
}
