using CustomerService.Domain.Customers;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Crm;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Crm;

/// <summary>
/// SPEC B for the CRM (J2): Admin sees every customer, a team lead those owned in his account group, Sales and QC their
/// own; nobody but the admin sees 未分配. Every path — list, customer page, edit, assign, delete — applies it.
/// </summary>
public sealed class CrmScopeTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private DemoTeam _team = null!;
    private readonly Dictionary<string, long> _ids = [];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _team = await DemoTeam.AddToAsync(_db);
        await using var db = _db.NewContext();
        var now = _db.Clock.GetUtcNow().UtcDateTime;
        foreach (var (name, owner) in new[] { ("甲", (int?)_team.Sales1), ("乙", _team.Sales2), ("丙", _team.Sales3), ("丁", _team.Qc), ("戊", null) })
        {
            var customer = Customer.Create(CustomerSource.Crm, new CustomerData(new CustomerDetails(name, null, null, null), "u-" + name, null), _team.Admin, owner, now);
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            _ids[name] = customer.Id;
        }
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private CustomerSearch Search => _db.GetRequiredService<CustomerSearch>();

    private CustomerBook Book => _db.GetRequiredService<CustomerBook>();

    [Theory]
    [InlineData("admin", OwnerFilter.All, "甲 乙 丙 丁 戊")]
    [InlineData("admin", OwnerFilter.Unassigned, "戊")]
    [InlineData("lead", OwnerFilter.All, "甲 乙")]
    [InlineData("lead", OwnerFilter.Unassigned, "")]
    [InlineData("sales1", OwnerFilter.All, "甲")]
    [InlineData("sales1", OwnerFilter.Unassigned, "")]
    [InlineData("sales3", OwnerFilter.Mine, "丙")]
    [InlineData("qc", OwnerFilter.All, "丁")]
    public async Task The_list_shows_the_customers_of_the_role_scope(string login, OwnerFilter owner, string expected)
    {
        var page = await Search.PageAsync(_team[login], new CustomerQuery { Owner = owner }, null, 50);

        Assert.Equal(Names(expected), page.Rows.Select(r => r.Name!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_customer_out_of_scope_is_not_found_on_his_page_and_cannot_be_edited_assigned_or_deleted()
    {
        var id = _ids["甲"];

        Assert.Null(await _db.GetRequiredService<CustomerCardReader>().ReadAsync(_team.Sales3, id));
        var edit = await Book.UpdateAsync(_team.Sales3, id, new CustomerForm(new CustomerData(new CustomerDetails("改", null, null, null), "u-甲", null), new Dictionary<int, string?>()));
        var abandon = await Book.AssignAsync(_team.Sales3, [id], null);
        var deleted = await Book.DeleteAsync(_team.Sales3, [id]);

        Assert.Equal("CustomerNotFound", edit.Violation?.Code);
        Assert.Equal(0, abandon.Value);
        Assert.Equal(0, deleted);
        await using var db = _db.NewContext();
        var stored = await db.Customers.SingleAsync(c => c.Id == id);
        Assert.Equal(("甲", (int?)_team.Sales1), (stored.Name, stored.OwnerAccountId));
    }

    [Fact]
    public async Task A_team_lead_assigns_within_his_group_only_and_the_history_records_it()
    {
        var id = _ids["甲"];

        var toSales2 = await Book.AssignAsync(_team.Lead, [id], _team.Sales2);
        var toSales3 = await Book.AssignAsync(_team.Lead, [id], _team.Sales3);

        Assert.Equal(1, toSales2.Value);
        Assert.Equal("Crm.OwnerNotAllowed", toSales3.Violation?.Code);
        var card = await _db.GetRequiredService<CustomerCardReader>().ReadAsync(_team.Admin, id);
        Assert.Equal(_team.Sales2, card!.Customer.OwnerAccountId);
        var line = Assert.Single(card.Assignments);
        Assert.Equal(("sales1", "sales2", "lead"), (line.From, line.To, line.By));
    }

    [Fact]
    public async Task An_agent_who_abandons_his_customer_no_longer_sees_him_and_the_admin_finds_him_unassigned()
    {
        var abandoned = await Book.AssignAsync(_team.Sales1, [_ids["甲"]], null);

        Assert.Equal(1, abandoned.Value);
        Assert.Empty((await Search.PageAsync(_team.Sales1, new CustomerQuery { Owner = OwnerFilter.Mine }, null, 50)).Rows);
        var unassigned = await Search.PageAsync(_team.Admin, new CustomerQuery { Owner = OwnerFilter.Unassigned }, null, 50);
        Assert.Equal(new[] { "戊", "甲" }, unassigned.Rows.Select(r => r.Name!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Pages_follow_one_another_newest_first_without_repeats_or_gaps()
    {
        var first = await Search.PageAsync(_team.Admin, new CustomerQuery(), null, 2);
        var second = await Search.PageAsync(_team.Admin, new CustomerQuery(), first.NextAfter, 2);
        var third = await Search.PageAsync(_team.Admin, new CustomerQuery(), second.NextAfter, 2);

        Assert.Equal(new[] { "戊", "丁", "丙", "乙", "甲" }, first.Rows.Concat(second.Rows).Concat(third.Rows).Select(r => r.Name!));
        Assert.Null(third.NextAfter);
    }

    [Fact]
    public async Task A_customer_added_on_the_crm_pages_is_the_adding_agents_and_a_taken_user_id_is_refused()
    {
        var added = await Book.CreateAsync(_team.Sales3, new CustomerForm(new CustomerData(new CustomerDetails("己", "13800138000", null, null), null, 3), new Dictionary<int, string?>()));
        var taken = await Book.CreateAsync(_team.Sales3, new CustomerForm(new CustomerData(new CustomerDetails("庚", null, null, null), "u-甲", null), new Dictionary<int, string?>()));

        Assert.True(added.Succeeded, added.Violation?.ToString());
        Assert.Equal("Crm.UserIdTaken(u-甲)", taken.Violation?.ToString());
        var mine = await Search.PageAsync(_team.Sales3, new CustomerQuery(), null, 50);
        Assert.Equal(new[] { "丙", "己" }, mine.Rows.Select(r => r.Name!).Order(StringComparer.Ordinal));
        await using var db = _db.NewContext();
        var stored = await db.Customers.SingleAsync(c => c.Id == added.Value);
        Assert.Equal((CustomerSource.Crm, (int?)_team.Sales3, (int?)_team.Sales3, (int?)3), (stored.Source, stored.CreatedByAccountId, stored.OwnerAccountId, stored.Star));
    }

    private static string[] Names(string names) => names.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();
}
