using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.LeaveMessages;
using CustomerService.Web.Features.Reporting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.LeaveMessages;

/// <summary>
/// Issue 11: 留言总量 / 留言处理量 / 留言未处理量 drill down to the inbox of the figure's period, credited as the figure
/// credits (SPEC I0: the responsible agent, else the handler), and following the link lists exactly the counted messages
/// within the viewer's 留言处理范围. The history (September 2026, Asia/Shanghai), written once per app:
/// <c>Sales1</c> — sales1 responsible, unhandled; <c>BySales2</c> — nobody responsible, handled by sales2 (售前组);
/// <c>Sales3</c> — sales3 (售后组) responsible and handled; <c>Nobodys</c> — nobody responsible, unhandled;
/// <c>October</c> — sales1 responsible, created 1 October 00:30 local (30 September 16:30 UTC), outside the period.
/// </summary>
public sealed class LeaveMessageDrillDownTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string September = "from=2026-09-01&to=2026-09-30";
    private static readonly ReportPeriod SeptemberPeriod = new(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30));
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFactory, Task<History>> Histories = [];
    private static long _sequence = 7_700_000_000;

    private History _history = null!;

    public async Task InitializeAsync() => _history = await Histories.GetValue(app, WriteAsync);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_overview_links_its_leave_message_totals_with_the_period_and_the_pages_account_group()
    {
        using var admin = await app.SignInAsync("admin");

        var kpi = await (await admin.GetAsync($"/kpi?{September}")).ReadHtmlAsync();
        var group = await (await admin.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/kpi?{September}&scope=group-{_history.Presale}"))).ReadHtmlAsync();

        Assert.Contains($"href=\"/leave-messages?filter=All&{September}\"", kpi);
        Assert.Contains($"href=\"/leave-messages?filter=Unhandled&{September}\"", kpi);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"href=\"/leave-messages?filter=All&{September}&accountGroup={_history.Presale}\""), group);
    }

    [Fact]
    public async Task A_team_leads_and_a_sales_agents_totals_name_their_reach()
    {
        using var lead = await app.SignInAsync("lead");
        using var sales = await app.SignInAsync("sales1");

        var ofLead = await (await lead.GetAsync($"/kpi?{September}")).ReadHtmlAsync();
        var ofSales = await (await sales.GetAsync($"/kpi?{September}")).ReadHtmlAsync();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"href=\"/leave-messages?filter=All&{September}&accountGroup={_history.Presale}\""), ofLead);
        Assert.DoesNotContain($"href=\"/leave-messages?filter=All&{September}\"", ofLead);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"href=\"/leave-messages?filter=All&{September}&agent={_history.Sales1}\""), ofSales);
    }

    [Theory]
    [InlineData("", "All", "Nobodys Sales3 BySales2 Sales1")]
    [InlineData("", "Handled", "Sales3 BySales2")]
    [InlineData("", "Unhandled", "Nobodys Sales1")]
    [InlineData("agent:sales1", "All", "Sales1")]
    [InlineData("agent:sales2", "All", "BySales2")]
    [InlineData("group:售前组", "All", "BySales2 Sales1")]
    [InlineData("group:售后组", "Handled", "Sales3")]
    public async Task Following_a_link_lists_exactly_the_messages_the_figure_counts(string credited, string filter, string expected)
    {
        var (kind, name) = credited.Length == 0 ? (string.Empty, string.Empty) : (credited.Split(':')[0], credited.Split(':')[1]);
        var criteria = new LeaveMessageCriteria(Enum.Parse<LeaveMessageFilter>(filter), SeptemberPeriod,
            kind == "agent" ? await app.AccountIdAsync(name) : null,
            kind == "group" ? await app.AccountGroupIdAsync(name) : null);
        var link = LeaveMessageListAddress.For(criteria);

        var listed = await ListAsync("admin", link);

        Assert.Equal(expected.Split(' ').Select(_history.Named), listed);
    }

    [Fact]
    public async Task The_figures_count_what_the_links_list()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var audiences = scope.ServiceProvider.GetRequiredService<ReportAudienceResolver>();
        var enterprise = await audiences.EnterpriseAsync();

        var report = await reports.AgentsAsync(SeptemberPeriod, enterprise);
        var presale = await reports.AgentsAsync(SeptemberPeriod, await audiences.NarrowToAccountGroupAsync(enterprise, _history.Presale));

        // By hand: four messages in September (October's is not), two handled; 售前组 is credited with Sales1 and BySales2.
        Assert.Equal((4L, 2L, 2L), (report.Total.LeaveMessages, report.Total.LeaveMessagesHandled, report.Total.LeaveMessagesUnhandled));
        Assert.Equal(2, presale.Total.LeaveMessages);
    }

    [Fact]
    public async Task The_inbox_scope_still_applies_a_narrower_one_lists_what_the_viewer_may_handle()
    {
        var link = string.Create(CultureInfo.InvariantCulture, $"/leave-messages?filter=All&{September}&accountGroup={_history.Presale}");

        // The demo team lead's 留言处理范围 is Own: no message of the group is addressed to him.
        Assert.Empty(await ListAsync("lead", link));
        Assert.Equal([_history.Named("Sales1")], await ListAsync("sales1", string.Create(CultureInfo.InvariantCulture, $"/leave-messages?filter=All&{September}&agent={_history.Sales1}")));
    }

    [Fact]
    public async Task An_unreadable_period_or_id_or_an_unknown_group_in_the_address_is_said()
    {
        using var admin = await app.SignInAsync("admin");

        using var badPeriod = await admin.GetAsync("/leave-messages?filter=All&from=2026-09-30&to=2026-09-01");
        var badId = await (await admin.GetAsync($"/leave-messages?filter=All&{September}&agent=abc")).ReadHtmlAsync();
        var unknown = await (await admin.GetAsync($"/leave-messages?filter=All&{September}&accountGroup=999999")).ReadHtmlAsync();
        var (criteria, problem, unreadable) = LeaveMessageListAddress.Read("All", "2026-09-30", "2026-09-01", "abc", null);

        Assert.Equal(HttpStatusCode.OK, badPeriod.StatusCode);
        Assert.Contains("data-testid=\"leave-messages-link-problem\"", await badPeriod.ReadHtmlAsync());
        Assert.Contains("链接中有无法识别的筛选条件，已忽略该条件。", badId);
        Assert.Contains("该账号分组不存在，无法列出其留言。", unknown);
        // The unusable parts are left out: the list shows more, never something else.
        Assert.Equal(new LeaveMessageCriteria(LeaveMessageFilter.All), criteria);
        Assert.NotNull(problem);
        Assert.True(unreadable);
        Assert.Empty(await ListAsync("admin", $"/leave-messages?filter=All&{September}&accountGroup=999999"));
    }

    [Fact]
    public void The_address_reads_back_what_it_writes()
    {
        var criteria = new LeaveMessageCriteria(LeaveMessageFilter.Handled, SeptemberPeriod, CreditedAgentId: 5);

        var link = LeaveMessageListAddress.For(criteria);
        var query = QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);

        Assert.Equal($"/leave-messages?filter=Handled&{September}&agent=5", link);
        var (read, problem, unreadable) = LeaveMessageListAddress.Read(query["filter"], query["from"], query["to"], query["agent"], null);
        Assert.Equal((criteria, false), (read, unreadable));
        Assert.Null(problem);
        Assert.Equal(new LeaveMessageCriteria(LeaveMessageFilter.Unhandled), LeaveMessageListAddress.Read(null, null, null, null, null).Criteria);
    }

    /// <summary>What the inbox lists for <paramref name="login"/> on the address, read as the page reads it.</summary>
    private async Task<List<long>> ListAsync(string login, string link)
    {
        var query = QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);
        string? Value(string key) => query.TryGetValue(key, out var value) ? value.ToString() : null;
        var (criteria, _, _) = LeaveMessageListAddress.Read(Value("filter"), Value("from"), Value("to"), Value("agent"), Value("accountGroup"));
        await using var scope = app.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<LeaveMessageInbox>().ListAsync(await app.AccountIdAsync(login), criteria, take: 200);
        return [.. page.Rows.Select(r => r.Id)];
    }

    private static async Task<History> WriteAsync(AppFactory app)
    {
        var (sales1, sales2, sales3) = (await app.AccountIdAsync("sales1"), await app.AccountIdAsync("sales2"), await app.AccountIdAsync("sales3"));
        var day = new DateTime(2026, 9, 10, 2, 0, 0, DateTimeKind.Utc);
        var ids = new Dictionary<string, long>
        {
            ["Sales1"] = await MessageAsync(app, day, sales1, handledBy: null),
            ["BySales2"] = await MessageAsync(app, day.AddHours(1), null, handledBy: sales2),
            ["Sales3"] = await MessageAsync(app, day.AddHours(2), sales3, handledBy: sales3),
            ["Nobodys"] = await MessageAsync(app, day.AddHours(3), null, handledBy: null),
            ["October"] = await MessageAsync(app, new DateTime(2026, 9, 30, 16, 30, 0, DateTimeKind.Utc), sales1, handledBy: null),
        };
        return new History(ids, sales1, await app.AccountGroupIdAsync("售前组"));
    }

    private static async Task<long> MessageAsync(AppFactory app, DateTime createdAt, int? responsible, int? handledBy)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerServiceDbContext>();
        var id = Interlocked.Increment(ref _sequence);
        var message = new LeaveMessage(id, null, entryId: 1, receptionGroupId: 1, responsible, null, new LeaveMessageContentBuilder().Build(), createdAt);
        if (handledBy is { } by)
        {
            message.MarkHandled(by, createdAt.AddHours(2));
        }

        db.LeaveMessages.Add(message);
        await db.SaveChangesAsync();
        return id;
    }

    private sealed record History(IReadOnlyDictionary<string, long> Ids, int Sales1, int Presale)
    {
        public long Named(string name) => Ids[name];
    }
}
