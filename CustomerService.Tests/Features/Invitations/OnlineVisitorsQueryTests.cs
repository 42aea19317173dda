using CustomerService.Domain.Organisation;
using CustomerService.Domain.Visitors;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Invitations;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Invitations;

/// <summary>
/// 在线访客 refreshes every few seconds: a visitor's page facts are read again only when he changes page (or after a
/// minute), what agents change (blacklist, conversations) on every refresh.
/// </summary>
public sealed class OnlineVisitorsQueryTests
{
    private static readonly UserAgentInfo Chrome = new(BrowserKind.Chrome, "120", OperatingSystemKind.Windows, Terminal.PC);

    private static async Task ViewedAsync(EngineScenario scenario, long visitor, string url, DateTime at)
    {
        await using var db = scenario.NewContext();
        db.PageViews.Add(new PageView(visitor, url, "页面", null, at, TrafficSource.Direct, null, Chrome, "上海市", null));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Page_facts_are_read_again_only_after_a_page_change_and_the_blacklist_on_every_refresh()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        var visitor = await scenario.AddVisitorAsync();
        var now = scenario.Clock.GetUtcNow().UtcDateTime;
        await ViewedAsync(scenario, visitor, "https://shop.example.com/p/1", now.AddHours(-3));
        var online = scenario.Database.GetRequiredService<OnlineVisitors>();
        var query = scenario.Database.Services.CreateScope().ServiceProvider.GetRequiredService<OnlineVisitorsQuery>();
        online.Seen(visitor, entry, "https://shop.example.com/p/1");

        var first = Assert.Single(await query.ListAsync(a));
        Assert.Equal((1, false, "上海市"), (first.Visits, first.IsBlacklisted, first.Region));

        // A second visit is stored, but his page has not changed: the row is the one read before.
        await ViewedAsync(scenario, visitor, "https://shop.example.com/p/2", now);
        await scenario.Engine.BlockAsync(a, visitor, null, "骚扰");
        var unchanged = Assert.Single(await query.ListAsync(a));
        Assert.Equal((1, true), (unchanged.Visits, unchanged.IsBlacklisted));

        online.Seen(visitor, entry, "https://shop.example.com/p/2");
        var moved = Assert.Single(await query.ListAsync(a));
        Assert.Equal((2, true, "https://shop.example.com/p/2"), (moved.Visits, moved.IsBlacklisted, moved.PageUrl));
    }

    [Fact]
    public async Task A_visitor_blacklisted_by_his_address_shows_as_blacklisted()
    {
        await using var scenario = await EngineScenario.StartAsync();
        var a = await scenario.AddAgentAsync("a");
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        var (visitor, neighbour) = (await scenario.AddVisitorAsync(), await scenario.AddVisitorAsync());
        await using (var db = scenario.NewContext())
        {
            foreach (var id in new[] { visitor, neighbour })
            {
                (await db.Visitors.FindAsync(id))!.Seen(scenario.Clock.GetUtcNow().UtcDateTime, id == visitor ? "203.0.113.7" : "203.0.113.8");
            }

            await db.SaveChangesAsync();
        }

        var blocked = await scenario.AddVisitorAsync();
        await scenario.Engine.BlockAsync(a, blocked, "203.0.113.7", "骚扰");
        var online = scenario.Database.GetRequiredService<OnlineVisitors>();
        online.Seen(visitor, entry, "https://shop.example.com/");
        online.Seen(neighbour, entry, "https://shop.example.com/");
        var query = scenario.Database.Services.CreateScope().ServiceProvider.GetRequiredService<OnlineVisitorsQuery>();

        var rows = (await query.ListAsync(a)).ToDictionary(r => r.VisitorId, r => r.IsBlacklisted);

        Assert.Equal(new Dictionary<long, bool> { [visitor] = true, [neighbour] = false }, rows);
    }
}
