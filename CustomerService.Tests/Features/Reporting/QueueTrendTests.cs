using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Reporting.Rollups;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Reporting;

/// <summary>SPEC I0 Queue, I2: 排队分析's trend, each point the queue figures of its bucket, rolled or live.</summary>
public sealed class QueueTrendTests
{
    // Asia/Shanghai (UTC+8): 5 January is closed and rolled, 6 January is today.
    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 1, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Each_point_is_the_queue_of_its_bucket_on_a_rolled_day_and_today()
    {
        await using var scenario = await EngineScenario.StartAsync();
        scenario.Clock.Set(Local(5, 8));
        var agent = await scenario.AddAgentAsync("a", maxLoad: 1);
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(agent, 0));
        await scenario.OnlineAsync(agent);
        await scenario.StartActiveAsync(entry);
        // One visitor a day queues behind the busy agent and gives up: after 60 s on the 5th, after 180 s on the 6th.
        await QueueAndLeaveAsync(scenario, entry, Local(5, 9), TimeSpan.FromSeconds(60));
        await QueueAndLeaveAsync(scenario, entry, Local(6, 9), TimeSpan.FromSeconds(180));
        await scenario.Database.Services.GetRequiredService<DayRoller>().RollAsync(new DateOnly(2026, 1, 5));
        scenario.Clock.Set(Local(6, 18));
        var group = await scenario.GroupIdOfEntryAsync(entry);
        var period = new ReportPeriod(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 6));

        var daily = await scenario.Reports().QueueTrendAsync(period, ReportGranularity.Day, null);
        var week = Assert.Single(await scenario.Reports().QueueTrendAsync(period, ReportGranularity.Week, group));

        Assert.Equal([new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 6)], daily.Select(p => p.From));
        Assert.Equal([(1L, 1L, 60.0), (1L, 1L, 180.0)], daily.Select(p => (p.Figures.Queued, p.Figures.Abandoned, p.Figures.AvgAbandonSeconds!.Value)));
        // The week: two abandoned waits, 60 and 180 s, average 120 s — the report over the same days.
        Assert.Equal((2L, 2L, 120.0), (week.Figures.Queued, week.Figures.Abandoned, week.Figures.AvgAbandonSeconds!.Value));
        Assert.Equal(await scenario.Reports().QueueAsync(period, group), week.Figures);
        Assert.Equal(0, Assert.Single(await scenario.Reports().QueueTrendAsync(period, ReportGranularity.Week, group + 1)).Figures.Queued);
    }

    private static async Task QueueAndLeaveAsync(EngineScenario scenario, string entry, DateTimeOffset at, TimeSpan wait)
    {
        scenario.Clock.Set(at);
        var visitor = await scenario.AddVisitorAsync();
        var result = await scenario.Engine.StartAsync(new StartRequest(visitor, entry));
        Assert.Equal(StartOutcome.Queued, result.Outcome);
        scenario.Clock.Set(at.Add(wait));
        await scenario.Engine.CloseByVisitorAsync(visitor, result.Conversation!.Id);
    }
}
