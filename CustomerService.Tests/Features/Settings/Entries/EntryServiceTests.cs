using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Domain.Organisation;
using CustomerService.Web.Features.Settings.Entries;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Settings.Entries;

public sealed class EntryServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ReceptionGroup _presale = null!;

    private EntryService Service => _database.GetRequiredService<EntryService>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _presale = await _database.AddReceptionGroupAsync("售前");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Creating_an_entry_with_a_generated_code_binds_it_to_its_group_with_a_secret()
    {
        var code = ConsultationEntry.GenerateCode();

        var created = await Service.CreateAsync(code, "售前咨询", _presale.Id);

        Assert.True(created.Succeeded, created.Violation?.ToString());
        var row = Assert.Single(await Service.ListAsync());
        Assert.Equal((code, "售前咨询", "售前"), (row.Code, row.Name, row.ReceptionGroupName));
        Assert.Equal(64, row.Secret.Length);
    }

    [Fact]
    public async Task An_entry_code_already_used_is_refused_and_nothing_is_added()
    {
        var existing = await _database.AddEntryAsync("presale", _presale.Id);

        var created = await Service.CreateAsync("presale", "另一个入口", _presale.Id);

        Assert.Equal("EntryCodeTaken", created.Violation?.Code);
        await using var db = _database.NewContext();
        var only = await db.ConsultationEntries.SingleAsync();
        Assert.Equal((existing.Id, "presale"), (only.Id, only.Name));
    }

    [Fact]
    public async Task Editing_an_entry_renames_and_rebinds_it_but_keeps_its_code()
    {
        var aftersale = await _database.AddReceptionGroupAsync("售后");
        var entry = await _database.AddEntryAsync("presale", _presale.Id);

        var updated = await Service.UpdateAsync(entry.Id, "售后咨询", aftersale.Id);

        Assert.True(updated.Succeeded);
        var row = Assert.Single(await Service.ListAsync());
        Assert.Equal(("presale", "售后咨询", aftersale.Id), (row.Code, row.Name, row.ReceptionGroupId));
    }

    [Fact]
    public async Task Rotating_the_secret_replaces_it()
    {
        var entry = await _database.AddEntryAsync("presale", _presale.Id);

        var rotated = await Service.RotateSecretAsync(entry.Id);

        Assert.True(rotated.Succeeded);
        Assert.NotEqual(entry.Secret, Assert.Single(await Service.ListAsync()).Secret);
    }

    [Fact]
    public async Task Deleting_an_entry_removes_it()
    {
        var entry = await _database.AddEntryAsync("presale", _presale.Id);

        Assert.True((await Service.DeleteAsync(entry.Id)).Succeeded);

        Assert.Empty(await Service.ListAsync());
    }

    [Fact]
    public void The_snippet_loads_the_widget_from_the_site_with_the_entry_code() =>
        Assert.Equal(
            "<script src=\"https://cs.example.com/widget.js\" data-entry=\"presale\" async></script>",
            EntryService.Snippet("https://cs.example.com/", "presale"));
}
