using CustomerService.Domain.Customers;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Customers;

namespace CustomerService.Tests.Features.Customers;

/// <summary>SPEC F7 客户信息: saved for the CRM, readable and editable by the agents who served the visitor and by admins.</summary>
public sealed class CustomerProfileServiceTests
{
    [Fact]
    public async Task The_serving_agent_saves_the_customers_details_and_reads_them_back()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (agent, visitor) = await ServedAsync(scenario);

        var saved = await Profiles(scenario).SaveAsync(agent, visitor, new CustomerDetails(" 张三 ", "13800000000", "zhang@example.com", "老客户"));

        Assert.True(saved.Succeeded);
        Assert.Equal(new CustomerDetails("张三", "13800000000", "zhang@example.com", "老客户"), await Profiles(scenario).GetAsync(agent, visitor));
    }

    [Theory]
    [InlineData("abc", null, "PhoneFormat")]
    [InlineData(null, "not-an-email", "EmailFormat")]
    public async Task Bad_details_are_refused_and_nothing_is_stored(string? phone, string? email, string code)
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (agent, visitor) = await ServedAsync(scenario);

        var refused = await Profiles(scenario).SaveAsync(agent, visitor, new CustomerDetails("张三", phone, email, null));

        Assert.Equal(code, refused.Violation?.Code);
        await using var db = scenario.NewContext();
        Assert.Empty(db.CustomerProfiles);
    }

    [Fact]
    public async Task An_agent_who_never_served_the_visitor_can_neither_read_nor_edit_him_but_an_admin_can()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var (agent, visitor) = await ServedAsync(scenario);
        await Profiles(scenario).SaveAsync(agent, visitor, new CustomerDetails("张三", null, null, "VIP"));
        var stranger = await scenario.AddAgentAsync("stranger");
        var admin = await scenario.AddAgentAsync("boss", role: AccountRole.Admin);

        Assert.Null(await Profiles(scenario).GetAsync(stranger, visitor));
        Assert.Equal("CustomerNotFound", (await Profiles(scenario).SaveAsync(stranger, visitor, new CustomerDetails("李四", null, null, null))).Violation?.Code);
        Assert.Equal("张三", (await Profiles(scenario).GetAsync(admin, visitor))!.Name);
    }

    private static CustomerProfileService Profiles(EngineScenario scenario) => scenario.Database.GetRequiredService<CustomerProfileService>();

    private static async Task<(int Agent, long Visitor)> ServedAsync(EngineScenario scenario)
    {
        var agent = await scenario.AddAgentAsync("a");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(agent, 0));
        await scenario.OnlineAsync(agent);
        var visitor = await scenario.AddVisitorAsync();
        await scenario.StartActiveAsync(entry, visitor);
        return (agent, visitor);
    }
}
