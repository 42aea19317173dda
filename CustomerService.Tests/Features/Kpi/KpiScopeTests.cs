using System.Net;
using CustomerService.Data;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Kpi;

/// <summary>
/// SPEC I3 scope selector: enterprise, account group or agent within the role's reach, decided on the server. Demo
/// groups: 售前组 = lead, sales1, sales2; 售后组 = sales3; 管理部 = admin.
/// </summary>
public sealed class KpiScopeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_team_lead_may_pick_his_group_and_its_agents_and_nothing_else()
    {
        var reach = await ReachOfAsync("lead");
        var presale = await GroupIdAsync("售前组");
        var aftersale = await GroupIdAsync("售后组");

        var own = await Audiences().WithinReachAsync(reach, ReportScope.AccountGroup(presale));
        var other = await Audiences().WithinReachAsync(reach, ReportScope.AccountGroup(aftersale));
        var colleague = await Audiences().WithinReachAsync(reach, ReportScope.Agent(await app.AccountIdAsync("sales1")));
        var stranger = await Audiences().WithinReachAsync(reach, ReportScope.Agent(await app.AccountIdAsync("sales3")));

        Assert.Equal(await IdsAsync("lead", "sales1", "sales2"), own!.AgentIds.Order());
        Assert.False(own.WholeEnterprise);
        Assert.Null(other);
        Assert.Equal([await app.AccountIdAsync("sales1")], colleague!.AgentIds);
        Assert.Null(stranger);
    }

    [Fact]
    public async Task A_sales_agent_may_pick_only_himself()
    {
        var reach = await ReachOfAsync("sales2");

        Assert.Null(await Audiences().WithinReachAsync(reach, ReportScope.Agent(await app.AccountIdAsync("sales1"))));
        Assert.Null(await Audiences().WithinReachAsync(reach, ReportScope.AccountGroup(await GroupIdAsync("售前组"))));
        var self = await Audiences().WithinReachAsync(reach, ReportScope.Agent(await app.AccountIdAsync("sales2")));
        Assert.Equal([await app.AccountIdAsync("sales2")], self!.AgentIds);
    }

    [Fact]
    public async Task An_admin_may_pick_any_group_but_not_one_that_does_not_exist()
    {
        var reach = await ReachOfAsync("admin");

        var aftersale = await Audiences().WithinReachAsync(reach, ReportScope.AccountGroup(await GroupIdAsync("售后组")));

        Assert.Equal([await app.AccountIdAsync("sales3")], aftersale!.AgentIds);
        Assert.Null(await Audiences().WithinReachAsync(reach, ReportScope.AccountGroup(999_999)));
        Assert.Same(reach, await Audiences().WithinReachAsync(reach, ReportScope.Reach));
    }

    [Fact]
    public async Task The_selector_offers_a_team_lead_only_his_group_and_its_agents()
    {
        var options = await Audiences().OptionsAsync(await ReachOfAsync("lead"));

        Assert.False(options.WholeEnterprise);
        Assert.Equal(["售前组"], options.AccountGroups.Select(g => g.Name));
        Assert.Equal(3, options.Agents.Count);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("group-3", true)]
    [InlineData("agent-12", true)]
    [InlineData("group-0", false)]
    [InlineData("team-3", false)]
    [InlineData("agent-x", false)]
    [InlineData("agent--1", false)]
    [InlineData("-3", false)]
    public void A_scope_reads_from_and_writes_to_the_query_string(string text, bool readable)
    {
        Assert.Equal(readable, ReportScope.TryParse(text, out var scope));
        if (readable)
        {
            Assert.Equal(text, scope.ToString());
        }
    }

    [Fact]
    public async Task A_download_for_a_scope_outside_reach_is_refused_and_writes_no_file()
    {
        using var lead = await app.SignInAsync("lead");

        using var response = await lead.GetAsync($"/kpi/details.xlsx?from=2026-11-01&to=2026-11-30&scope=group-{await GroupIdAsync("售后组")}");
        using var malformed = await lead.GetAsync("/kpi/details.xlsx?from=2026-11-01&to=2026-11-30&scope=everyone");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task A_page_for_a_scope_outside_reach_says_so_and_shows_no_figure()
    {
        using var sales = await app.SignInAsync("sales2");

        var html = await (await sales.GetAsync($"/kpi/consultation?scope=agent-{await app.AccountIdAsync("sales1")}")).ReadHtmlAsync();
        var own = await (await sales.GetAsync($"/kpi/consultation?scope=agent-{await app.AccountIdAsync("sales2")}")).ReadHtmlAsync();

        Assert.Contains("data-testid=\"kpi-out-of-reach\"", html);
        Assert.DoesNotContain("data-testid=\"kpi-figure\"", html);
        Assert.DoesNotContain("kpi-out-of-reach", own);
        Assert.Contains("data-testid=\"kpi-figure\"", own);
    }

    [Fact]
    public async Task A_period_in_a_link_that_cannot_be_used_is_said_and_the_default_period_shown()
    {
        using var admin = await app.SignInAsync("admin");

        var tooLong = await (await admin.GetAsync("/kpi?from=2025-01-01&to=2026-06-01")).ReadHtmlAsync();
        var unreadable = await (await admin.GetAsync("/kpi/details?from=2026-13-01&to=2026-01-01")).ReadHtmlAsync();
        var fine = await (await admin.GetAsync("/kpi?from=2026-01-01&to=2026-01-31")).ReadHtmlAsync();

        Assert.Contains("data-testid=\"kpi-query-problem\"", tooLong);
        Assert.Contains("统计时段最长 366 天。", tooLong);
        Assert.Contains("data-testid=\"kpi-query-problem\"", unreadable);
        Assert.Contains("data-testid=\"kpi-figure\"", unreadable);
        Assert.DoesNotContain("kpi-query-problem", fine);
    }

    private ReportAudienceResolver Audiences() => app.Services.GetRequiredService<ReportAudienceResolver>();

    private async Task<ReportAudience> ReachOfAsync(string login) => await Audiences().ForAccountAsync(await app.AccountIdAsync(login));

    private async Task<int> GroupIdAsync(string name)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContextAsync();
        return await db.AccountGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync();
    }

    private async Task<IOrderedEnumerable<int>> IdsAsync(params string[] logins)
    {
        var ids = new List<int>();
        foreach (var login in logins)
        {
            ids.Add(await app.AccountIdAsync(login));
        }

        return ids.Order();
    }
}
