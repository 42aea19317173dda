using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Invitations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Routing;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Invitations;

/// <summary>The arrangement and checks the engine's invitation tests share.</summary>
internal static class InvitationScenario
{
    internal sealed record Setup(EngineScenario Scenario, int Agent, int Colleague, string Entry, long Visitor);

    /// <summary>Agent a (max load 2) and colleague b in 售前 (entry presale), both Online; one visitor on the site.</summary>
    internal static async Task<Setup> SetUpAsync()
    {
        var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a", maxLoad: 2);
        var b = await scenario.AddAgentAsync("b");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0), new MemberAssignment(b, 0));
        await scenario.OnlineAsync(a, b);
        return new Setup(scenario, a, b, entry, await scenario.AddVisitorAsync());
    }

    internal static async Task<(int Invitations, int Conversations)> CountsAsync(EngineScenario scenario)
    {
        await using var db = scenario.NewContext();
        return (await db.Invitations.CountAsync(), await db.Conversations.CountAsync());
    }

    internal static async Task<string> RefusalAsync(Func<Task> act) =>
        (await Assert.ThrowsAsync<RuleViolationException>(act)).Violation.Code;

    internal static async Task<InvitationState> StoredStateAsync(EngineScenario scenario, long invitationId)
    {
        await using var db = scenario.NewContext();
        return (await db.Invitations.SingleAsync(i => i.Id == invitationId)).State;
    }

    /// <summary>An admin's change to an account, which reaches the engine through its roster, not as a command.</summary>
    internal static async Task ChangeAccountAsync(EngineScenario scenario, int accountId, Action<Account> change)
    {
        await using var db = scenario.NewContext();
        change(await db.Accounts.SingleAsync(x => x.Id == accountId));
        await db.SaveChangesAsync();
    }

    /// <summary>Agent a (max load 2) alone Online: one conversation and one pending invitation fill him.</summary>
    internal static async Task<(Setup Setup, PendingInvitationView Invitation)> FillAWithAnInvitationAsync()
    {
        var setup = await SetUpAsync();
        await setup.Scenario.Engine.SetStatusAsync(setup.Colleague, AgentStatus.Away);
        await setup.Scenario.StartActiveAsync(setup.Entry);
        var invitation = await setup.Scenario.Engine.InviteAsync(new InviteRequest(setup.Agent, setup.Visitor, setup.Entry, "您好"));
        return (setup, invitation);
    }
}
