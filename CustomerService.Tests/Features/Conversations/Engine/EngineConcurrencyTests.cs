using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Conversations.Engine;

/// <summary>Issue 3: decisions are serialised, so no two requests take the same last slot and nobody exceeds max load.</summary>
public sealed class EngineConcurrencyTests
{
    private const int Requests = 500;
    private const int VipEvery = 10;

    public static TheoryData<int> Rounds() => [.. Enumerable.Range(1, 20)];

    [Theory]
    [MemberData(nameof(Rounds))]
    public async Task Parallel_starts_fill_exactly_the_free_capacity_and_the_queue_drains_vip_first(int round)
    {
        await using var scenario = await EngineScenario.StartAsync();
        // Free capacity 40: eight agents with different max loads, two tiers.
        int[] maxLoads = [10, 8, 6, 5, 4, 3, 2, 2];
        var agents = new List<int>();
        for (var i = 0; i < maxLoads.Length; i++)
        {
            agents.Add(await scenario.AddAgentAsync($"agent{i}-r{round}", maxLoads[i]));
        }

        var entry = await scenario.AddGroupWithEntryAsync("presale", [.. agents.Select((id, i) => new MemberAssignment(id, i % 2))]);
        await scenario.OnlineAsync([.. agents]);
        var vipFlags = Enumerable.Range(0, Requests).Select(i => i % VipEvery == VipEvery - 1).ToList();
        var visitors = (await scenario.AddVisitorsAsync(vipFlags)).Zip(vipFlags, (id, vip) => (Id: id, Vip: vip)).ToList();

        var results = await Task.WhenAll(visitors.Select(v => Task.Run(() => scenario.Engine.StartAsync(new StartRequest(v.Id, entry)))));

        Assert.Equal(40, results.Count(r => r.Outcome == StartOutcome.Active));
        Assert.Equal(460, results.Count(r => r.Outcome == StartOutcome.Queued));
        await AssertNoAgentAboveMaxLoadAsync(scenario, agents, maxLoads);
        // Positions given at start move as VIPs arrive; the queue as it stands now is the order to serve.
        var queueOrder = (await scenario.Engine.GetOpenConversationsAsync())
            .Where(c => c.State == ConversationState.Queued)
            .OrderBy(c => c.QueuePosition)
            .ToList();
        Assert.Equal(Enumerable.Range(1, 460), queueOrder.Select(c => c.QueuePosition!.Value).Order());
        // VIPs that had to queue are all ahead of every regular visitor.
        var vipIds = visitors.Where(v => v.Vip).Select(v => v.Id).ToHashSet();
        var firstRegular = queueOrder.FindIndex(c => !vipIds.Contains(c.VisitorId));
        Assert.All(queueOrder.Skip(firstRegular), c => Assert.DoesNotContain(c.VisitorId, vipIds));

        // Capacity frees: agents end their conversations one batch at a time, and the queue drains in its order.
        var servedInOrder = new List<long>();
        while (true)
        {
            var active = (await scenario.Engine.GetOpenConversationsAsync()).Where(c => c.State == ConversationState.Active).ToList();
            await Task.WhenAll(active.Select(c => scenario.Engine.EndByAgentAsync(c.AgentId!.Value, c.Id)));
            await AssertNoAgentAboveMaxLoadAsync(scenario, agents, maxLoads);
            var nowActive = (await scenario.Engine.GetOpenConversationsAsync())
                .Where(c => c.State == ConversationState.Active)
                .OrderBy(c => c.AssignedAt).ThenBy(c => c.Id)
                .ToList();
            if (nowActive.Count == 0)
            {
                break;
            }

            servedInOrder.AddRange(nowActive.Select(c => c.Id).Order());
        }

        Assert.Equal(queueOrder.Count, servedInOrder.Count);
        Assert.Equal(
            queueOrder.Select(c => c.Id).Chunk(40).Select(chunk => chunk.Order().ToArray()),
            servedInOrder.Chunk(40).Select(chunk => chunk.ToArray()));

        await using var db = scenario.NewContext();
        var stored = await db.Conversations.AsNoTracking().ToListAsync();
        Assert.Equal(Requests, stored.Count);
        Assert.Equal(460, stored.Count(c => c.QueueOutcome == QueueOutcome.Served));
    }

    private static async Task AssertNoAgentAboveMaxLoadAsync(EngineScenario scenario, List<int> agents, int[] maxLoads)
    {
        var presence = (await scenario.Engine.GetPresenceAsync()).ToDictionary(p => p.AgentId);
        for (var i = 0; i < agents.Count; i++)
        {
            Assert.InRange(presence[agents[i]].Load, 0, maxLoads[i]);
        }
    }
}
