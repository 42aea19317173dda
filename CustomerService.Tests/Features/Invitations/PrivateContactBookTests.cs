using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Routing;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Invitations;

/// <summary>设为专属客服 / 取消 (seed 001, SPEC D2.2) and the routing that follows, on a real database.</summary>
public sealed class PrivateContactBookTests
{
    private static PrivateContactBook Book(EngineScenario scenario) => scenario.Database.Services.GetRequiredService<PrivateContactBook>();

    /// <summary>The agent, the only one Online at that moment, serves the visitor once: the visitor is his to see (SPEC B).</summary>
    private static async Task ServeOnceAsync(EngineScenario scenario, int agent, string entry, long visitor)
    {
        var conversation = await scenario.StartActiveAsync(entry, visitor);
        Assert.Equal(agent, (await scenario.Engine.GetConversationAsync(conversation))!.AgentId);
        await scenario.Engine.EndByAgentAsync(agent, conversation);
    }

    private static async Task<int?> StoredOwnerAsync(EngineScenario scenario, long visitorId)
    {
        await using var db = scenario.NewContext();
        return await db.PrivateContacts.Where(p => p.VisitorId == visitorId).Select(p => (int?)p.AgentId).SingleOrDefaultAsync();
    }

    [Fact]
    public async Task A_bound_visitor_goes_only_to_his_agent_even_when_a_colleague_of_higher_priority_is_free()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var b = await scenario.AddAgentAsync("b");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0), new MemberAssignment(b, 1));
        var visitor = await scenario.AddVisitorAsync();
        await scenario.OnlineAsync(b);
        await ServeOnceAsync(scenario, b, entry, visitor);
        await scenario.OnlineAsync(a);

        Assert.True((await Book(scenario).BindAsync(b, visitor)).Succeeded);
        var result = await scenario.Engine.StartAsync(new StartRequest(visitor, entry));

        Assert.Equal(b, result.Conversation!.AgentId);
        Assert.Equal(b, await StoredOwnerAsync(scenario, visitor));
        Assert.Equal([visitor], (await Book(scenario).MineAsync(b)).Select(r => r.VisitorId));
    }

    [Fact]
    public async Task A_bound_visitor_whose_agent_is_away_gets_the_leave_message_form_not_a_colleague()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var b = await scenario.AddAgentAsync("b");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0), new MemberAssignment(b, 0));
        var visitor = await scenario.AddVisitorAsync();
        await scenario.OnlineAsync(b);
        await ServeOnceAsync(scenario, b, entry, visitor);
        await scenario.OnlineAsync(a);
        Assert.True((await Book(scenario).BindAsync(b, visitor)).Succeeded);
        await scenario.Engine.SetStatusAsync(b, AgentStatus.Away);

        var result = await scenario.Engine.StartAsync(new StartRequest(visitor, entry));

        Assert.Equal(StartOutcome.LeaveMessage, result.Outcome);
        Assert.Equal(LeaveMessageReason.PrivateContactUnavailable, result.LeaveMessageReason);
    }

    /// <summary>docs/adr 020: the binding follows the visitor across entries, also to an agent outside the entry's group.</summary>
    [Fact]
    public async Task Binding_to_an_agent_outside_the_entrys_group_is_allowed_and_routes_to_him()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var outsider = await scenario.AddAgentAsync("c");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        var aftersale = await scenario.AddGroupWithEntryAsync("aftersale", new MemberAssignment(outsider, 0));
        await scenario.OnlineAsync(a, outsider);
        var visitor = await scenario.AddVisitorAsync();
        await ServeOnceAsync(scenario, outsider, aftersale, visitor);

        Assert.True((await Book(scenario).BindAsync(outsider, visitor)).Succeeded);
        var result = await scenario.Engine.StartAsync(new StartRequest(visitor, entry));

        Assert.Equal(outsider, result.Conversation!.AgentId);
    }

    [Fact]
    public async Task A_colleagues_contact_can_be_neither_taken_nor_released_and_stays_his()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var b = await scenario.AddAgentAsync("b");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        var visitor = await scenario.AddVisitorAsync();
        await scenario.OnlineAsync(a);
        await ServeOnceAsync(scenario, a, entry, visitor);
        Assert.True((await Book(scenario).BindAsync(a, visitor)).Succeeded);

        Assert.Equal("PrivateContactTaken", (await Book(scenario).BindAsync(b, visitor)).Violation!.Code);
        Assert.Equal("PrivateContactNotYours", (await Book(scenario).UnbindAsync(b, visitor)).Violation!.Code);

        Assert.Equal(a, await StoredOwnerAsync(scenario, visitor));
        Assert.Empty(await Book(scenario).MineAsync(b));
    }

    [Fact]
    public async Task Two_agents_binding_the_same_visitor_at_once_get_one_binding_and_one_refusal()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var b = await scenario.AddAgentAsync("b");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0), new MemberAssignment(b, 0));
        var visitor = await scenario.AddVisitorAsync();
        await scenario.OnlineAsync(a);
        await ServeOnceAsync(scenario, a, entry, visitor);
        await scenario.Engine.SetStatusAsync(a, AgentStatus.Away);
        await scenario.OnlineAsync(b);
        await ServeOnceAsync(scenario, b, entry, visitor);

        var outcomes = await Task.WhenAll(Book(scenario).BindAsync(a, visitor), Book(scenario).BindAsync(b, visitor));

        var winner = Assert.Single(outcomes.Zip([a, b]), o => o.First.Succeeded).Second;
        Assert.Equal("PrivateContactTaken", Assert.Single(outcomes, o => !o.Succeeded).Violation!.Code);
        Assert.Equal(winner, await StoredOwnerAsync(scenario, visitor));
    }

    [Fact]
    public async Task The_engine_step_that_changes_the_binding_is_the_one_that_refuses_a_colleagues_contact()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var b = await scenario.AddAgentAsync("b");
        var visitor = await scenario.AddVisitorAsync();
        await scenario.Engine.BindPrivateContactAsync(a, visitor);

        var taken = await Assert.ThrowsAsync<RuleViolationException>(() => scenario.Engine.BindPrivateContactAsync(b, visitor));
        var notYours = await Assert.ThrowsAsync<RuleViolationException>(() => scenario.Engine.UnbindPrivateContactAsync(b, visitor));
        await scenario.Engine.BindPrivateContactAsync(a, visitor); // his own again: nothing changes

        Assert.Equal("PrivateContactTaken", taken.Violation.Code);
        Assert.Equal("PrivateContactNotYours", notYours.Violation.Code);
        Assert.Equal(a, await StoredOwnerAsync(scenario, visitor));
    }

    [Fact]
    public async Task An_admin_may_release_a_colleagues_contact_and_then_routing_is_ordinary_again()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var admin = await scenario.AddAgentAsync("boss", role: AccountRole.Admin);
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        var visitor = await scenario.AddVisitorAsync();
        await Book(scenario).BindAsync(admin, visitor);
        await scenario.OnlineAsync(a);

        Assert.True((await Book(scenario).UnbindAsync(a, visitor, mayReleaseAnyone: true)).Succeeded);

        Assert.Null(await StoredOwnerAsync(scenario, visitor));
        Assert.Equal(a, (await scenario.Engine.StartAsync(new StartRequest(visitor, entry))).Conversation!.AgentId);
    }

    [Fact]
    public async Task Bad_bindings_change_nothing()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var visitor = await scenario.AddVisitorAsync();

        Assert.Equal("VisitorUnknown", (await Book(scenario).BindAsync(a, visitorId: 999_999)).Violation!.Code);
        Assert.Equal("VisitorUnknown", (await Book(scenario).BindAsync(a, visitor)).Violation!.Code); // never served by a
        Assert.Equal("VisitorUnknown", (await Book(scenario).BindAsync(agentId: 999_999, visitor)).Violation!.Code);
        Assert.Equal("PrivateContactNotBound", (await Book(scenario).UnbindAsync(a, visitor)).Violation!.Code);

        await using var db = scenario.NewContext();
        Assert.Equal(0, await db.PrivateContacts.CountAsync());
    }
}
