using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Settings.Accounts;

namespace CustomerService.Tests.Features.Settings.Accounts;

public sealed class AccountWithHistoryTests
{
    [Fact]
    public async Task An_account_that_served_conversations_cannot_be_deleted_and_stays()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var admin = await scenario.AddAgentAsync("boss", role: AccountRole.Admin);
        var agent = await scenario.AddAgentAsync("a");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(agent, 0));
        await scenario.OnlineAsync(agent);
        await scenario.StartActiveAsync(entry);

        var outcome = await scenario.Database.GetRequiredService<AccountSettingsService>().DeleteAsync(agent, admin);

        Assert.Equal("AccountHasHistory", outcome.Violation?.Code);
        await using var db = scenario.NewContext();
        Assert.Contains(db.Accounts, a => a.Id == agent);
    }
}
