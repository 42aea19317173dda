using System.Globalization;
using System.Net;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Kpi;

/// <summary>
/// SPEC I2 drill-down (issue 11): a count figure links to the records list with the same period, scope and filter —
/// the page's account group or agent, the row's agent, the figure's rating or 问题是否解决 — and the records page opens
/// on exactly those conversations, inside the viewer's records scope. Each test has its own month.
/// </summary>
public sealed class KpiDrillDownTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateTime Morning = new(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc);
    private const string March = "from=2026-03-01&to=2026-03-31";

    [Fact]
    public async Task A_count_figure_links_to_its_records_list_which_shows_exactly_those_conversations()
    {
        var (sales1, sales2) = (await app.AccountIdAsync("sales1"), await app.AccountIdAsync("sales2"));
        var valid = (await new PastConversationBuilder().RequestedAt(Morning).ServedBy(sales1).Answered().SaveAsync(app.Services)).Id;
        var invalid = (await new PastConversationBuilder().RequestedAt(Morning.AddMinutes(1)).ServedBy(sales1).SaveAsync(app.Services)).Id;
        var colleagues = (await new PastConversationBuilder().RequestedAt(Morning.AddMinutes(2)).ServedBy(sales2).Answered().SaveAsync(app.Services)).Id;
        using var admin = await app.SignInAsync("admin");

        var kpi = await (await admin.GetAsync($"/kpi?{March}")).ReadHtmlAsync();
        var link = string.Create(CultureInfo.InvariantCulture, $"/records?{March}&list=Valid&agent={sales1}");
        using var records = await admin.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/records?{March}&list=Valid&agent={sales1}"));
        var html = await records.ReadHtmlAsync();

        Assert.Contains($"href=\"{link}\"", kpi);
        Assert.Contains($"href=\"/records?{March}&list=Invalid&agent={sales1}\"", kpi);
        Assert.Equal(HttpStatusCode.OK, records.StatusCode);
        Assert.Contains($"data-conversation-id=\"{valid}\"", html);
        Assert.DoesNotContain($"data-conversation-id=\"{invalid}\"", html);
        Assert.DoesNotContain($"data-conversation-id=\"{colleagues}\"", html);
    }

    [Fact]
    public async Task A_figure_of_zero_has_nothing_to_drill_into()
    {
        using var admin = await app.SignInAsync("admin");

        var kpi = await (await admin.GetAsync("/kpi?from=2025-01-01&to=2025-01-31")).ReadHtmlAsync();

        Assert.Contains("data-testid=\"kpi-figure\"", kpi);
        Assert.DoesNotContain("href=\"/records?", kpi);
    }

    [Fact]
    public async Task A_records_link_whose_period_cannot_be_used_says_why_and_shows_today()
    {
        using var admin = await app.SignInAsync("admin");

        var tooLong = await (await admin.GetAsync("/records?from=2025-01-01&to=2026-06-01&list=Valid")).ReadHtmlAsync();
        var fine = await (await admin.GetAsync("/records?from=2026-03-01&to=2026-03-31&list=Valid")).ReadHtmlAsync();

        Assert.Contains("data-testid=\"records-link-problem\"", tooLong);
        Assert.Contains("统计时段最长 366 天。", tooLong);
        Assert.DoesNotContain("records-link-problem", fine);
    }

    [Fact]
    public async Task A_total_on_a_page_scoped_to_an_account_group_lists_the_conversations_its_agents_took_part_in()
    {
        var (sales1, sales3, aftersale) = (await app.AccountIdAsync("sales1"), await app.AccountIdAsync("sales3"), await AccountGroupIdAsync("售后组"));
        var april = new DateTime(2026, 4, 10, 2, 0, 0, DateTimeKind.Utc);
        var theirs = (await new PastConversationBuilder().RequestedAt(april).ServedBy(sales3).Answered().SaveAsync(app.Services)).Id;
        var others = (await new PastConversationBuilder().RequestedAt(april.AddMinutes(1)).ServedBy(sales1).Answered().SaveAsync(app.Services)).Id;
        // Credited to sales1 (售前组), listed for 售后组 too: sales3 took part (the documented difference).
        var shared = (await new PastConversationBuilder().RequestedAt(april.AddMinutes(2)).ServedBy(sales1).Inviting(sales3).Answered().SaveAsync(app.Services)).Id;
        using var admin = await app.SignInAsync("admin");

        var kpi = await (await admin.GetAsync($"/kpi?{April}&scope=group-{aftersale}")).ReadHtmlAsync();
        var link = $"/records?{April}&list=Valid&accountGroup={aftersale}";
        var html = await (await admin.GetAsync(link)).ReadHtmlAsync();

        Assert.Contains($"href=\"{link}\"", kpi);
        Assert.Equal(new[] { theirs, shared }, RowIds(html).Order());
        Assert.DoesNotContain(others, RowIds(html));
    }

    [Fact]
    public async Task A_total_on_a_page_scoped_to_one_agent_links_to_his_list()
    {
        var sales2 = await app.AccountIdAsync("sales2");
        var his = (await new PastConversationBuilder().RequestedAt(new DateTime(2026, 7, 3, 2, 0, 0, DateTimeKind.Utc)).ServedBy(sales2).SaveAsync(app.Services)).Id;
        using var admin = await app.SignInAsync("admin");

        var kpi = await (await admin.GetAsync($"/kpi?{July}&scope=agent-{sales2}")).ReadHtmlAsync();
        var link = $"/records?{July}&list=Invalid&agent={sales2}";

        Assert.Contains($"href=\"{link}\"", kpi);
        Assert.Equal(his, Assert.Single(RowIds(await (await admin.GetAsync(link)).ReadHtmlAsync())));
    }

    [Fact]
    public async Task Rating_and_resolution_figures_link_to_exactly_their_conversations()
    {
        var sales1 = await app.AccountIdAsync("sales1");
        var may = new DateTime(2026, 5, 12, 2, 0, 0, DateTimeKind.Utc);
        var happy = (await new PastConversationBuilder().RequestedAt(may).ServedBy(sales1).Answered().RatedAs(EvaluationLevel.VerySatisfied, solved: true).SaveAsync(app.Services)).Id;
        var unhappy = (await new PastConversationBuilder().RequestedAt(may.AddMinutes(1)).ServedBy(sales1).Answered().RatedAs(EvaluationLevel.Dissatisfied, solved: false).SaveAsync(app.Services)).Id;
        var quiet = (await new PastConversationBuilder().RequestedAt(may.AddMinutes(2)).ServedBy(sales1).SaveAsync(app.Services)).Id;
        using var admin = await app.SignInAsync("admin");

        // 会话质量 opens on its ratings tab; 概况's 咨询质量 part holds 未评价 and 已解决 / 未解决.
        var quality = await (await admin.GetAsync($"/kpi/quality?{May}")).ReadHtmlAsync();
        var overview = await (await admin.GetAsync($"/kpi?{May}")).ReadHtmlAsync();

        foreach (var (page, filter, expected) in new[]
        {
            (quality, "rating=VerySatisfied", happy), (quality, "rating=Dissatisfied", unhappy), (quality, "rating=Unrated", quiet),
            (overview, "rating=Unrated", quiet), (overview, "solved=true", happy), (overview, "solved=false", unhappy),
        })
        {
            var link = $"/records?{May}&list=All&{filter}";
            Assert.Contains($"href=\"{link}\"", page);
            Assert.Equal(expected, Assert.Single(RowIds(await (await admin.GetAsync(link)).ReadHtmlAsync())));
        }

        Assert.DoesNotContain("rating=Satisfied", quality);
    }

    [Fact]
    public async Task A_team_lead_naming_another_account_group_sees_none_of_its_conversations()
    {
        var sales3 = await app.AccountIdAsync("sales3");
        var aftersale = await AccountGroupIdAsync("售后组");
        var theirs = (await new PastConversationBuilder().RequestedAt(new DateTime(2026, 6, 5, 2, 0, 0, DateTimeKind.Utc)).ServedBy(sales3).Answered().SaveAsync(app.Services)).Id;
        var link = $"/records?{June}&list=All&accountGroup={aftersale}";
        using var admin = await app.SignInAsync("admin");
        using var lead = await app.SignInAsync("lead");

        var kpi = await (await lead.GetAsync($"/kpi?{June}&scope=group-{aftersale}")).ReadHtmlAsync();
        var leads = await (await lead.GetAsync(link)).ReadHtmlAsync();

        Assert.Equal(theirs, Assert.Single(RowIds(await (await admin.GetAsync(link)).ReadHtmlAsync())));
        Assert.Contains("data-testid=\"kpi-out-of-reach\"", kpi);
        Assert.DoesNotContain("href=\"/records?", kpi);
        Assert.Empty(RowIds(leads));
    }

    [Fact]
    public async Task An_account_group_that_does_not_exist_is_said_and_lists_nothing()
    {
        var sales1 = await app.AccountIdAsync("sales1");
        await new PastConversationBuilder().RequestedAt(new DateTime(2026, 8, 5, 2, 0, 0, DateTimeKind.Utc)).ServedBy(sales1).SaveAsync(app.Services);
        using var admin = await app.SignInAsync("admin");

        var html = await (await admin.GetAsync($"/records?{August}&list=All&accountGroup=999999")).ReadHtmlAsync();

        Assert.Contains("data-testid=\"records-error\"", html);
        Assert.Contains("该账号分组不存在，无法列出其会话。", html);
        Assert.Empty(RowIds(html));
    }

    [Fact]
    public async Task A_records_link_with_a_rating_it_cannot_read_says_so_and_leaves_that_filter_out()
    {
        using var admin = await app.SignInAsync("admin");

        var html = await (await admin.GetAsync($"/records?{August}&list=All&rating=Great")).ReadHtmlAsync();

        Assert.Contains("data-testid=\"records-link-problem\"", html);
        Assert.Contains("链接中有无法识别的筛选条件，已忽略该条件。", html);
    }

    private const string April = "from=2026-04-01&to=2026-04-30";
    private const string May = "from=2026-05-01&to=2026-05-31";
    private const string June = "from=2026-06-01&to=2026-06-30";
    private const string July = "from=2026-07-01&to=2026-07-31";
    private const string August = "from=2026-08-01&to=2026-08-31";

    /// <summary>The conversations the records page lists (SPEC N6 <c>records-row</c> hooks), in page order.</summary>
    private static List<long> RowIds(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "data-conversation-id=\"(\\d+)\"")
            .Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct()];

    private async Task<int> AccountGroupIdAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        return await db.AccountGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync();
    }
}
