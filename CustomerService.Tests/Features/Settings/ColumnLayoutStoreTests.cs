using CustomerService.Data;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Settings.ColumnLayouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Settings;

/// <summary>Columns remembered per account and table; stale names ignored with a notice; bad choices change nothing.</summary>
public sealed class ColumnLayoutStoreTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Known = ["consultations", "valid", "invalid", "connectRate"];
    private static readonly string[] Defaults = ["consultations", "valid"];

    [Fact]
    public async Task An_account_that_never_chose_gets_the_defaults()
    {
        var choice = await Store().ReadAsync(await app.AccountIdAsync("sales3"), "test.never", Known, Defaults);

        Assert.Equal(Defaults, choice.Columns);
        Assert.Empty(choice.Unknown);
    }

    [Fact]
    public async Task A_saved_choice_is_read_back_for_that_account_and_table_only()
    {
        var lead = await app.AccountIdAsync("lead");
        Assert.True((await Store().SaveAsync(lead, "test.saved", ["invalid", "consultations"], Known)).Succeeded);
        Assert.True((await Store().SaveAsync(lead, "test.saved", ["connectRate", "valid"], Known)).Succeeded);

        Assert.Equal(["connectRate", "valid"], (await Store().ReadAsync(lead, "test.saved", Known, Defaults)).Columns);
        Assert.Equal(Defaults, (await Store().ReadAsync(lead, "test.other", Known, Defaults)).Columns);
        Assert.Equal(Defaults, (await Store().ReadAsync(await app.AccountIdAsync("sales1"), "test.saved", Known, Defaults)).Columns);
    }

    [Fact]
    public async Task A_saved_column_that_no_longer_exists_is_ignored_and_named()
    {
        var sales1 = await app.AccountIdAsync("sales1");
        await using (var db = await Db())
        {
            db.ColumnLayouts.Add(ColumnLayout.Create(sales1, "test.stale", ["valid", "retiredFigure"], DateTime.UtcNow).Value!);
            await db.SaveChangesAsync();
        }

        var choice = await Store().ReadAsync(sales1, "test.stale", Known, Defaults);

        Assert.Equal(["valid"], choice.Columns);
        Assert.Equal(["retiredFigure"], choice.Unknown);
    }

    [Fact]
    public async Task A_choice_naming_a_column_the_table_does_not_have_is_refused_and_changes_nothing()
    {
        var sales2 = await app.AccountIdAsync("sales2");
        await Store().SaveAsync(sales2, "test.refused", ["valid"], Known);

        var unknown = await Store().SaveAsync(sales2, "test.refused", ["valid", "noSuchFigure"], Known);
        var twice = await Store().SaveAsync(sales2, "test.refused", ["invalid", "invalid"], Known);
        var none = await Store().SaveAsync(sales2, "test.refused", [], Known);

        Assert.Equal("ColumnLayout.ColumnNameInvalid", unknown.Violation?.Code);
        Assert.Equal("ColumnLayout.DuplicateColumn", twice.Violation?.Code);
        Assert.Equal("ColumnLayout.NoColumns", none.Violation?.Code);
        Assert.Equal(["valid"], (await Store().ReadAsync(sales2, "test.refused", Known, Defaults)).Columns);
    }

    private ColumnLayoutStore Store() => app.Services.GetRequiredService<ColumnLayoutStore>();

    private Task<CustomerServiceDbContext> Db() => app.Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContextAsync();
}
