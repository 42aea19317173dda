using CustomerService.Domain.Security;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Security;
using CustomerService.Web.Features.Settings.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Security;

/// <summary>
/// SPEC B's data scope against a real database: which conversations, visitors, files and customers each role's account
/// sees. The history below: sales1, sales2 and sales3 each served one visitor; sales3 handed one to sales1 and invited
/// sales2 into another; one request was never served.
/// </summary>
public sealed class DataScopeFilterTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private DemoTeam _team = null!;
    private Dictionary<string, StoredConversation> _history = null!;

    private DataScopeFilter Filter => _db.GetRequiredService<DataScopeFilter>();

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _team = await DemoTeam.AddToAsync(_db);
        _history = new Dictionary<string, StoredConversation>
        {
            ["bySales1"] = await new StoredConversationBuilder().ServedBy(_team.Sales1).WithFile().WithCustomerProfile("甲").SaveAsync(_db),
            ["bySales2"] = await new StoredConversationBuilder().ServedBy(_team.Sales2).SaveAsync(_db),
            ["bySales3"] = await new StoredConversationBuilder().ServedBy(_team.Sales3).WithFile().WithCustomerProfile("丙").SaveAsync(_db),
            ["transferredToSales1"] = await new StoredConversationBuilder().ServedBy(_team.Sales3).TransferredTo(_team.Sales1).SaveAsync(_db),
            ["sales2Invited"] = await new StoredConversationBuilder().ServedBy(_team.Sales3).Inviting(_team.Sales2).SaveAsync(_db),
            ["neverServed"] = await new StoredConversationBuilder().SaveAsync(_db),
        };
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("admin", "bySales1 bySales2 bySales3 transferredToSales1 sales2Invited neverServed")]
    [InlineData("qc", "bySales1 bySales2 bySales3 transferredToSales1 sales2Invited neverServed")]
    [InlineData("lead", "bySales1 bySales2 transferredToSales1 sales2Invited")]
    [InlineData("sales1", "bySales1 transferredToSales1")]
    [InlineData("sales2", "bySales2 sales2Invited")]
    [InlineData("sales3", "bySales3 transferredToSales1 sales2Invited")]
    public async Task Each_role_sees_the_records_spec_b_gives_it(string login, string expected)
    {
        var visible = await Filter.ForAsync(_team[login], ScopedModule.Records);

        await using var db = _db.NewContext();
        var ids = await visible.Conversations(db).Select(c => c.Id).ToListAsync();
        Assert.Equal(Names(expected), NamesOf(ids));
    }

    [Theory]
    [InlineData("admin", "bySales1 bySales2 bySales3 transferredToSales1 sales2Invited neverServed")]
    [InlineData("qc", "bySales1 bySales2 bySales3 transferredToSales1 sales2Invited neverServed")]
    [InlineData("lead", "bySales1 bySales2 transferredToSales1 sales2Invited")]
    [InlineData("sales3", "bySales3 transferredToSales1 sales2Invited")]
    public async Task Kpi_uses_the_same_scope_and_qc_sees_every_agent(string login, string expected)
    {
        var visible = await Filter.ForAsync(_team[login], ScopedModule.Kpi);

        await using var db = _db.NewContext();
        Assert.Equal(Names(expected), NamesOf(await visible.Conversations(db).Select(c => c.Id).ToListAsync()));
    }

    [Theory]
    [InlineData("admin", "admin lead qc sales1 sales2 sales3")]
    [InlineData("qc", "admin lead qc sales1 sales2 sales3")]
    [InlineData("lead", "lead sales1 sales2")]
    [InlineData("sales3", "sales3")]
    public async Task Kpi_shows_the_figures_of_every_agent_the_group_or_oneself(string login, string expected)
    {
        var visible = await Filter.ForAsync(_team[login], ScopedModule.Kpi);

        await using var db = _db.NewContext();
        Assert.Equal(Names(expected), (await visible.Accounts(db).Select(a => a.LoginName).ToListAsync()).Order());
    }

    [Theory]
    [InlineData("admin", "bySales1 bySales2 bySales3 transferredToSales1 sales2Invited neverServed")]
    [InlineData("lead", "bySales1 bySales2 transferredToSales1 sales2Invited")]
    [InlineData("sales2", "bySales2 sales2Invited")]
    public async Task Visible_visitors_are_those_with_a_visible_conversation(string login, string expected)
    {
        var visible = await Filter.ForAsync(_team[login], ScopedModule.Records);

        await using var db = _db.NewContext();
        var visitorIds = await visible.Visitors(db).Select(v => v.Id).ToListAsync();
        Assert.Equal(Names(expected), _history.Where(h => visitorIds.Contains(h.Value.VisitorId)).Select(h => h.Key).Order());
    }

    [Theory]
    [InlineData("admin", "bySales1 bySales3")]
    [InlineData("qc", "bySales1 bySales3")]
    [InlineData("lead", "bySales1")]
    [InlineData("sales1", "bySales1")]
    [InlineData("sales2", "")]
    [InlineData("sales3", "bySales3")]
    public async Task Files_are_those_of_visible_visitors(string login, string expected)
    {
        var visible = await Filter.ForAsync(_team[login], ScopedModule.Records);

        await using var db = _db.NewContext();
        var fileIds = await visible.Files(db).Select(m => m.Id).ToListAsync();
        Assert.Equal(Names(expected), _history.Where(h => h.Value.FileMessageId is { } id && fileIds.Contains(id)).Select(h => h.Key).Order());
    }

    [Theory]
    [InlineData("admin", "甲 丙")]
    [InlineData("lead", "甲")]
    [InlineData("sales1", "甲")]
    [InlineData("sales2", "")]
    [InlineData("qc", "")]
    public async Task Crm_customers_follow_the_crm_scope_where_qc_has_only_his_own(string login, string expected)
    {
        var visible = await Filter.ForAsync(_team[login], ScopedModule.Crm);

        await using var db = _db.NewContext();
        var names = await visible.Customers(db).Select(c => c.Name!).ToListAsync();
        Assert.Equal(Names(expected), names.Order());
    }

    [Fact]
    public async Task A_disabled_account_sees_nothing_whatever_its_role()
    {
        var disabled = await _db.GetRequiredService<AccountSettingsService>().SetEnabledAsync(_team.Lead, enabled: false, actingAccountId: _team.Admin);
        Assert.True(disabled.Succeeded, disabled.Violation?.ToString());

        var visible = await Filter.ForAsync(_team.Lead, ScopedModule.Records);

        await using var db = _db.NewContext();
        Assert.Equal(DataScope.None, visible.Scope);
        Assert.Empty(await visible.Conversations(db).ToListAsync());
        Assert.False(await Filter.MaySeeVisitorAsync(_team.Lead, ScopedModule.Records, _history["bySales1"].VisitorId));
    }

    [Fact]
    public async Task May_see_visitor_answers_per_visitor_with_the_same_rule()
    {
        Assert.True(await Filter.MaySeeVisitorAsync(_team.Lead, ScopedModule.Records, _history["bySales2"].VisitorId));
        Assert.False(await Filter.MaySeeVisitorAsync(_team.Lead, ScopedModule.Records, _history["bySales3"].VisitorId));
        Assert.True(await Filter.MaySeeVisitorAsync(_team.Qc, ScopedModule.Records, _history["bySales3"].VisitorId));
        Assert.False(await Filter.MaySeeVisitorAsync(_team.Qc, ScopedModule.Crm, _history["bySales3"].VisitorId));
    }

    private static IEnumerable<string> Names(string spaced) => spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order();

    private IEnumerable<string> NamesOf(IEnumerable<long> conversationIds) =>
        _history.Where(h => conversationIds.Contains(h.Value.Id)).Select(h => h.Key).Order();
}
