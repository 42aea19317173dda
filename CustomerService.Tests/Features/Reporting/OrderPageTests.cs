using CustomerService.Domain.Orders;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Records;
using CustomerService.Web.Features.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Reporting;

/// <summary>
/// 订单详情 read a page at a time (issue 11: a year's 181k orders no longer load into the table at once): the order of the
/// full list (time placed, then order id), cancelled and out-of-period orders left out, and a team's orders — those its
/// agents placed or assisted — filtered before the page is cut.
/// </summary>
public sealed class OrderPageTests : IAsyncLifetime
{
    private static readonly DateTime March10 = new(2026, 3, 10, 4, 0, 0, DateTimeKind.Utc);
    private static readonly ReportPeriod Day = new(new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10));

    private TestDatabase _db = null!;
    private DemoTeam _team = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(services => services.AddRecordsFeature());
        _db.Clock.Set(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        await _db.AddEnterpriseAsync("UTC");
        _team = await DemoTeam.AddToAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Page_two_holds_the_next_orders_by_time_placed_then_id()
    {
        await AddAsync("O-07", 0, _team.Sales1);
        await AddAsync("O-03", 1, _team.Sales1);
        await AddAsync("O-05", 2, _team.Sales2);
        await AddAsync("O-02", 3, _team.Sales2, status: "cancelled");
        await AddAsync("O-09", 4, _team.Sales3);
        await AddAsync("O-01", 4, _team.Sales3);
        await AddAsync("O-04", 5, null);
        await AddAsync("O-08", 6, _team.Sales1);
        await AddAsync("O-06", 24 * 60, _team.Sales1);

        var page = await Reports().OrderPageAsync(Day, await EnterpriseAsync(), skip: 3, take: 3);

        // In order: O-07, O-03, O-05, O-01, O-09 (same minute, by id), O-04, O-08; O-02 is cancelled, O-06 the next day.
        Assert.Equal(["O-01", "O-09", "O-04"], page.Orders.Select(o => o.OrderId));
        Assert.Equal(7, page.Total);
    }

    [Fact]
    public async Task A_teams_pages_hold_the_orders_its_agents_placed_or_assisted()
    {
        await AddAsync("T-1", 0, _team.Sales1);
        await AddAsync("T-2", 1, _team.Sales3, [_team.Sales2]);
        await AddAsync("T-3", 2, _team.Sales3, [_team.Sales3]);
        await AddAsync("T-4", 3, null);
        await AddAsync("T-5", 4, _team.Qc, [_team.Sales3, _team.Sales1]);
        await AddAsync("T-6", 5, _team.Sales2, status: "cancelled");
        var team = ReportAudience.Agents([_team.Sales1, _team.Sales2]);

        var whole = await Reports().OrderPageAsync(Day, team, skip: 0, take: 50);
        var second = await Reports().OrderPageAsync(Day, team, skip: 1, take: 1);

        Assert.Equal(["T-1", "T-2", "T-5"], whole.Orders.Select(o => o.OrderId));
        Assert.Equal(["T-2"], second.Orders.Select(o => o.OrderId));
        Assert.Equal((3, 3), (whole.Total, second.Total));
        Assert.Equal(("sales3", "sales2"), (second.Orders[0].OrderAgent, string.Join(",", second.Orders[0].AssistingAgents)));
    }

    [Fact]
    public async Task A_page_lists_what_the_full_list_lists_at_its_place()
    {
        for (var i = 0; i < 5; i++)
        {
            await AddAsync($"F-{i}", i, i % 2 == 0 ? _team.Sales1 : _team.Sales3, i == 3 ? [_team.Sales2] : null);
        }

        var team = ReportAudience.Agents([_team.Sales1, _team.Sales2]);

        var full = await Reports().OrdersAsync(Day, team);
        var page = await Reports().OrderPageAsync(Day, team, skip: 2, take: 2);

        Assert.Equal(["F-0", "F-2", "F-3", "F-4"], full.Select(o => o.OrderId));
        Assert.Equal(full.Skip(2).Select(Row), page.Orders.Select(Row));
    }

    private static string Row(OrderDetail o) => $"{o.OrderId} {o.PlacedAt:O} {o.OrderAgent} {string.Join(",", o.AssistingAgents)} {o.Type}";

    private ReportService Reports() => _db.GetRequiredService<ReportService>();

    private async Task<ReportAudience> EnterpriseAsync() =>
        await _db.GetRequiredService<ReportAudienceResolver>().EnterpriseAsync();

    private async Task AddAsync(string id, int minutes, int? agent, int[]? assisting = null, string? status = null)
    {
        var placedAt = March10.AddMinutes(minutes);
        var order = Order.Place(id, new OrderInput(id, "user-" + id, 100m, placedAt, null, status), placedAt);
        order.Attribute(new OrderAttributionResult(agent is null ? OrderType.None : OrderType.AfterConsultation, null, agent, assisting ?? [], null), null);
        await using var db = _db.NewContext();
        db.Orders.Add(order);
        await db.SaveChangesAsync();
    }
}
