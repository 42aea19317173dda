using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Reporting.Jobs;
using CustomerService.Web.Features.Reporting.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Reporting.Jobs;

/// <summary>
/// SPEC I4 "changing the enterprise time zone re-rolls every day": the recompute drops everything a roll wrote, so no
/// row of the old calendar (a day's sums, sets, tallies, or a month merged from them) is read or merged again.
/// </summary>
public sealed class RecomputeAllJobTests
{
    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 1, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Recomputing_drops_every_rolled_row_of_every_kind()
    {
        await using var scenario = await EngineScenario.StartAsync();
        scenario.Clock.Set(Local(5, 8));
        var a1 = await scenario.AddAgentAsync("a1");
        var one = await scenario.AddGroupWithEntryAsync("one", new MemberAssignment(a1, 0));
        await scenario.OnlineAsync(a1);
        await scenario.ValidConsultationAsync(one, a1, await scenario.AddVisitorAsync(), Local(5, 10));
        scenario.Clock.Set(Local(6, 0, 5));
        await scenario.Database.Services.GetRequiredService<DayRoller>().RollAsync(new DateOnly(2026, 1, 5));
        await scenario.MarkStaleAsync(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 5));
        await using (var db = scenario.NewContext())
        {
            Assert.NotEmpty(await db.RollupRows.ToListAsync());
            Assert.NotEmpty(await db.DistinctRollupRows.ToListAsync());
            Assert.NotEmpty(await db.OriginRollupRows.ToListAsync());
            Assert.NotEmpty(await db.RollupDays.ToListAsync());
        }

        await scenario.Database.Services.GetRequiredService<RecomputeAllJob>().RecomputeAsync(CancellationToken.None);

        await using (var db = scenario.NewContext())
        {
            Assert.Empty(await db.RollupRows.ToListAsync());
            Assert.Empty(await db.DistinctRollupRows.ToListAsync());
            Assert.Empty(await db.OriginRollupRows.ToListAsync());
            Assert.Empty(await db.RollupDays.ToListAsync());
            Assert.Empty(await db.RollupDirtyMarks.ToListAsync());
        }
    }
}
