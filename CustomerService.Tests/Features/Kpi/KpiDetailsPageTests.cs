using Bunit;
using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Kpi;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Settings.ColumnLayouts;
using CustomerService.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CustomerService.Tests.Features.Kpi;

/// <summary>
/// 详细数据 (SPEC I1, issue 11): the columns an account picks are saved and shown on his next visit, a saved column the
/// page no longer has is dropped with a notice, and the rows sort by a column header.
/// </summary>
public sealed class KpiDetailsPageTests : BunitTestBase
{
    private TestDatabase _db = default!;
    private int _admin;

    [Fact]
    public async Task Columns_picked_and_saved_are_the_columns_of_the_next_visit()
    {
        await using var db = await ArrangeAsync();
        RenderPopoverProvider();
        var first = Render<KpiDetailsPage>();
        first.WaitForElement("[data-testid=kpi-detail-table]");

        var select = first.FindComponent<MudSelect<string>>();
        await first.InvokeAsync(() => select.Instance.SelectedValuesChanged.InvokeAsync(["valid", "saturation", "consultations"]));
        first.Find("[data-testid=kpi-columns-save]").Click();
        await first.InvokeAsync(() => Task.CompletedTask);
        var second = Render<KpiDetailsPage>();
        second.WaitForElement("[data-testid=kpi-detail-table]");

        // Columns kept in their place, newly picked ones after them: the defaults' 咨询总量 and 有效咨询 first.
        Assert.Equal(["consultations", "valid", "saturation"], FigureColumns(second));
        var stored = await _db.GetRequiredService<ColumnLayoutStore>()
            .ReadAsync(_admin, KpiDetailColumns.View, KpiMetrics.Names, KpiDetailColumns.Defaults);
        Assert.Equal(["consultations", "valid", "saturation"], stored.Columns);
        Assert.Empty(second.FindAll("[data-testid=kpi-columns-ignored]"));
    }

    [Fact]
    public async Task A_saved_column_the_page_no_longer_has_is_ignored_with_a_notice_naming_it()
    {
        await using var db = await ArrangeAsync();
        await using (var context = _db.NewContext())
        {
            context.ColumnLayouts.Add(ColumnLayout.Create(_admin, KpiDetailColumns.View, ["avgMessages", "retiredFigure", "valid"], DateTime.UtcNow).Value!);
            await context.SaveChangesAsync();
        }

        var page = Render<KpiDetailsPage>();
        page.WaitForElement("[data-testid=kpi-detail-table]");

        Assert.Equal(["avgMessages", "valid"], FigureColumns(page));
        Assert.Contains("retiredFigure", page.Find("[data-testid=kpi-columns-ignored]").TextContent, StringComparison.Ordinal);
        // An empty denominator (nobody had a valid consultation) is “–”, never 0.
        var average = page.FindAll("[data-testid=kpi-figure][data-metric=avgMessages]");
        Assert.NotEmpty(average);
        Assert.All(average, f => Assert.Equal(KpiFormat.Empty, f.TextContent.Trim()));
    }

    [Fact]
    public async Task The_agent_rows_sort_by_a_header_both_ways()
    {
        await using var db = await ArrangeAsync();
        var page = Render<KpiDetailsPage>();
        page.WaitForElement("[data-testid=kpi-detail-table]");
        Assert.Equal(["admin", "sales1", "sales2"], Logins(page));

        page.FindAll(".mud-table-sort-label")[0].Click();
        page.FindAll(".mud-table-sort-label")[0].Click();

        page.WaitForAssertion(() => Assert.Equal(["sales2", "sales1", "admin"], Logins(page)));
    }

    [Fact]
    public async Task By_group_the_table_has_a_row_per_account_group_with_its_agent_count()
    {
        await using var db = await ArrangeAsync();
        var page = Render<KpiDetailsPage>();
        page.WaitForElement("[data-testid=kpi-detail-table]");

        var rows = page.FindComponent<MudToggleGroup<KpiDetailRows>>();
        await page.InvokeAsync(() => rows.Instance.ValueChanged.InvokeAsync(KpiDetailRows.Groups));

        page.WaitForAssertion(() => Assert.Equal(
            [("售前组", "2"), ("管理部", "1")],
            page.FindAll("[data-testid=kpi-detail-table] tbody tr")
                .Select(r => (r.QuerySelector("td[data-group]")!.GetAttribute("data-group")!, r.QuerySelectorAll("td")[1].TextContent.Trim()))
                .OrderBy(g => g.Item1, StringComparer.Ordinal)));
    }

    /// <summary>Three agents in a fresh database, the admin signed in; the test disposes the database it gets.</summary>
    private async Task<TestDatabase> ArrangeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.AddEnterpriseAsync();
        _admin = await _db.AddAccountAsync("admin", groupName: "管理部", role: AccountRole.Admin);
        await _db.AddAccountAsync("sales1");
        await _db.AddAccountAsync("sales2");
        Services.AddSingleton(_db.GetRequiredService<ReportService>());
        Services.AddSingleton(_db.GetRequiredService<ReportAudienceResolver>());
        Services.AddSingleton(_db.GetRequiredService<EnterpriseTimeZone>());
        Services.AddSingleton(_db.GetRequiredService<ColumnLayoutStore>());
        SignInAs(AccountRole.Admin, _admin);
        return _db;
    }

    /// <summary>The figure columns of the first agent row, by their N5 names.</summary>
    private static List<string> FigureColumns(IRenderedComponent<KpiDetailsPage> page) =>
        [.. page.Find("[data-testid=kpi-detail-table] tbody tr").QuerySelectorAll("[data-testid=kpi-figure]").Select(f => f.GetAttribute("data-metric")!)];

    private static List<string> Logins(IRenderedComponent<KpiDetailsPage> page) =>
        [.. page.FindAll("[data-testid=kpi-detail-table] tbody td[data-login]").Select(td => td.GetAttribute("data-login")!)];
}
