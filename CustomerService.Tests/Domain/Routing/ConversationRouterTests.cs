using CustomerService.Domain.Conversations;
using CustomerService.Domain.Routing;
using static CustomerService.Tests.Builders.AgentBuilder;
using static CustomerService.Tests.Builders.RoutingSnapshotBuilder;

namespace CustomerService.Tests.Domain.Routing;

/// <summary>SPEC D2 rules 1–8, one behaviour per test.</summary>
public sealed class ConversationRouterTests
{
    // Rule 1

    [Fact]
    public void Blacklisted_visitor_gets_leave_message_even_when_agents_are_free()
    {
        var snapshot = Request().Blacklisted().WithMembers(Agent(1), Agent(2)).Build();

        var decision = ConversationRouter.Route(snapshot);

        var leave = Assert.IsType<RoutingOutcome.LeaveMessage>(decision.Outcome);
        Assert.Equal(LeaveMessageReason.Blacklisted, leave.Reason);
    }

    [Fact]
    public void Blacklist_beats_private_contact_and_stickiness()
    {
        var snapshot = Request().Blacklisted().Vip()
            .WithPrivateContact(Agent(9))
            .WithMembers(Agent(1))
            .ServedBefore(1)
            .Build();

        var decision = ConversationRouter.Route(snapshot);

        var leave = Assert.IsType<RoutingOutcome.LeaveMessage>(decision.Outcome);
        Assert.Equal(LeaveMessageReason.Blacklisted, leave.Reason);
    }

    // Rule 2

    [Fact]
    public void Private_contact_who_is_online_with_a_free_slot_gets_the_visitor_over_free_group_members()
    {
        var snapshot = Request().WithPrivateContact(Agent(9)).WithMembers(Agent(1), Agent(2)).ServedBefore(1).Build();

        var decision = ConversationRouter.Route(snapshot);

        Assert.Equal(new RoutingOutcome.AssignToAgent(9, AssignmentReason.PrivateContact), decision.Outcome);
    }

    [Fact]
    public void Private_contact_who_is_full_queues_the_visitor_for_him_only()
    {
        var snapshot = Request().WithPrivateContact(Agent(9).WithMaxLoad(3).Full()).WithMembers(Agent(1)).Build();

        var decision = ConversationRouter.Route(snapshot);

        Assert.Equal(new RoutingOutcome.Enqueue(ForAgentId: 9, IsVip: false), decision.Outcome);
    }

    [Fact]
    public void Private_contact_who_is_busy_queues_the_visitor_for_him_only()
    {
        var snapshot = Request().WithPrivateContact(Agent(9).Busy()).WithMembers(Agent(1)).Build();

        var decision = ConversationRouter.Route(snapshot);

        Assert.Equal(new RoutingOutcome.Enqueue(ForAgentId: 9, IsVip: false), decision.Outcome);
    }

    [Fact]
    public void Vip_flag_passes_through_to_a_private_contact_queue()
    {
        var snapshot = Request().Vip().WithPrivateContact(Agent(9).Full()).Build();

        var decision = ConversationRouter.Route(snapshot);

        Assert.Equal(new RoutingOutcome.Enqueue(ForAgentId: 9, IsVip: true), decision.Outcome);
    }

    [Theory]
    [InlineData(AgentStatus.Away)]
    [InlineData(AgentStatus.Offline)]
    public void Private_contact_who_is_away_or_offline_gives_leave_message_not_another_agent(AgentStatus status)
    {
        var snapshot = Request().WithPrivateContact(Agent(9).WithStatus(status)).WithMembers(Agent(1)).Build();

        var decision = ConversationRouter.Route(snapshot);

        var leave = Assert.IsType<RoutingOutcome.LeaveMessage>(decision.Outcome);
        Assert.Equal(LeaveMessageReason.PrivateContactUnavailable, leave.Reason);
    }

    [Fact]
    public void Private_contact_who_does_not_participate_in_distribution_gives_leave_message()
    {
        var snapshot = Request().WithPrivateContact(Agent(9).NotParticipating()).WithMembers(Agent(1)).Build();

        var decision = ConversationRouter.Route(snapshot);

        var leave = Assert.IsType<RoutingOutcome.LeaveMessage>(decision.Outcome);
        Assert.Equal(LeaveMessageReason.PrivateContactUnavailable, leave.Reason);
    }

    // Rule 3

    [Fact]
    public void Agent_who_does_not_participate_in_distribution_is_never_chosen()
    {
        var snapshot = Request()
            .WithMembers(Agent(1).NotParticipating().WithWeight(100), Agent(2).WithPriority(3))
            .ServedBefore(1)
            .Build();

        var decision = ConversationRouter.Route(snapshot);

        var assign = Assert.IsType<RoutingOutcome.AssignToAgent>(decision.Outcome);
        Assert.Equal(2, assign.AgentId);
    }

    [Fact]
    public void Busy_agent_never_gets_a_new_conversation_even_as_the_visitors_last_agent()
    {
        var snapshot = Request().WithMembers(Agent(1).Busy(), Agent(2).WithPriority(1)).ServedBefore(1).Build();

        var decision = ConversationRouter.Route(snapshot);

        var assign = Assert.IsType<RoutingOutcome.AssignToAgent>(decision.Outcome);
        Assert.Equal(2, assign.AgentId);
    }

    [Fact]
    public void Agent_at_max_load_is_not_a_candidate()
    {
        var snapshot = Request().WithMembers(Agent(1).Full(), Agent(2).WithLoad(4)).Build();

        var decision = ConversationRouter.Route(snapshot);

        var assign = Assert.IsType<RoutingOutcome.AssignToAgent>(decision.Outcome);
        Assert.Equal(2, assign.AgentId);
    }

    // Rule 4

    [Fact]
    public void Highest_priority_tier_with_a_candidate_receives_the_visitor()
    {
        var snapshot = Request().WithMembers(Agent(1).WithPriority(1), Agent(2).WithPriority(0)).Build();

        var decision = ConversationRouter.Route(snapshot);

        var assign = Assert.IsType<RoutingOutcome.AssignToAgent>(decision.Outcome);
        Assert.Equal(2, assign.AgentId);
    }

    [Fact]
    public void Lower_priority_tier_is_used_only_when_every_higher_tier_member_is_unavailable()
    {
        var snapshot = Request()
            .WithMembers(
                Agent(1).WithPriority(0).Full(),
                Agent(2).WithPriority(0).Busy(),
                Agent(3).WithPriority(2),
                Agent(4).WithPriority(1))
            .Build();

        var decision = ConversationRouter.Route(snapshot);

        var assign = Assert.IsType<RoutingOutcome.AssignToAgent>(decision.Outcome);
        Assert.Equal(4, assign.AgentId);
    }

    [Fact]
    public void Tier_order_beats_stickiness()
    {
        var snapshot = Request()
            .WithMembers(Agent(1).WithPriority(1), Agent(2).WithPriority(0))
            .ServedBefore(1)
            .Build();

        var decision = ConversationRouter.Route(snapshot);

        Assert.Equal(new RoutingOutcome.AssignToAgent(2, AssignmentReason.RoundRobin), decision.Outcome);
    }

    // Rule 5

    [Fact]
    public void Returning_visitor_gets_the_agent_who_served_him_last()
    {
        var snapshot = Request().WithMembers(Agent(1), Agent(2), Agent(3)).ServedBefore(3, 2).Build();

        var decision = ConversationRouter.Route(snapshot);

        Assert.Equal(new RoutingOutcome.AssignToAgent(3, AssignmentReason.ReturningVisitor), decision.Outcome);
    }

    [Fact]
    public void Returning_visitor_gets_the_agent_before_last_when_the_last_one_is_unavailable()
    {
        var snapshot = Request().WithMembers(Agent(1), Agent(2), Agent(3).Away()).ServedBefore(3, 2).Build();

        var decision = ConversationRouter.Route(snapshot);

        Assert.Equal(new RoutingOutcome.AssignToAgent(2, AssignmentReason.ReturningVisitor), decision.Outcome);
    }

    [Fact]
    public void Sticky_agent_who_is_full_falls_back_to_round_robin()
    {
        var snapshot = Request().WithMembers(Agent(1), Agent(2).Full()).ServedBefore(2).Build();

        var decision = ConversationRouter.Route(snapshot);

        Assert.Equal(new RoutingOutcome.AssignToAgent(1, AssignmentReason.RoundRobin), decision.Outcome);
    }

    [Fact]
    public void Sticky_agent_outside_the_group_is_ignored()
    {
        var snapshot = Request().WithMembers(Agent(1)).ServedBefore(7, 8).Build();

        var decision = ConversationRouter.Route(snapshot);

        Assert.Equal(new RoutingOutcome.AssignToAgent(1, AssignmentReason.RoundRobin), decision.Outcome);
    }

    [Fact]
    public void Sticky_assignment_leaves_the_round_robin_state_unchanged()
    {
        var state = RoundRobinState.Empty.With(1, 4).With(2, -4);
        var snapshot = Request().WithMembers(Agent(1), Agent(2)).ServedBefore(2).WithRoundRobin(state).Build();

        var decision = ConversationRouter.Route(snapshot);

        Assert.Equal(new RoutingOutcome.AssignToAgent(2, AssignmentReason.ReturningVisitor), decision.Outcome);
        Assert.Equal(state, decision.RoundRobin);
    }

    // Rule 6 (the distribution itself is in SmoothWeightedRoundRobinTests)

    [Fact]
    public void Round_robin_alternates_between_equal_agents_starting_with_the_lowest_id()
    {
        var state = RoundRobinState.Empty;
        var chosen = new List<int>();

        for (var i = 0; i < 4; i++)
        {
            var decision = ConversationRouter.Route(
                Request().WithMembers(Agent(2), Agent(1)).WithRoundRobin(state).Build());
            chosen.Add(Assert.IsType<RoutingOutcome.AssignToAgent>(decision.Outcome).AgentId);
            state = decision.RoundRobin;
        }

        Assert.Equal([1, 2, 1, 2], chosen);
    }

    [Fact]
    public void Round_robin_state_of_agents_in_other_tiers_is_untouched()
    {
        var state = RoundRobinState.Empty.With(3, 7);
        var snapshot = Request()
            .WithMembers(Agent(1), Agent(2), Agent(3).WithPriority(1))
            .WithRoundRobin(state)
            .Build();

        var decision = ConversationRouter.Route(snapshot);

        Assert.Equal(7, decision.RoundRobin.CurrentWeightOf(3));
    }

    [Fact]
    public void Round_robin_state_forgets_agents_who_left_the_group()
    {
        var state = RoundRobinState.Empty.With(1, 2).With(99, 5);
        var snapshot = Request().WithMembers(Agent(1).Away()).WithRoundRobin(state).Build();

        var decision = ConversationRouter.Route(snapshot);

        Assert.Equal([1], decision.RoundRobin.CurrentWeights.Keys);
    }

    // Rule 7

    [Fact]
    public void Visitor_is_queued_for_the_group_when_every_online_agent_is_full()
    {
        var snapshot = Request().WithMembers(Agent(1).Full(), Agent(2).Away()).Build();

        var decision = ConversationRouter.Route(snapshot);

        Assert.Equal(new RoutingOutcome.Enqueue(ForAgentId: null, IsVip: false), decision.Outcome);
    }

    [Fact]
    public void Vip_flag_passes_through_to_the_group_queue()
    {
        var snapshot = Request().Vip().WithMembers(Agent(1).Full()).Build();

        var decision = ConversationRouter.Route(snapshot);

        Assert.Equal(new RoutingOutcome.Enqueue(ForAgentId: null, IsVip: true), decision.Outcome);
    }

    [Fact]
    public void Visitor_is_queued_when_the_only_online_member_does_not_participate()
    {
        var snapshot = Request().WithMembers(Agent(1).NotParticipating(), Agent(2).Offline()).Build();

        var decision = ConversationRouter.Route(snapshot);

        Assert.Equal(new RoutingOutcome.Enqueue(ForAgentId: null, IsVip: false), decision.Outcome);
    }

    // Rule 8

    [Fact]
    public void All_members_away_gives_leave_message()
    {
        var snapshot = Request().WithMembers(Agent(1).Away(), Agent(2).Away(), Agent(3).Offline()).Build();

        var decision = ConversationRouter.Route(snapshot);

        var leave = Assert.IsType<RoutingOutcome.LeaveMessage>(decision.Outcome);
        Assert.Equal(LeaveMessageReason.NoAgentOnline, leave.Reason);
    }

    [Fact]
    public void Group_without_members_gives_leave_message()
    {
        var decision = ConversationRouter.Route(Request().Vip().Build());

        var leave = Assert.IsType<RoutingOutcome.LeaveMessage>(decision.Outcome);
        Assert.Equal(LeaveMessageReason.NoAgentOnline, leave.Reason);
    }

    [Fact]
    public void Busy_member_counts_as_online_so_the_visitor_queues_rather_than_leaving_a_message()
    {
        var snapshot = Request().WithMembers(Agent(1).Busy(), Agent(2).Away()).Build();

        var decision = ConversationRouter.Route(snapshot);

        Assert.Equal(new RoutingOutcome.Enqueue(ForAgentId: null, IsVip: false), decision.Outcome);
    }

    // Input guards

    [Fact]
    public void Same_agent_listed_twice_is_rejected()
    {
        var snapshot = Request().WithMembers(Agent(1), Agent(1)).Build();

        Assert.Throws<ArgumentException>(() => ConversationRouter.Route(snapshot));
    }

    [Fact]
    public void Member_weight_below_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Agent(1).WithWeight(0).Build());
    }

    [Fact]
    public void Routing_without_a_snapshot_or_its_members_is_a_programming_error()
    {
        Assert.Throws<ArgumentNullException>(() => ConversationRouter.Route(null!));
        Assert.Equal("snapshot.Members", Assert.Throws<ArgumentNullException>(() => ConversationRouter.Route(new RoutingSnapshot { Members = null! })).ParamName);
    }
}
