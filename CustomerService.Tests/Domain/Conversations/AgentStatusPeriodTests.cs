using CustomerService.Domain.Conversations;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>SPEC D1: the stretches of time an agent spends in one status, summed by the work-hours KPIs.</summary>
public sealed class AgentStatusPeriodTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_new_period_is_open()
    {
        var period = new AgentStatusPeriod(7, AgentStatus.Busy, Start);

        Assert.Equal((7, AgentStatus.Busy, Start, (DateTime?)null), (period.AgentId, period.Status, period.StartedAt, period.EndedAt));
    }

    [Fact]
    public void Closing_ends_the_period_at_that_time()
    {
        var period = new AgentStatusPeriod(7, AgentStatus.Online, Start);

        period.Close(Start.AddMinutes(30));

        Assert.Equal(Start.AddMinutes(30), period.EndedAt);
    }

    [Fact]
    public void A_clock_earlier_than_the_start_closes_the_period_with_no_length()
    {
        var period = new AgentStatusPeriod(7, AgentStatus.Online, Start);

        period.Close(Start.AddSeconds(-5));

        Assert.Equal(Start, period.EndedAt);
    }

    [Fact]
    public void Closing_a_closed_period_keeps_its_first_end()
    {
        var period = new AgentStatusPeriod(7, AgentStatus.Online, Start);
        period.Close(Start.AddMinutes(30));

        period.Close(Start.AddMinutes(45));

        Assert.Equal(Start.AddMinutes(30), period.EndedAt);
    }
}
