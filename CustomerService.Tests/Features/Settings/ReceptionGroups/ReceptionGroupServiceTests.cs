using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Domain.Organisation;
using CustomerService.Web.Features.Settings.ReceptionGroups;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Settings.ReceptionGroups;

public sealed class ReceptionGroupServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private ReceptionGroupService Service => _database.GetRequiredService<ReceptionGroupService>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Creating_a_group_stores_its_members_across_account_groups_and_skin()
    {
        var sales1 = await _database.AddAccountAsync("sales1", groupName: "售前组");
        var sales3 = await _database.AddAccountAsync("sales3", groupName: "售后组");
        var form = new ReceptionGroupFormModel
        {
            Name = " 售前 ",
            SkinColor = "#43a047",
            Members = [new() { AccountId = sales1, Priority = 0 }, new() { AccountId = sales3, Priority = 2, Weight = 10 }],
        };

        var created = await Service.CreateAsync(form);

        Assert.True(created.Succeeded, created.Violation?.ToString());
        var row = Assert.Single(await Service.ListAsync());
        Assert.Equal(new ReceptionGroupRow(created.Value, "售前", "#43A047", 2, 0), row);
        var stored = await Service.GetAsync(created.Value);
        Assert.Contains(stored!.Members, m => m.AccountId == sales3 && m.Priority == 2 && m.Weight == 10);
    }

    [Fact]
    public async Task Editing_a_group_replaces_its_members()
    {
        var sales1 = await _database.AddAccountAsync("sales1");
        var sales2 = await _database.AddAccountAsync("sales2");
        var group = await _database.AddReceptionGroupAsync("售前", new MemberAssignment(sales1, 0));

        var updated = await Service.UpdateAsync(group.Id, new ReceptionGroupFormModel
        {
            Name = "售前咨询",
            SkinColor = "#E53935",
            Members = [new() { AccountId = sales2, Priority = 1 }],
        });

        Assert.True(updated.Succeeded, updated.Violation?.ToString());
        await using var db = _database.NewContext();
        var members = await db.ReceptionGroupMembers.Where(m => m.ReceptionGroupId == group.Id).ToListAsync();
        Assert.Equal(sales2, Assert.Single(members).AccountId);
        Assert.Equal("售前咨询", (await db.ReceptionGroups.SingleAsync()).Name);
    }

    [Fact]
    public async Task Deleting_a_reception_group_with_entries_is_refused_and_keeps_it()
    {
        var sales1 = await _database.AddAccountAsync("sales1");
        var group = await _database.AddReceptionGroupAsync("售前", new MemberAssignment(sales1, 0));
        await _database.AddEntryAsync("presale", group.Id);

        var deleted = await Service.DeleteAsync(group.Id);

        Assert.Equal("ReceptionGroupHasEntries", deleted.Violation?.Code);
        await using var db = _database.NewContext();
        Assert.True(await db.ReceptionGroups.AnyAsync(g => g.Id == group.Id));
        Assert.Equal(1, await db.ReceptionGroupMembers.CountAsync());
        Assert.Equal(1, await db.ConsultationEntries.CountAsync());
    }

    [Fact]
    public async Task Deleting_a_reception_group_without_entries_removes_it_and_its_members()
    {
        var sales1 = await _database.AddAccountAsync("sales1");
        var group = await _database.AddReceptionGroupAsync("售前", new MemberAssignment(sales1, 0));

        var deleted = await Service.DeleteAsync(group.Id);

        Assert.True(deleted.Succeeded);
        await using var db = _database.NewContext();
        Assert.False(await db.ReceptionGroups.AnyAsync());
        Assert.False(await db.ReceptionGroupMembers.AnyAsync());
    }

    [Fact]
    public async Task A_duplicate_reception_group_name_is_refused_and_nothing_is_added()
    {
        await _database.AddReceptionGroupAsync("售前");

        var created = await Service.CreateAsync(new ReceptionGroupFormModel { Name = "售前" });

        Assert.Equal("NameTaken", created.Violation?.Code);
        await using var db = _database.NewContext();
        Assert.Equal(1, await db.ReceptionGroups.CountAsync());
    }

    [Fact]
    public async Task Renaming_a_group_to_another_groups_name_is_refused_and_keeps_both()
    {
        await _database.AddReceptionGroupAsync("售前");
        var aftersale = await _database.AddReceptionGroupAsync("售后");

        var updated = await Service.UpdateAsync(aftersale.Id, new ReceptionGroupFormModel { Name = "售前" });

        Assert.Equal("NameTaken", updated.Violation?.Code);
        await using var db = _database.NewContext();
        Assert.Equal(["售前", "售后"], await db.ReceptionGroups.OrderBy(g => g.Name).Select(g => g.Name).ToListAsync());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10)]
    public async Task A_member_priority_out_of_range_is_refused_and_nothing_changes(int priority)
    {
        var sales1 = await _database.AddAccountAsync("sales1");
        var group = await _database.AddReceptionGroupAsync("售前", new MemberAssignment(sales1, 0));

        var updated = await Service.UpdateAsync(group.Id, new ReceptionGroupFormModel
        {
            Name = "售前",
            Members = [new() { AccountId = sales1, Priority = priority }],
        });
        var created = await Service.CreateAsync(new ReceptionGroupFormModel
        {
            Name = "售后",
            Members = [new() { AccountId = sales1, Priority = priority }],
        });

        Assert.Equal("PriorityRange", updated.Violation?.Code);
        Assert.Equal("PriorityRange", created.Violation?.Code);
        await using var db = _database.NewContext();
        Assert.Equal(1, await db.ReceptionGroups.CountAsync());
        Assert.Equal(0, (await db.ReceptionGroupMembers.SingleAsync()).Priority);
    }

    [Fact]
    public async Task An_invalid_skin_colour_is_refused_and_nothing_is_added()
    {
        var created = await Service.CreateAsync(new ReceptionGroupFormModel { Name = "售前", SkinColor = "blue" });

        Assert.Equal("SkinColorFormat", created.Violation?.Code);
        await using var db = _database.NewContext();
        Assert.False(await db.ReceptionGroups.AnyAsync());
    }

    [Fact]
    public async Task Member_candidates_are_the_enabled_accounts_of_every_account_group()
    {
        await _database.AddAccountAsync("sales1", groupName: "售前组");
        await _database.AddAccountAsync("sales3", groupName: "售后组");
        var gone = await _database.AddAccountAsync("gone");
        await using (var db = _database.NewContext())
        {
            (await db.Accounts.SingleAsync(a => a.Id == gone)).Disable();
            await db.SaveChangesAsync();
        }

        var candidates = await Service.CandidatesAsync(null);

        Assert.Equal(["sales1", "sales3"], candidates.Select(c => c.LoginName).Order());
    }
}
