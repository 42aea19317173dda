using System.Globalization;
using System.Net;
using CustomerService.Data;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Records;
using CustomerService.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Records;

/// <summary>
/// 放弃排队 (issue 11): the list holds exactly the requests 排队分析's 放弃 counts — for the enterprise and for one reception
/// group —, each role sees what the one scope rule gives it (Admin / QC all, the team lead of 售前组 the 售前 queue,
/// Sales nothing), /kpi/queue's 放弃 links to it and the transcript of a listed request opens for whoever sees the row.
/// The history (May 2026, before any test runs): in 售前 one request served, one turned into a message, two abandoned;
/// in 售后 one abandoned; one abandoned in 售前 on 1 June (outside the period).
/// </summary>
public sealed class AbandonedRequestListTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string May = "from=2026-05-01&to=2026-05-31";
    private static readonly ReportPeriod MayPeriod = new(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31));
    private static readonly DateTime Morning = new(2026, 5, 12, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>The history is written once per app (xunit makes an instance per test, the app is shared).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFactory, Task<History>> Histories = [];

    private History _history = null!;


    public async Task InitializeAsync() => _history = await Histories.GetValue(app, WriteAsync);

    private static async Task<History> WriteAsync(AppFactory app)
    {
        var (presale, aftersale) = (await app.ReceptionGroupIdAsync("售前"), await app.ReceptionGroupIdAsync("售后"));
        var sales1 = await app.AccountIdAsync("sales1");
        await new QueuedRequestBuilder().RequestedAt(Morning).InGroup(presale).ServedBy(sales1).SaveAsync(app.Services);
        await new QueuedRequestBuilder().RequestedAt(Morning.AddMinutes(1)).InGroup(presale).LeftMessage().SaveAsync(app.Services);
        var a1 = await new QueuedRequestBuilder().RequestedAt(Morning.AddMinutes(2)).InGroup(presale).Abandoned().SaveAsync(app.Services);
        // 31 May 23:30 in Shanghai (the enterprise's day) is 15:30 UTC: still May.
        var a2 = await new QueuedRequestBuilder().RequestedAt(new DateTime(2026, 5, 31, 15, 30, 0, DateTimeKind.Utc)).InGroup(presale).Abandoned().SaveAsync(app.Services);
        var b = await new QueuedRequestBuilder().RequestedAt(Morning.AddMinutes(3)).InGroup(aftersale).Abandoned().SaveAsync(app.Services);
        // 1 June 00:30 in Shanghai is 31 May 16:30 UTC: June's, not May's.
        await new QueuedRequestBuilder().RequestedAt(new DateTime(2026, 5, 31, 16, 30, 0, DateTimeKind.Utc)).InGroup(presale).Abandoned().SaveAsync(app.Services);
        return new History(presale, aftersale, a1, a2, b);
    }

    private sealed record History(int Presale, int Aftersale, long AbandonedA1, long AbandonedA2, long AbandonedB);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_list_holds_exactly_what_the_abandoned_figure_counts_for_the_enterprise_and_one_reception_group()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var list = scope.ServiceProvider.GetRequiredService<AbandonedRequestList>();
        var admin = await app.AccountIdAsync("admin");

        var (all, presale, aftersale) = (await reports.QueueAsync(MayPeriod, null), await reports.QueueAsync(MayPeriod, _history.Presale), await reports.QueueAsync(MayPeriod, _history.Aftersale));
        var allRows = (await list.PageAsync(admin, MayPeriod, null, null)).Value!.Rows;
        var presaleRows = (await list.PageAsync(admin, MayPeriod, _history.Presale, null)).Value!.Rows;

        Assert.Equal((3, 2, 1), (all.Abandoned, presale.Abandoned, aftersale.Abandoned));
        Assert.Equal(3, (await list.CountAsync(admin, MayPeriod, null)).Value);
        Assert.Equal(2, (await list.CountAsync(admin, MayPeriod, _history.Presale)).Value);
        Assert.Equal(1, (await list.CountAsync(admin, MayPeriod, _history.Aftersale)).Value);
        Assert.Equal([_history.AbandonedA2, _history.AbandonedB, _history.AbandonedA1], allRows.Select(r => r.ConversationId));
        Assert.Equal([_history.AbandonedA2, _history.AbandonedA1], presaleRows.Select(r => r.ConversationId));
        // What is known of a request nobody took: its group and how long the visitor waited (45 s, his last sign of life).
        Assert.Equal(("售后", TimeSpan.FromSeconds(45), "商品页"), (allRows[1].ReceptionGroup, allRows[1].Wait, allRows[1].StartPageTitle));
    }

    [Fact]
    public async Task The_queue_page_links_its_abandoned_total_and_each_groups_figure_to_the_list()
    {
        using var admin = await app.SignInAsync("admin");

        var all = await (await admin.GetAsync($"/kpi/queue?{May}")).ReadHtmlAsync();
        var picked = await (await admin.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/kpi/queue?{May}&receptionGroup={_history.Aftersale}"))).ReadHtmlAsync();

        Assert.Contains($"href=\"/records/abandoned?{May}\"", all);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"href=\"/records/abandoned?{May}&receptionGroup={_history.Presale}\""), all);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"href=\"/records/abandoned?{May}&receptionGroup={_history.Aftersale}\""), all);
        Assert.DoesNotContain($"href=\"/records/abandoned?{May}\"", picked);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"href=\"/records/abandoned?{May}&receptionGroup={_history.Aftersale}\""), picked);
        // Only 放弃 has a list: 排队总量 (queued = 6 … in May: 5) is no link.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(all, $"href=\"/records/abandoned\\?{May}\""));
    }

    [Fact]
    public async Task Following_a_link_lists_exactly_the_abandoned_requests_of_the_period_and_group()
    {
        using var admin = await app.SignInAsync("admin");

        var all = await (await admin.GetAsync($"/records/abandoned?{May}")).ReadHtmlAsync();
        var presale = await (await admin.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/records/abandoned?{May}&receptionGroup={_history.Presale}"))).ReadHtmlAsync();

        Assert.Equal([_history.AbandonedA2, _history.AbandonedB, _history.AbandonedA1], RowIds(all));
        Assert.Equal([_history.AbandonedA2, _history.AbandonedA1], RowIds(presale));
        Assert.Matches("data-testid=\"records-count\"[^>]*>\\s*3\\s*<", all);
    }

    [Theory]
    [InlineData("admin", "A2 B A1")]
    [InlineData("qc", "A2 B A1")]
    // 售前组's agents (lead, sales1, sales2) are the members of 售前: its queue is his, 售后's is not.
    [InlineData("lead", "A2 A1")]
    public async Task Each_role_lists_the_abandoned_requests_the_scope_rule_gives_it(string login, string expected)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var list = scope.ServiceProvider.GetRequiredService<AbandonedRequestList>();
        var account = await app.AccountIdAsync(login);

        var rows = (await list.PageAsync(account, MayPeriod, null, null)).Value!.Rows;

        Assert.True(await list.MaySeeAsync(account));
        Assert.Equal(expected.Split(' ').Select(Named), rows.Select(r => r.ConversationId));
        Assert.Equal(rows.Count, (await list.CountAsync(account, MayPeriod, null)).Value);
    }

    [Fact]
    public async Task Sales_sees_neither_the_list_nor_its_link_nor_an_abandoned_requests_transcript()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var list = scope.ServiceProvider.GetRequiredService<AbandonedRequestList>();
        var sales1 = await app.AccountIdAsync("sales1");
        using var client = await app.SignInAsync("sales1");

        using var page = await client.GetAsync($"/records/abandoned?{May}");
        var records = await (await client.GetAsync($"/records?{May}")).ReadHtmlAsync();
        using var transcript = await client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/records/{_history.AbandonedA1}"));

        Assert.False(await list.MaySeeAsync(sales1));
        Assert.Empty((await list.PageAsync(sales1, MayPeriod, null, null)).Value!.Rows);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("records-list-QueueAbandoned", records);
        Assert.Equal(HttpStatusCode.NotFound, transcript.StatusCode);
    }

    [Theory]
    [InlineData("admin", "A1 B")]
    [InlineData("qc", "A1 B")]
    [InlineData("lead", "A1")]
    public async Task A_listed_requests_transcript_opens_for_whoever_sees_the_row(string login, string opens)
    {
        using var client = await app.SignInAsync(login);
        var opened = new List<string>();

        foreach (var (name, id) in new[] { ("A1", _history.AbandonedA1), ("B", _history.AbandonedB) })
        {
            using var response = await client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/records/{id}"));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                opened.Add(name);
            }
            else
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }
        }

        Assert.Equal(opens.Split(' '), opened);
    }

    [Fact]
    public async Task The_records_navigation_shows_the_list_with_its_count_of_the_period()
    {
        using var lead = await app.SignInAsync("lead");

        var html = await (await lead.GetAsync($"/records?{May}")).ReadHtmlAsync();

        Assert.Contains($"href=\"/records/abandoned?{May}\"", html);
        Assert.Matches("data-testid=\"records-list-count-QueueAbandoned\"[^>]*>\\s*2\\s*<", html);
    }

    [Fact]
    public async Task An_unreadable_or_unknown_reception_group_or_period_in_the_address_is_said()
    {
        using var admin = await app.SignInAsync("admin");

        var unreadable = await (await admin.GetAsync($"/records/abandoned?{May}&receptionGroup=abc")).ReadHtmlAsync();
        var unknown = await (await admin.GetAsync($"/records/abandoned?{May}&receptionGroup=999999")).ReadHtmlAsync();
        var badPeriod = await (await admin.GetAsync("/records/abandoned?from=2026-05-31&to=2026-05-01")).ReadHtmlAsync();

        // The unreadable group is ignored (all groups listed), as the records page does with a filter it cannot read.
        Assert.Contains("链接中有无法识别的筛选条件，已忽略该条件。", unreadable);
        Assert.Equal([_history.AbandonedA2, _history.AbandonedB, _history.AbandonedA1], RowIds(unreadable));
        Assert.Contains("该接待组不存在，无法列出其请求。", unknown);
        Assert.Empty(RowIds(unknown));
        Assert.Contains("data-testid=\"records-link-problem\"", badPeriod);
    }

    private long Named(string name) => name switch
    {
        "A1" => _history.AbandonedA1,
        "A2" => _history.AbandonedA2,
        "B" => _history.AbandonedB,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static List<long> RowIds(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "data-conversation-id=\"(\\d+)\"")
            .Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct()];
}
