using CustomerService.Domain.Conversations;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>Seed 002 首次响应时间 / 平均响应时间: one answer, stored as the fact the KPIs read.</summary>
public sealed class ResponseFactTests
{
    private static readonly DateTime AskedAt = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_fact_keeps_when_the_visitor_asked_when_the_agent_answered_and_the_time_between_in_milliseconds()
    {
        var fact = new ResponseFact(4, 7, new CompletedResponse(AskedAt, AskedAt.AddSeconds(90.5), IsFirst: true));

        Assert.Equal((4L, 7, AskedAt, AskedAt.AddSeconds(90.5)), (fact.ConversationId, fact.AgentId, fact.AskedAt, fact.AnsweredAt));
        Assert.Equal((90_500L, true), (fact.ResponseMilliseconds, fact.IsFirst));
    }

    [Fact]
    public void A_fact_without_a_response_is_a_programming_error() =>
        Assert.Throws<ArgumentNullException>(() => new ResponseFact(4, 7, null!));
}
