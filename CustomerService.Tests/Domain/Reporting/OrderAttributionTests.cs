using CustomerService.Domain.Reporting;
using static CustomerService.Tests.Builders.ReportSamples;

namespace CustomerService.Tests.Domain.Reporting;

/// <summary>SPEC I0 Orders: 咨询订单, 下单客服, 协助下单客服, 咨询前下单 and 已购买咨询, window 7 days.</summary>
public sealed class OrderAttributionTests
{
    private static readonly DateTime T = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Week = OrderAttribution.DefaultWindow;

    [Fact]
    public void An_order_after_a_valid_conversation_is_a_consultation_order_of_its_agent()
    {
        var result = OrderAttribution.Attribute(T, [UserConsultation(1, T.AddHours(-1), 7)], [], Week);

        AssertResult(result, OrderType.AfterConsultation, 1, 7, [], T.AddHours(-1));
    }

    [Fact]
    public void The_window_before_the_order_includes_its_start_and_excludes_the_order_time()
    {
        var atStart = OrderAttribution.Attribute(T, [UserConsultation(1, T - Week, 7)], [], Week);
        var beforeStart = OrderAttribution.Attribute(T, [UserConsultation(1, T - Week - TimeSpan.FromSeconds(1), 7)], [], Week);
        var atOrderTime = OrderAttribution.Attribute(T, [UserConsultation(1, T, 7)], [], Week);

        Assert.Equal(OrderType.AfterConsultation, atStart.Type);
        AssertResult(beforeStart, OrderType.None, null, null, [], null);
        AssertResult(atOrderTime, OrderType.None, null, null, [], null);
    }

    [Fact]
    public void An_order_followed_by_a_conversation_within_the_window_is_an_order_before_consultation_crediting_nobody()
    {
        UserConsultation[] after = [UserConsultation(2, T.AddDays(2), 8), UserConsultation(1, T.AddHours(1), 7)];

        var result = OrderAttribution.Attribute(T, after, [], Week);

        AssertResult(result, OrderType.BeforeConsultation, 1, null, [], T.AddHours(1));
    }

    [Fact]
    public void The_window_after_the_order_includes_its_end()
    {
        var atEnd = OrderAttribution.Attribute(T, [UserConsultation(1, T + Week, 7)], [], Week);
        var pastEnd = OrderAttribution.Attribute(T, [UserConsultation(1, T + Week + TimeSpan.FromSeconds(1), 7)], [], Week);

        Assert.Equal(OrderType.BeforeConsultation, atEnd.Type);
        Assert.Equal(OrderType.None, pastEnd.Type);
    }

    [Fact]
    public void A_conversation_before_wins_over_one_after()
    {
        var result = OrderAttribution.Attribute(
            T, [UserConsultation(2, T.AddHours(1), 8), UserConsultation(1, T.AddDays(-6), 7)], [], Week);

        AssertResult(result, OrderType.AfterConsultation, 1, 7, [], T.AddDays(-6));
    }

    [Fact]
    public void The_window_is_a_setting()
    {
        var oneDay = TimeSpan.FromDays(1);

        Assert.Equal(OrderType.None, OrderAttribution.Attribute(T, [UserConsultation(1, T.AddHours(-25), 7)], [], oneDay).Type);
        Assert.Equal(OrderType.None, OrderAttribution.Attribute(T, [UserConsultation(1, T.AddHours(25), 7)], [], oneDay).Type);
    }

    [Fact]
    public void A_user_with_two_agents_credits_the_latest_and_the_other_assists()
    {
        var result = OrderAttribution.Attribute(
            T, [UserConsultation(2, T.AddHours(-1), 8), UserConsultation(1, T.AddDays(-2), 7)], [], Week);

        AssertResult(result, OrderType.AfterConsultation, 2, 8, [7], T.AddHours(-1));
    }

    [Fact]
    public void Everyone_who_took_part_in_the_latest_conversation_is_excluded_from_assisting()
    {
        // Agent 7 transferred the latest conversation to 8: 7 took part in it, so he does not assist; 9 does.
        UserConsultation[] conversations =
        [
            UserConsultation(1, T.AddDays(-3), 7),
            UserConsultation(2, T.AddDays(-2), 9),
            UserConsultation(3, T.AddHours(-1), 8, 7, 8),
        ];

        var result = OrderAttribution.Attribute(T, conversations, [], Week);

        AssertResult(result, OrderType.AfterConsultation, 3, 8, [9], T.AddHours(-1));
    }

    [Fact]
    public void The_latest_conversations_agent_never_assists_even_if_the_participants_list_misses_him()
    {
        UserConsultation[] conversations = [UserConsultation(1, T.AddDays(-2), 8), new(2, T.AddHours(-1), 8, [])];

        Assert.Empty(OrderAttribution.Attribute(T, conversations, [], Week).AssistingAgentIds);
    }

    [Fact]
    public void A_previous_order_cuts_the_assisting_window()
    {
        // Conversations with 7 (3 days before) and 6 (exactly at the previous order) came before the user's previous order
        // 2 days before; 9's came after it.
        UserConsultation[] conversations =
        [
            UserConsultation(1, T.AddDays(-3), 7),
            UserConsultation(2, T.AddDays(-2), 6),
            UserConsultation(3, T.AddDays(-1), 9),
            UserConsultation(4, T.AddHours(-1), 8),
        ];

        var result = OrderAttribution.Attribute(T, conversations, [T.AddDays(-2), T.AddDays(-5)], Week);

        AssertResult(result, OrderType.AfterConsultation, 4, 8, [9], T.AddHours(-1));
    }

    [Fact]
    public void Orders_at_the_same_time_or_later_are_not_previous_orders()
    {
        UserConsultation[] conversations = [UserConsultation(1, T.AddDays(-3), 7), UserConsultation(2, T.AddHours(-1), 8)];

        var result = OrderAttribution.Attribute(T, conversations, [T, T.AddHours(1)], Week);

        Assert.Equal([7], result.AssistingAgentIds);
    }

    [Fact]
    public void Assisting_agents_are_distinct_and_ascending()
    {
        UserConsultation[] conversations =
        [
            UserConsultation(1, T.AddDays(-4), 9),
            UserConsultation(2, T.AddDays(-3), 5),
            UserConsultation(3, T.AddDays(-2), 9),
            UserConsultation(4, T.AddHours(-1), 8),
        ];

        Assert.Equal([5, 9], OrderAttribution.Attribute(T, conversations, [], Week).AssistingAgentIds);
    }

    [Fact]
    public void Of_two_conversations_requested_at_the_same_instant_the_later_id_is_the_latest()
    {
        UserConsultation[] conversations = [UserConsultation(2, T.AddHours(-1), 8), UserConsultation(1, T.AddHours(-1), 7)];

        var result = OrderAttribution.Attribute(T, conversations, [], Week);

        AssertResult(result, OrderType.AfterConsultation, 2, 8, [7], T.AddHours(-1));
    }

    [Fact]
    public void Of_two_conversations_after_the_order_at_the_same_instant_the_lower_id_is_the_first()
    {
        UserConsultation[] conversations = [UserConsultation(2, T.AddHours(1), 8), UserConsultation(1, T.AddHours(1), 7)];

        Assert.Equal(1, OrderAttribution.Attribute(T, conversations, [], Week).ConversationId);
    }

    [Fact]
    public void Purchased_means_a_consultation_order_placed_after_the_request_within_the_window()
    {
        Assert.False(OrderAttribution.IsPurchased(T, [], Week));
        Assert.False(OrderAttribution.IsPurchased(T, [T, T.AddSeconds(-1)], Week));
        Assert.True(OrderAttribution.IsPurchased(T, [T.AddSeconds(1)], Week));
        Assert.True(OrderAttribution.IsPurchased(T, [T + Week], Week));
        Assert.False(OrderAttribution.IsPurchased(T, [T + Week + TimeSpan.FromSeconds(1)], Week));
    }

    [Fact]
    public void After_sale_means_an_order_placed_before_the_request_within_the_window()
    {
        Assert.False(OrderAttribution.IsAfterSale(T, [], Week));
        Assert.False(OrderAttribution.IsAfterSale(T, [T, T.AddSeconds(1)], Week));
        Assert.True(OrderAttribution.IsAfterSale(T, [T.AddSeconds(-1)], Week));
        Assert.True(OrderAttribution.IsAfterSale(T, [T - Week], Week));
        Assert.False(OrderAttribution.IsAfterSale(T, [T - Week - TimeSpan.FromSeconds(1)], Week));
        Assert.True(OrderAttribution.IsAfterSale(T, [T - Week - TimeSpan.FromSeconds(1), T.AddHours(-2)], Week));
    }

    [Fact]
    public void Null_arguments_are_errors()
    {
        Assert.Throws<ArgumentNullException>(() => OrderAttribution.Attribute(T, null!, [], Week));
        Assert.Throws<ArgumentNullException>(() => OrderAttribution.Attribute(T, [], null!, Week));
        Assert.Throws<ArgumentNullException>(() => OrderAttribution.IsPurchased(T, null!, Week));
        Assert.Throws<ArgumentNullException>(() => OrderAttribution.IsAfterSale(T, null!, Week));
    }

    private static void AssertResult(
        OrderAttributionResult result, OrderType type, long? conversation, int? agent, int[] assisting, DateTime? requestedAt)
    {
        Assert.Equal(type, result.Type);
        Assert.Equal(conversation, result.ConversationId);
        Assert.Equal(agent, result.OrderAgentId);
        Assert.Equal(assisting, result.AssistingAgentIds);
        Assert.Equal(requestedAt, result.AttributedRequestedAt);
    }
}
