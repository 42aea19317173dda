using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Conversations.Engine;

/// <summary>
/// SPEC D3 abandoned: a queued visitor who is gone (no event stream, no request for <see cref="EngineOptions.QueuedVisitorTimeout"/>)
/// leaves the queue, his wait measured to his last sign of life, and the visitors behind him move up.
/// </summary>
public sealed class EngineQueuedVisitorTimeoutTests
{
    private static readonly TimeSpan Timeout = new EngineOptions().QueuedVisitorTimeout;

    [Fact]
    public async Task A_queued_visitor_without_a_stream_is_abandoned_after_the_timeout_and_the_next_visitor_moves_up()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (entry, _) = await FullGroupAsync(scenario);
        var gone = await QueueAsync(scenario, entry);
        var waiting = await QueueAsync(scenario, entry);
        scenario.Clock.Advance(TimeSpan.FromSeconds(10));
        var lastSeen = scenario.Clock.GetUtcNow().UtcDateTime;
        scenario.Liveness.Seen(gone);

        scenario.Clock.Advance(Timeout - TimeSpan.FromSeconds(1));
        scenario.Liveness.Seen(waiting);
        await scenario.Engine.TickAsync();
        Assert.Equal(2, (await scenario.Engine.GetConversationAsync(waiting))!.QueuePosition);

        scenario.Clock.Advance(TimeSpan.FromSeconds(1));
        await scenario.Engine.TickAsync();

        Assert.Null(await scenario.Engine.GetConversationAsync(gone));
        Assert.Equal(1, (await scenario.Engine.GetConversationAsync(waiting))!.QueuePosition);
        await using var db = scenario.NewContext();
        var abandoned = await db.Conversations.SingleAsync(c => c.Id == gone);
        Assert.Equal(QueueOutcome.Abandoned, abandoned.QueueOutcome);
        Assert.Equal(lastSeen, abandoned.DequeuedAt);
        Assert.Equal(EndReason.VisitorGone, abandoned.EndReason);
        Assert.Equal(scenario.Clock.GetUtcNow().UtcDateTime, abandoned.EndedAt);
    }

    [Fact]
    public async Task A_queued_visitor_whose_stream_stays_open_is_not_abandoned_until_it_closes()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (entry, _) = await FullGroupAsync(scenario);
        var streaming = await QueueAsync(scenario, entry);
        var stream = scenario.Liveness.StreamOpened(streaming);

        scenario.Clock.Advance(TimeSpan.FromMinutes(10));
        await scenario.Engine.TickAsync();
        Assert.Equal(ConversationState.Queued, (await scenario.Engine.GetConversationAsync(streaming))!.State);

        stream.Dispose();
        var closedAt = scenario.Clock.GetUtcNow().UtcDateTime;
        scenario.Clock.Advance(Timeout);
        await scenario.Engine.TickAsync();

        Assert.Null(await scenario.Engine.GetConversationAsync(streaming));
        await using var db = scenario.NewContext();
        Assert.Equal(closedAt, (await db.Conversations.SingleAsync(c => c.Id == streaming)).DequeuedAt);
    }

    [Fact]
    public async Task A_queued_visitor_who_keeps_polling_is_not_abandoned()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (entry, _) = await FullGroupAsync(scenario);
        var polling = await QueueAsync(scenario, entry);

        for (var i = 0; i < 10; i++)
        {
            scenario.Clock.Advance(Timeout / 2);
            scenario.Liveness.Seen(polling);
            await scenario.Engine.TickAsync();
        }

        Assert.Equal(ConversationState.Queued, (await scenario.Engine.GetConversationAsync(polling))!.State);
    }

    [Fact]
    public async Task After_a_restart_a_queued_visitor_who_does_not_come_back_is_abandoned_one_timeout_after_the_start()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (entry, _) = await FullGroupAsync(scenario);
        var queued = await QueueAsync(scenario, entry);
        scenario.Clock.Advance(TimeSpan.FromMinutes(5));

        await scenario.RestartAsync();
        var restartedAt = scenario.Clock.GetUtcNow().UtcDateTime;
        scenario.Clock.Advance(Timeout - TimeSpan.FromSeconds(1));
        await scenario.Engine.TickAsync();
        Assert.NotNull(await scenario.Engine.GetConversationAsync(queued));

        scenario.Clock.Advance(TimeSpan.FromSeconds(1));
        await scenario.Engine.TickAsync();

        Assert.Null(await scenario.Engine.GetConversationAsync(queued));
        await using var db = scenario.NewContext();
        var abandoned = await db.Conversations.SingleAsync(c => c.Id == queued);
        Assert.Equal(QueueOutcome.Abandoned, abandoned.QueueOutcome);
        Assert.Equal(restartedAt, abandoned.DequeuedAt);
    }

    [Fact]
    public async Task An_active_conversation_whose_visitor_is_gone_is_left_to_the_idle_rules()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (_, active) = await FullGroupAsync(scenario);

        scenario.Clock.Advance(Timeout * 5);
        await scenario.Engine.TickAsync();

        Assert.Equal(ConversationState.Active, (await scenario.Engine.GetConversationAsync(active))!.State);
    }

    /// <summary>A group whose only agent is at max load with one active conversation, so new visitors queue.</summary>
    private static async Task<(string Entry, long Active)> FullGroupAsync(EngineScenario scenario)
    {
        var agent = await scenario.AddAgentAsync("a", maxLoad: 1);
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(agent, 0));
        await scenario.OnlineAsync(agent);
        return (entry, await scenario.StartActiveAsync(entry));
    }

    private static async Task<long> QueueAsync(EngineScenario scenario, string entry)
    {
        var result = await scenario.Engine.StartAsync(new StartRequest(await scenario.AddVisitorAsync(), entry));
        Assert.Equal(StartOutcome.Queued, result.Outcome);
        return result.Conversation!.Id;
    }
}
