using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Routing;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Settings.Blacklist;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Settings.Blacklist;

/// <summary>
/// 黑名单管理 (SPEC D11): entries are added and lifted through the engine, so routing follows at once; the list shows
/// who is blocked, by whom and why; bad input is refused and stores nothing.
/// </summary>
public sealed class BlacklistServiceTests : IAsyncLifetime
{
    private EngineScenario _scenario = null!;
    private int _admin;
    private string _entry = null!;

    private BlacklistService Service => _scenario.Database.GetRequiredService<BlacklistService>();

    public async Task InitializeAsync()
    {
        _scenario = await EngineScenario.StartAsync();
        _admin = await _scenario.AddAgentAsync("admin", role: AccountRole.Admin);
        var agent = await _scenario.AddAgentAsync("a");
        _entry = await _scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(agent, 0));
        await _scenario.OnlineAsync(agent);
    }

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task A_blocked_visitor_is_listed_with_his_name_the_reason_and_who_blocked_him_and_gets_the_leave_message_form()
    {
        var visitor = await _scenario.AddVisitorAsync("王五");

        var blocked = await Service.BlockAsync(_admin, visitor, null, "  恶意骚扰 ");

        Assert.True(blocked.Succeeded);
        var row = Assert.Single(await Service.ListActiveAsync());
        Assert.Equal((blocked.Value, visitor, "王五", null, "恶意骚扰", "admin"), (row.Id, row.VisitorId, row.VisitorName, row.Ip, row.Reason, row.CreatedBy));
        var started = await _scenario.Engine.StartAsync(new StartRequest(visitor, _entry));
        Assert.Equal(LeaveMessageReason.Blacklisted, started.LeaveMessageReason);
    }

    [Fact]
    public async Task A_blocked_ip_keeps_every_visitor_from_it_away_from_agents()
    {
        var blocked = await Service.BlockAsync(_admin, null, " 203.0.113.7 ", "刷屏");

        Assert.True(blocked.Succeeded);
        Assert.Equal("203.0.113.7", Assert.Single(await Service.ListActiveAsync()).Ip);
        var started = await _scenario.Engine.StartAsync(
            new StartRequest(await _scenario.AddVisitorAsync(), _entry, Context: new StartContext(VisitorIp: "203.0.113.7")));
        Assert.Equal(LeaveMessageReason.Blacklisted, started.LeaveMessageReason);
    }

    [Fact]
    public async Task Lifting_an_entry_removes_it_from_the_list_and_lets_the_visitor_reach_an_agent()
    {
        var visitor = await _scenario.AddVisitorAsync();
        var blocked = await Service.BlockAsync(_admin, visitor, null, "误操作");

        var lifted = await Service.LiftAsync(_admin, blocked.Value);

        Assert.True(lifted.Succeeded);
        Assert.Empty(await Service.ListActiveAsync());
        Assert.Equal(StartOutcome.Active, (await _scenario.Engine.StartAsync(new StartRequest(visitor, _entry))).Outcome);
        await using var db = _scenario.NewContext();
        var stored = await db.Blacklist.SingleAsync();
        Assert.Equal((_admin, _scenario.Clock.GetUtcNow().UtcDateTime), (stored.LiftedByAccountId!.Value, stored.LiftedAt!.Value));
    }

    [Fact]
    public async Task Lifting_an_entry_twice_is_refused()
    {
        var blocked = await Service.BlockAsync(_admin, await _scenario.AddVisitorAsync(), null, "骚扰");
        await Service.LiftAsync(_admin, blocked.Value);

        Assert.Equal("BlacklistEntryNotFound", (await Service.LiftAsync(_admin, blocked.Value)).Violation?.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Blocking_without_a_reason_is_refused_and_nothing_is_stored(string? reason)
    {
        var visitor = await _scenario.AddVisitorAsync();

        var outcome = await Service.BlockAsync(_admin, visitor, null, reason);

        Assert.Equal(("Required", "Blacklist.Reason"), (outcome.Violation?.Code, outcome.Violation?.Arguments[0]));
        await AssertNothingStoredAsync(visitor);
    }

    [Fact]
    public async Task Blocking_with_a_reason_over_two_hundred_characters_is_refused()
    {
        var visitor = await _scenario.AddVisitorAsync();

        var outcome = await Service.BlockAsync(_admin, visitor, null, new string('骚', 201));

        Assert.Equal("TooLong", outcome.Violation?.Code);
        await AssertNothingStoredAsync(visitor);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task Blocking_without_a_visitor_or_ip_is_refused(string? ip)
    {
        var outcome = await Service.BlockAsync(_admin, null, ip, "骚扰");

        Assert.Equal(("Required", "Blacklist.Target"), (outcome.Violation?.Code, outcome.Violation?.Arguments[0]));
        await AssertNothingStoredAsync(null);
    }

    [Fact]
    public async Task Blocking_an_unknown_visitor_is_refused()
    {
        var outcome = await Service.BlockAsync(_admin, 987654, null, "骚扰");

        Assert.Equal("VisitorUnknown", outcome.Violation?.Code);
        await AssertNothingStoredAsync(null);
    }

    [Theory]
    [InlineData("300.1.1.1")]
    [InlineData("not an ip")]
    public async Task Blocking_a_malformed_ip_is_refused(string ip)
    {
        var outcome = await Service.BlockAsync(_admin, null, ip, "骚扰");

        Assert.Equal("IpFormat", outcome.Violation?.Code);
        await AssertNothingStoredAsync(null);
    }

    [Fact]
    public async Task Blocking_an_already_blocked_visitor_again_is_refused()
    {
        var visitor = await _scenario.AddVisitorAsync();
        await Service.BlockAsync(_admin, visitor, null, "骚扰");

        var outcome = await Service.BlockAsync(_admin, visitor, null, "又来了");

        Assert.Equal("AlreadyBlacklisted", outcome.Violation?.Code);
        Assert.Single(await Service.ListActiveAsync());
    }

    private async Task AssertNothingStoredAsync(long? visitor)
    {
        Assert.Empty(await Service.ListActiveAsync());
        await using var db = _scenario.NewContext();
        Assert.False(await db.Blacklist.AnyAsync());
        if (visitor is { } id)
        {
            Assert.False(await _scenario.Engine.IsBlacklistedAsync(id, null));
        }
    }
}
