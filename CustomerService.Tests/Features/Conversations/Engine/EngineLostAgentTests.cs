using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Reporting.Facts;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Conversations.Engine;

/// <summary>
/// Issue 15, SPEC D1/D3/D5: an agent whose console closed keeps his conversations through the grace period but gets no
/// new ones; when it ends without his console, his conversations wait again at the head of the queue with their history
/// instead of ending, and every stay in the queue is a record of its own.
/// </summary>
public sealed class EngineLostAgentTests
{
    [Fact]
    public async Task During_the_grace_period_a_closed_console_gets_no_new_visitor()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var b = await scenario.AddAgentAsync("b");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0), new MemberAssignment(b, 1));
        await scenario.OnlineAsync(a);

        await scenario.Engine.AgentDisconnectedAsync(a);
        var waiting = await scenario.Engine.StartAsync(new StartRequest(await scenario.AddVisitorAsync(), entry));
        Assert.Equal(StartOutcome.Queued, waiting.Outcome);

        // A colleague online takes it, although he is in the lower tier: the closed console counts as Busy.
        await scenario.OnlineAsync(b);
        Assert.Equal(b, (await scenario.Engine.GetConversationAsync(waiting.Conversation!.Id))!.AgentId);
        Assert.Equal(AgentStatus.Online, await scenario.Engine.GetStatusAsync(a));
    }

    [Fact]
    public async Task A_console_back_within_the_grace_period_keeps_its_conversation_and_receives_again()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        await scenario.OnlineAsync(a);
        var kept = await scenario.StartActiveAsync(entry);

        await scenario.Engine.AgentDisconnectedAsync(a);
        scenario.Clock.Advance(TimeSpan.FromSeconds(40));
        await scenario.Engine.TickAsync();
        await scenario.Engine.AgentConnectedAsync(a);
        scenario.Clock.Advance(TimeSpan.FromSeconds(40));
        await scenario.Engine.TickAsync();

        Assert.Equal((ConversationState.Active, a), await StateAndAgentAsync(scenario, kept));
        Assert.Equal(a, (await scenario.Engine.StartAsync(new StartRequest(await scenario.AddVisitorAsync(), entry))).Conversation!.AgentId);
    }

    [Fact]
    public async Task After_the_grace_period_the_conversation_waits_again_with_its_history_and_is_served_by_a_colleague()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var b = await scenario.AddAgentAsync("b");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0), new MemberAssignment(b, 0));
        await scenario.OnlineAsync(a, b);
        await scenario.Engine.SetStatusAsync(b, AgentStatus.Busy);
        var visitor = await scenario.AddVisitorAsync();
        var conversationId = await scenario.StartActiveAsync(entry, visitor);
        await scenario.Engine.AppendVisitorMessageAsync(visitor, conversationId, "c1", "我的订单还没发货");
        await scenario.Engine.AppendAgentMessageAsync(a, conversationId, "c2", "我帮您查一下");

        await scenario.Engine.AgentDisconnectedAsync(a);
        scenario.Clock.Advance(TimeSpan.FromSeconds(60));
        await scenario.Engine.TickAsync();

        var waiting = (await scenario.Engine.GetConversationAsync(conversationId))!;
        Assert.Equal((ConversationState.Queued, (int?)null, (int?)1), (waiting.State, waiting.AgentId, waiting.QueuePosition));
        // Its wait (同事会话's queue timer) counts from the requeue, not from the visitor's first request.
        Assert.Equal(scenario.Clock.GetUtcNow().UtcDateTime, waiting.QueuedSince);
        Assert.True(waiting.RequestedAt < waiting.QueuedSince);
        Assert.Equal(AgentStatus.Offline, await scenario.Engine.GetStatusAsync(a));

        scenario.Clock.Advance(TimeSpan.FromSeconds(15));
        await scenario.Engine.SetStatusAsync(b, AgentStatus.Online);

        Assert.Equal((ConversationState.Active, b), await StateAndAgentAsync(scenario, conversationId));
        await using var db = scenario.NewContext();
        var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId).OrderBy(m => m.Seq).ToListAsync();
        Assert.Equal(["我的订单还没发货", "我帮您查一下"], messages.Where(m => m.Sender != MessageSender.System).Select(m => m.Text));
        Assert.Single(messages, m => m.Notice == NoticeCode.AgentLost);
        var entries = await db.QueueEntries.AsNoTracking().Where(e => e.ConversationId == conversationId).ToListAsync();
        var stay = Assert.Single(entries);
        Assert.Equal((QueueOutcome.Served, true, TimeSpan.FromSeconds(15)), (stay.Outcome, stay.AfterAgentLost, stay.Wait));
    }

    [Fact]
    public async Task A_conversation_queued_twice_has_two_queue_entries_each_with_its_outcome_and_wait()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var b = await scenario.AddAgentAsync("b");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0), new MemberAssignment(b, 0));
        await scenario.OnlineAsync(a);
        await scenario.Engine.SetStatusAsync(a, AgentStatus.Busy);
        var queued = await scenario.Engine.StartAsync(new StartRequest(await scenario.AddVisitorAsync(), entry));
        var conversationId = queued.Conversation!.Id;
        scenario.Clock.Advance(TimeSpan.FromSeconds(20));
        await scenario.Engine.SetStatusAsync(a, AgentStatus.Online);

        await scenario.Engine.AgentDisconnectedAsync(a);
        scenario.Clock.Advance(TimeSpan.FromSeconds(60));
        await scenario.Engine.TickAsync();
        scenario.Clock.Advance(TimeSpan.FromSeconds(30));
        await scenario.Engine.CloseByVisitorAsync((await scenario.Engine.GetConversationAsync(conversationId))!.VisitorId, conversationId);

        await using var db = scenario.NewContext();
        var entries = await db.QueueEntries.AsNoTracking().Where(e => e.ConversationId == conversationId).OrderBy(e => e.EnteredAt).ToListAsync();
        Assert.Equal(
            [(QueueOutcome.Served, false, TimeSpan.FromSeconds(20)), (QueueOutcome.Abandoned, true, TimeSpan.FromSeconds(30))],
            entries.Select(e => (e.Outcome!.Value, e.AfterAgentLost, e.Wait!.Value)));

        // Queue analysis (排队分析) counts each entry, not each conversation.
        var day = scenario.Clock.GetUtcNow().UtcDateTime.Date;
        var facts = await new ReportFactLoader().LoadAsync(db, day, day.AddDays(1), TimeSpan.FromDays(1), CancellationToken.None);
        Assert.Equal([QueueOutcome.Served, QueueOutcome.Abandoned], facts.Queue.OrderBy(q => q.EnteredAt).Select(q => q.Outcome!.Value));
    }

    [Fact]
    public async Task During_the_grace_period_a_closed_console_is_offered_no_transfer_or_invitation_but_a_busy_one_is()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var b = await scenario.AddAgentAsync("b");
        var c = await scenario.AddAgentAsync("c");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        var other = await scenario.AddGroupWithEntryAsync("aftersale", new MemberAssignment(b, 0), new MemberAssignment(c, 0));
        await scenario.OnlineAsync(a, b, c);
        var conversationId = await scenario.StartActiveAsync(entry);
        await scenario.Engine.SetStatusAsync(c, AgentStatus.Busy);

        await scenario.Engine.AgentDisconnectedAsync(b);

        Assert.False((await scenario.Engine.GetPresenceAsync()).Single(p => p.AgentId == b).IsConsoleConnected);
        foreach (var kind in new[] { TransferKind.Transfer, TransferKind.Invite })
        {
            var refused = await Assert.ThrowsAsync<RuleViolationException>(
                () => scenario.Engine.RequestTransferAsync(a, conversationId, TransferTarget.ToAgent(b), kind));
            Assert.Equal("TransferTargetUnavailable", refused.Violation.Code);
        }

        // A group transfer reaches the busy colleague at his console only (SPEC D4: Busy ones may receive transfers).
        var offered = new List<TransferRequested>();
        using var listening = scenario.Events.Subscribe(EventTopic.Agent(a), e =>
        {
            if (e is TransferRequested requested)
            {
                offered.Add(requested);
            }
        });
        var toGroup = await scenario.Engine.RequestTransferAsync(a, conversationId, TransferTarget.ToGroup(await scenario.GroupIdOfEntryAsync(other)));
        var request = Assert.Single(offered);
        Assert.Contains(EventTopic.Agent(c), request.Topics);
        Assert.DoesNotContain(EventTopic.Agent(b), request.Topics);
        await scenario.Engine.RespondToTransferAsync(c, toGroup.Id, accept: true);
        Assert.Equal((ConversationState.Active, c), await StateAndAgentAsync(scenario, conversationId));
    }

    [Fact]
    public async Task An_explicit_away_still_ends_the_conversation()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        await scenario.OnlineAsync(a);
        var conversationId = await scenario.StartActiveAsync(entry);

        await scenario.Engine.SetStatusAsync(a, AgentStatus.Away);

        Assert.Null(await scenario.Engine.GetConversationAsync(conversationId));
        await using var db = scenario.NewContext();
        Assert.Equal(EndReason.AgentAway, (await db.Conversations.SingleAsync(c => c.Id == conversationId)).EndReason);
    }

    private static async Task<(ConversationState, int?)> StateAndAgentAsync(EngineScenario scenario, long conversationId)
    {
        var view = (await scenario.Engine.GetConversationAsync(conversationId))!;
        return (view.State, view.AgentId);
    }
}
