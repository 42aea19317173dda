using CustomerService.Domain.Visitors;

namespace CustomerService.Tests.Domain.Visitors;

/// <summary>SPEC E1, D2.5: who a visitor is, when he was last seen, and the agents who served him (熟客优先).</summary>
public sealed class VisitorTests
{
    private static readonly DateTime FirstSeen = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_new_visitor_was_first_and_last_seen_at_the_same_time_and_served_by_nobody()
    {
        var visitor = new Visitor("hash", FirstSeen);

        Assert.Equal(("hash", FirstSeen, FirstSeen), (visitor.TokenHash, visitor.FirstSeenAt, visitor.LastSeenAt));
        Assert.Equal((null, null, false), (visitor.LastAgentId, visitor.AgentBeforeLastId, visitor.IsVip));
    }

    [Fact]
    public void Being_seen_again_moves_the_last_seen_time_and_ip_but_not_the_first()
    {
        var visitor = new Visitor("hash", FirstSeen);

        visitor.Seen(FirstSeen.AddDays(1), "203.0.113.7");

        Assert.Equal((FirstSeen, FirstSeen.AddDays(1), "203.0.113.7"), (visitor.FirstSeenAt, visitor.LastSeenAt, visitor.LastIp));
    }

    [Fact]
    public void Identifying_sets_the_merchants_user_id_name_and_vip_flag()
    {
        var visitor = new Visitor("hash", FirstSeen);

        visitor.Identify("u-1001", "张三", isVip: true);

        Assert.Equal(("u-1001", "张三", true), (visitor.ExternalUserId, visitor.Name, visitor.IsVip));
    }

    [Fact]
    public void An_unsigned_visit_after_a_signed_one_loses_the_vip_flag()
    {
        var visitor = new Visitor("hash", FirstSeen);
        visitor.Identify("u-1001", "张三", isVip: true);

        visitor.Identify(null, null, isVip: false);

        Assert.Equal((null, null, false), (visitor.ExternalUserId, visitor.Name, visitor.IsVip));
    }

    [Fact]
    public void A_new_agent_becomes_the_last_and_the_previous_one_the_one_before()
    {
        var visitor = new Visitor("hash", FirstSeen);

        visitor.ServedBy(7);
        visitor.ServedBy(8);

        Assert.Equal(((int?)8, (int?)7), (visitor.LastAgentId, visitor.AgentBeforeLastId));
    }

    [Fact]
    public void Being_served_by_the_last_agent_again_keeps_the_one_before()
    {
        var visitor = new Visitor("hash", FirstSeen);
        visitor.ServedBy(7);
        visitor.ServedBy(8);

        visitor.ServedBy(8);

        Assert.Equal(((int?)8, (int?)7), (visitor.LastAgentId, visitor.AgentBeforeLastId));
    }
}
