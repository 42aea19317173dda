using CustomerService.Domain.Customers;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Customers;

namespace CustomerService.Tests.Features.Customers;

/// <summary>SPEC F7 客户信息: saved for the CRM, readable and editable within the CRM data scope (SPEC B).</summary>
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
        Assert.Empty(db.Customers);
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

    [Theory]
    [InlineData("admin", true)]
    [InlineData("lead", true)]
    [InlineData("sales1", true)]
    [InlineData("sales2", false)]
    [InlineData("sales3", false)]
    [InlineData("qc", false)]
    public async Task Customer_details_follow_the_crm_scope_of_spec_b(string login, bool sees)
    {
        // sales1 (售前组) served the visitor: his team lead sees the customer, QC only sees his own customers.
        await using var db = await TestDatabase.CreateAsync();
        var team = await DemoTeam.AddToAsync(db);
        var served = await new StoredConversationBuilder().ServedBy(team.Sales1).WithCustomerProfile("张三").SaveAsync(db);
        var profiles = db.GetRequiredService<CustomerProfileService>();

        var read = await profiles.GetAsync(team[login], served.VisitorId);
        var saved = await profiles.SaveAsync(team[login], served.VisitorId, new CustomerDetails("李四", null, null, null));

        Assert.Equal(sees ? "张三" : null, read?.Name);
        Assert.Equal(sees ? null : "CustomerNotFound", saved.Violation?.Code);
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
