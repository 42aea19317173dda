using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Conversations.Engine;

/// <summary>Issue 3 crash test: a new engine on the same database file carries on where the old one stopped.</summary>
public sealed class EngineRecoveryTests
{
    [Fact]
    public async Task A_restarted_engine_has_the_same_conversations_queue_order_and_messages()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var agent = await scenario.AddAgentAsync("a", maxLoad: 2);
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(agent, 0));
        await scenario.OnlineAsync(agent);
        var visitors = await scenario.AddVisitorsAsync([false, false, false, true, false]);
        var results = new List<StartResult>();
        foreach (var visitor in visitors)
        {
            results.Add(await scenario.Engine.StartAsync(new StartRequest(visitor, entry)));
        }

        var first = results[0].Conversation!;
        var acknowledged = await scenario.Engine.AppendVisitorMessageAsync(first.VisitorId, first.Id, "client-1", "你好");
        await scenario.Engine.AppendAgentMessageAsync(agent, first.Id, "agent-1", "您好");
        var before = await OpenConversationsAsync(scenario);
        var messagesBefore = await MessagesAsync(scenario);

        await scenario.RestartAsync();

        var after = await OpenConversationsAsync(scenario);
        Assert.Equal(before, after);
        Assert.Equal(3, after.Count(c => c.State == ConversationState.Queued));
        Assert.Equal(visitors[3], after.Single(c => c.QueuePosition == 1).VisitorId);
        Assert.Equal(messagesBefore, await MessagesAsync(scenario));

        var resent = await scenario.Engine.AppendVisitorMessageAsync(first.VisitorId, first.Id, "client-1", "你好");
        Assert.Equal(acknowledged, resent);
        var next = await scenario.Engine.AppendVisitorMessageAsync(first.VisitorId, first.Id, "client-2", "在吗");
        Assert.Equal(messagesBefore.Max(m => m.Seq) + 1, next.Seq);
        Assert.Equal(messagesBefore.Count + 1, (await MessagesAsync(scenario)).Count);
    }

    [Fact]
    public async Task After_a_restart_an_agent_whose_console_returns_within_the_grace_period_keeps_his_conversations()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var agent = await scenario.AddAgentAsync("a");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(agent, 0));
        await scenario.OnlineAsync(agent);
        var conversationId = await scenario.StartActiveAsync(entry);

        await scenario.RestartAsync();
        scenario.Clock.Advance(TimeSpan.FromSeconds(30));
        await scenario.Engine.AgentConnectedAsync(agent);
        scenario.Clock.Advance(TimeSpan.FromMinutes(2));
        await scenario.Engine.TickAsync();

        var conversation = await scenario.Engine.GetConversationAsync(conversationId);
        Assert.Equal(ConversationState.Active, conversation!.State);
        Assert.Equal(AgentStatus.Online, await scenario.Engine.GetStatusAsync(agent));
    }

    [Fact]
    public async Task After_a_restart_an_agent_who_does_not_return_goes_offline_and_his_conversations_wait_again()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var agent = await scenario.AddAgentAsync("a");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(agent, 0));
        await scenario.OnlineAsync(agent);
        var conversationId = await scenario.StartActiveAsync(entry);

        await scenario.RestartAsync();
        scenario.Clock.Advance(TimeSpan.FromSeconds(59));
        await scenario.Engine.TickAsync();
        Assert.NotNull(await scenario.Engine.GetConversationAsync(conversationId));

        scenario.Clock.Advance(TimeSpan.FromSeconds(1));
        await scenario.Engine.TickAsync();

        // SPEC D5: a lost agent's conversation is not ended; it waits at the head of its group's queue.
        var waiting = (await scenario.Engine.GetConversationAsync(conversationId))!;
        Assert.Equal((ConversationState.Queued, (int?)null), (waiting.State, waiting.AgentId));
        await using var db = scenario.NewContext();
        Assert.Single(await db.QueueEntries.Where(e => e.ConversationId == conversationId && e.AfterAgentLost && e.Outcome == null).ToListAsync());
        Assert.Equal(AgentStatus.Offline, await scenario.Engine.GetStatusAsync(agent));
    }

    private static async Task<List<ConversationView>> OpenConversationsAsync(EngineScenario scenario) =>
        [.. (await scenario.Engine.GetOpenConversationsAsync()).OrderBy(c => c.Id)
            .Select(c => c with { Participants = [], EstimatedWait = null })];

    private static async Task<List<(long Id, long ConversationId, long Seq, string Text)>> MessagesAsync(EngineScenario scenario)
    {
        await using var db = scenario.NewContext();
        return (await db.Messages.AsNoTracking().OrderBy(m => m.Id).ToListAsync())
            .Select(m => (m.Id, m.ConversationId, m.Seq, m.Text)).ToList();
    }
}
