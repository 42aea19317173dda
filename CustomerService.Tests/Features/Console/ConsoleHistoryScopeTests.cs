using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Console;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Console;

/// <summary>
/// The console's 互动记录 and 用户轨迹 tabs (SPEC F7) follow the records scope of SPEC B, whoever asks: a visitor sales1
/// served (售前组) and one sales3 served (售后组).
/// </summary>
public sealed class ConsoleHistoryScopeTests
{
    [Theory]
    [InlineData("admin", true, true)]
    [InlineData("qc", true, true)]
    [InlineData("lead", true, false)]
    [InlineData("sales1", true, false)]
    [InlineData("sales2", false, false)]
    [InlineData("sales3", false, true)]
    public async Task The_visitor_history_is_shown_to_the_accounts_whose_records_show_the_visitor(string login, bool seesPresale, bool seesAftersale)
    {
        await using var scenario = await EngineScenario.StartAsync();
        var team = await DemoTeam.AddToAsync(scenario.Database);
        var presale = await new StoredConversationBuilder().ServedBy(team.Sales1).WithFile().SaveAsync(scenario.Database);
        var aftersale = await new StoredConversationBuilder().ServedBy(team.Sales3).WithFile().SaveAsync(scenario.Database);
        await using var scope = scenario.Database.Services.CreateAsyncScope();
        var console = scope.ServiceProvider.GetRequiredService<ConsoleSession>();
        await console.StartAsync(team[login], isAdmin: login == "admin");
        var reads = scope.ServiceProvider.GetRequiredService<ConsoleReads>();

        Assert.Equal(seesPresale, (await reads.VisitorHistoryAsync(presale.VisitorId)).Count > 0);
        Assert.Equal(seesAftersale, (await reads.VisitorHistoryAsync(aftersale.VisitorId)).Count > 0);
    }

    [Fact]
    public async Task A_sales_agent_claiming_admin_rights_at_start_still_sees_only_his_own_visitors()
    {
        // The role is the account's (ADR 002), read by the data scope, not what the page passed at start.
        await using var scenario = await EngineScenario.StartAsync();
        var team = await DemoTeam.AddToAsync(scenario.Database);
        var other = await new StoredConversationBuilder().ServedBy(team.Sales3).WithFile().SaveAsync(scenario.Database);
        await using var scope = scenario.Database.Services.CreateAsyncScope();
        var console = scope.ServiceProvider.GetRequiredService<ConsoleSession>();
        await console.StartAsync(team.Sales1, isAdmin: true);
        var reads = scope.ServiceProvider.GetRequiredService<ConsoleReads>();

        Assert.Empty(await reads.VisitorHistoryAsync(other.VisitorId));
    }
}
