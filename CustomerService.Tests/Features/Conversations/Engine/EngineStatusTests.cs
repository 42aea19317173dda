using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Routing;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Conversations.Engine;

/// <summary>SPEC D1 status semantics and D2 routing as the engine applies them.</summary>
public sealed class EngineStatusTests
{
    [Fact]
    public async Task Busy_agent_keeps_his_conversation_and_new_visitors_go_to_a_colleague()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var b = await scenario.AddAgentAsync("b");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0), new MemberAssignment(b, 1));
        await scenario.OnlineAsync(a, b);
        var kept = await scenario.StartActiveAsync(entry);

        await scenario.Engine.SetStatusAsync(a, AgentStatus.Busy);
        var next = await scenario.Engine.StartAsync(new StartRequest(await scenario.AddVisitorAsync(), entry));

        Assert.Equal(ConversationState.Active, (await scenario.Engine.GetConversationAsync(kept))!.State);
        Assert.Equal(b, next.Conversation!.AgentId);
    }

    [Fact]
    public async Task Busy_only_group_queues_visitors_and_going_online_serves_them()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        await scenario.OnlineAsync(a);
        await scenario.Engine.SetStatusAsync(a, AgentStatus.Busy);

        var queued = await scenario.Engine.StartAsync(new StartRequest(await scenario.AddVisitorAsync(), entry));
        Assert.Equal(StartOutcome.Queued, queued.Outcome);
        Assert.Equal(1, queued.Conversation!.QueuePosition);

        await scenario.Engine.SetStatusAsync(a, AgentStatus.Online);

        var served = await scenario.Engine.GetConversationAsync(queued.Conversation.Id);
        Assert.Equal(ConversationState.Active, served!.State);
        Assert.Equal(a, served.AgentId);
    }

    [Fact]
    public async Task Away_ends_the_agents_current_conversations()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        await scenario.OnlineAsync(a);
        var conversationId = await scenario.StartActiveAsync(entry);
        var events = new List<EngineEvent>();
        using var subscription = scenario.Events.Subscribe(EventTopic.Conversation(conversationId), e => { lock (events) { events.Add(e); } });

        await scenario.Engine.SetStatusAsync(a, AgentStatus.Away);

        await using var db = scenario.NewContext();
        var stored = await db.Conversations.SingleAsync(c => c.Id == conversationId);
        Assert.Equal(ConversationState.Ended, stored.State);
        Assert.Equal(EndReason.AgentAway, stored.EndReason);
        Assert.Contains(events, e => e is ConversationChanged { Conversation.State: ConversationState.Ended });
    }

    [Fact]
    public async Task All_members_away_gives_the_leave_message_form()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        await scenario.OnlineAsync(a);
        await scenario.Engine.SetStatusAsync(a, AgentStatus.Away);

        var result = await scenario.Engine.StartAsync(new StartRequest(await scenario.AddVisitorAsync(), entry));

        Assert.Equal(StartOutcome.LeaveMessage, result.Outcome);
        Assert.Equal(LeaveMessageReason.NoAgentOnline, result.LeaveMessageReason);
        await using var db = scenario.NewContext();
        Assert.Empty(db.Conversations);
    }

    [Fact]
    public async Task Every_status_change_is_timed_in_status_periods()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        await scenario.Engine.AgentConnectedAsync(a);
        scenario.Clock.Advance(TimeSpan.FromMinutes(10));
        await scenario.Engine.SetStatusAsync(a, AgentStatus.Busy);
        scenario.Clock.Advance(TimeSpan.FromMinutes(5));
        await scenario.Engine.SetStatusAsync(a, AgentStatus.Away);
        scenario.Clock.Advance(TimeSpan.FromMinutes(1));
        await scenario.Engine.SetStatusAsync(a, AgentStatus.Offline);

        await using var db = scenario.NewContext();
        var periods = await db.AgentStatusPeriods.Where(p => p.AgentId == a).OrderBy(p => p.StartedAt).ToListAsync();
        Assert.Equal(
            [(AgentStatus.Online, 10.0), (AgentStatus.Busy, 5.0), (AgentStatus.Away, 1.0)],
            periods.Select(p => (p.Status, (p.EndedAt!.Value - p.StartedAt).TotalMinutes)));
    }

    [Fact]
    public async Task A_closed_console_makes_the_agent_offline_only_after_the_grace_period()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        await scenario.OnlineAsync(a);
        var conversationId = await scenario.StartActiveAsync(entry);

        await scenario.Engine.AgentDisconnectedAsync(a);
        scenario.Clock.Advance(TimeSpan.FromSeconds(30));
        await scenario.Engine.TickAsync();
        Assert.Equal(AgentStatus.Online, await scenario.Engine.GetStatusAsync(a));

        scenario.Clock.Advance(TimeSpan.FromSeconds(30));
        await scenario.Engine.TickAsync();
        Assert.Equal(AgentStatus.Offline, await scenario.Engine.GetStatusAsync(a));
        // SPEC D5: the lost agent's conversation is not ended, it waits for someone else (EngineLostAgentTests).
        Assert.Equal(ConversationState.Queued, (await scenario.Engine.GetConversationAsync(conversationId))!.State);
    }

    [Fact]
    public async Task Returning_visitor_gets_his_last_agent_within_the_same_tier()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var b = await scenario.AddAgentAsync("b");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0), new MemberAssignment(b, 0));
        await scenario.OnlineAsync(a, b);
        var visitor = await scenario.AddVisitorAsync();
        var first = await scenario.Engine.StartAsync(new StartRequest(visitor, entry));
        await scenario.Engine.CloseByVisitorAsync(visitor, first.Conversation!.Id);

        for (var i = 0; i < 3; i++)
        {
            var again = await scenario.Engine.StartAsync(new StartRequest(visitor, entry));
            Assert.Equal(first.Conversation.AgentId, again.Conversation!.AgentId);
            await scenario.Engine.CloseByVisitorAsync(visitor, again.Conversation.Id);
        }
    }

    [Fact]
    public async Task Blacklisted_visitor_gets_the_leave_message_form_by_visitor_id_and_by_ip()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        await scenario.OnlineAsync(a);
        var visitor = await scenario.AddVisitorAsync();
        var started = await scenario.Engine.StartAsync(new StartRequest(visitor, entry, Context: new StartContext(VisitorIp: "203.0.113.9")));

        await scenario.Engine.BlacklistVisitorAsync(a, started.Conversation!.Id, "骚扰", includeIp: true);

        var again = await scenario.Engine.StartAsync(new StartRequest(visitor, entry));
        Assert.Equal(LeaveMessageReason.Blacklisted, again.LeaveMessageReason);
        var sameIp = await scenario.Engine.StartAsync(new StartRequest(await scenario.AddVisitorAsync(), entry, Context: new StartContext(VisitorIp: "203.0.113.9")));
        Assert.Equal(LeaveMessageReason.Blacklisted, sameIp.LeaveMessageReason);
    }

    [Fact]
    public async Task Lifting_a_blacklist_entry_lets_the_visitor_reach_an_agent_again()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        await scenario.OnlineAsync(a);
        var visitor = await scenario.AddVisitorAsync();
        var entryId = await scenario.Engine.BlockAsync(a, visitor, null, "测试");

        await scenario.Engine.LiftBlacklistAsync(a, entryId);

        Assert.Equal(StartOutcome.Active, (await scenario.Engine.StartAsync(new StartRequest(visitor, entry))).Outcome);
    }

    [Fact]
    public async Task Private_contact_is_served_only_by_his_agent_queued_while_busy_and_leave_message_while_away()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var b = await scenario.AddAgentAsync("b");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0), new MemberAssignment(b, 0));
        await scenario.OnlineAsync(a, b);
        var visitor = await scenario.AddVisitorAsync();
        await scenario.Engine.BindPrivateContactAsync(b, visitor);

        await scenario.Engine.SetStatusAsync(b, AgentStatus.Busy);
        var queued = await scenario.Engine.StartAsync(new StartRequest(visitor, entry));
        Assert.Equal(StartOutcome.Queued, queued.Outcome);
        Assert.Equal(b, queued.Conversation!.QueuedForAgentId);

        await scenario.Engine.SetStatusAsync(b, AgentStatus.Away);
        Assert.Null(await scenario.Engine.GetConversationAsync(queued.Conversation.Id));
        var away = await scenario.Engine.StartAsync(new StartRequest(visitor, entry));
        Assert.Equal(LeaveMessageReason.PrivateContactUnavailable, away.LeaveMessageReason);

        await scenario.Engine.SetStatusAsync(b, AgentStatus.Online);
        Assert.Equal(b, (await scenario.Engine.StartAsync(new StartRequest(visitor, entry))).Conversation!.AgentId);
    }

    [Fact]
    public async Task Unknown_entry_is_refused_and_nothing_is_stored()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var visitor = await scenario.AddVisitorAsync();

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => scenario.Engine.StartAsync(new StartRequest(visitor, "nope")));

        Assert.Equal("EntryUnknown", refused.Violation.Code);
        await using var db = scenario.NewContext();
        Assert.Empty(db.Conversations);
    }

    [Fact]
    public async Task A_visitor_with_an_open_conversation_gets_it_back_instead_of_a_second_one()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        await scenario.OnlineAsync(a);
        var visitor = await scenario.AddVisitorAsync();

        var first = await scenario.Engine.StartAsync(new StartRequest(visitor, entry));
        var second = await scenario.Engine.StartAsync(new StartRequest(visitor, entry));

        Assert.Equal(first.Conversation!.Id, second.Conversation!.Id);
        Assert.Equal(1, (await scenario.Engine.GetPresenceAsync()).Single(p => p.AgentId == a).Load);
    }
}
