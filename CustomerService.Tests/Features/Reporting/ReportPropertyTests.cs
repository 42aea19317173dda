using CustomerService.Domain.Reporting;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Demo.History;
using CustomerService.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Reporting;

/// <summary>
/// Issue 10's property test: for several seeds of 30 days of generated history, the report service's figures read
/// from rollups equal those it computes from facts alone (rollups dropped), for every figure, for random ranges inside
/// the history as well as the whole of it, and for every scope — the enterprise, each account group, each agent —
/// <see cref="ReportService.TotalAsync"/> equals the report's total, and the estimated p50/p90 response time lies in
/// the histogram bucket of the exact percentile of the raw responses.
/// </summary>
public sealed class ReportPropertyTests
{
    // Wednesday 2026-04-01 12:00 in Asia/Shanghai: the history covers 2026-03-02 .. 2026-03-31.
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 12, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly First = new(2026, 3, 2);
    private static readonly DateOnly Last = new(2026, 3, 31);

    // SPEC I4's buckets in seconds, written out: 0–10 s, 10–30 s, 30–60 s, 1–3 min, 3–10 min, 10–30 min, 30 min+.
    private static readonly double[] Bounds = [0, 10, 30, 60, 180, 600, 1800, double.PositiveInfinity];

    [Theory]
    [InlineData(101)]
    [InlineData(202)]
    public async Task Rollups_and_facts_give_the_same_figures_for_every_range_and_scope_and_percentiles_in_their_bucket(int seed)
    {
        await using var database = await TestDatabase.CreateAsync(services => services.AddDemoHistory());
        database.Clock.Set(Now);
        await database.AddEnterpriseAsync();
        await database.GetRequiredService<HistorySeeder>().RunAsync(new HistoryOptions(30, 4, Seed: seed, ConversationsPerAgentDay: 6));
        var ranges = Ranges(new Random(seed));
        var audiences = await AudiencesAsync(database);

        var fromRollups = await ReportsAsync(database, ranges, audiences);
        await AssertPercentilesAsync(database, fromRollups[0].Total);
        await using (var db = database.NewContext())
        {
            Assert.True(await db.RollupDays.CountAsync() >= 30);
            await db.RollupRows.ExecuteDeleteAsync();
            await db.RollupDays.ExecuteDeleteAsync();
        }

        var fromFacts = await ReportsAsync(database, ranges, audiences);

        Assert.True(fromRollups[0].Total.Consultations > 300, $"only {fromRollups[0].Total.Consultations} consultations");
        Assert.Equal(fromFacts.Count, fromRollups.Count);
        for (var i = 0; i < fromFacts.Count; i++)
        {
            var what = $"{fromFacts[i].Period} {audiences[i % audiences.Count].Name}";
            Assert.True(fromFacts[i].Total == fromRollups[i].Total, $"total of {what}");
            Assert.Equal(fromFacts[i].Agents.Select(a => a.Login), fromRollups[i].Agents.Select(a => a.Login));
            foreach (var (facts, rollups) in fromFacts[i].Agents.Zip(fromRollups[i].Agents))
            {
                Assert.True(facts.Figures == rollups.Figures, $"{facts.Login} in {what}");
            }
        }
    }

    /// <summary>The estimated p50/p90 of the whole history lie in the buckets of the exact percentiles of the raw responses.</summary>
    private static async Task AssertPercentilesAsync(TestDatabase database, ReportFigures total)
    {
        var (fromUtc, toUtc) = new ReportPeriod(First, Last).UtcRange(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        // SPEC I0: the responses of valid consultations requested in the period, whoever answered.
        await using var db = database.NewContext();
        var responses = await db.ResponseFacts
            .Join(db.Conversations, r => r.ConversationId, c => c.Id, (r, c) => new { r.ResponseMilliseconds, c })
            .Where(x => x.c.RequestedAt >= fromUtc && x.c.RequestedAt < toUtc && x.c.AssignedAt != null
                && x.c.VisitorMessageCount > 0 && x.c.AgentMessageCount > 0)
            .Select(x => x.ResponseMilliseconds)
            .ToListAsync();
        responses.Sort();
        Assert.True(responses.Count > 300, $"only {responses.Count} responses");
        AssertSameBucket(Exact(responses, 0.5), total.ResponseP50Seconds);
        AssertSameBucket(Exact(responses, 0.9), total.ResponseP90Seconds);
    }

    /// <summary>The nearest-rank percentile in seconds: the ⌈p·n⌉-th smallest response.</summary>
    private static double Exact(List<long> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1] / 1000d;

    private static void AssertSameBucket(double exact, double? estimate)
    {
        Assert.NotNull(estimate);
        var bucket = Array.FindLastIndex(Bounds, b => b <= exact);
        // The estimate interpolates inside the bucket, up to and including its upper bound (rounded to a tenth).
        Assert.InRange(estimate.Value, Bounds[bucket] - 0.05, Bounds[bucket + 1] + 0.05);
    }

    /// <summary>The whole history, a single day, a week across a month's weekend, and three ranges drawn from the seed.</summary>
    private static List<ReportPeriod> Ranges(Random random)
    {
        var ranges = new List<ReportPeriod> { new(First, Last), new(Last, Last), new(new DateOnly(2026, 3, 13), new DateOnly(2026, 3, 19)) };
        for (var i = 0; i < 3; i++)
        {
            var from = First.AddDays(random.Next(30));
            ranges.Add(new ReportPeriod(from, from.AddDays(random.Next(Last.DayNumber - from.DayNumber + 1))));
        }

        return ranges;
    }

    private static async Task<List<(string Name, ReportAudience Audience)>> AudiencesAsync(TestDatabase database)
    {
        var resolver = database.GetRequiredService<ReportAudienceResolver>();
        var enterprise = await resolver.EnterpriseAsync();
        var audiences = new List<(string, ReportAudience)> { ("enterprise", enterprise) };
        await using var db = database.NewContext();
        var agents = await db.Accounts.Select(a => new { a.Id, a.LoginName, a.AccountGroupId }).ToListAsync();
        foreach (var group in agents.Select(a => a.AccountGroupId).Distinct())
        {
            audiences.Add(($"group {group}", await resolver.NarrowToAccountGroupAsync(enterprise, group)));
        }

        audiences.AddRange(agents.Where(a => enterprise.AgentIds.Contains(a.Id)).Select(a => (a.LoginName, ReportAudience.Agents([a.Id]))));
        Assert.True(audiences.Count >= 6, $"only {audiences.Count} scopes");
        return audiences;
    }

    /// <summary>Every range over every scope, ranges outermost.</summary>
    private static async Task<List<AgentReport>> ReportsAsync(
        TestDatabase database, List<ReportPeriod> ranges, List<(string Name, ReportAudience Audience)> audiences)
    {
        var reports = database.GetRequiredService<ReportService>();
        var result = new List<AgentReport>();
        foreach (var range in ranges)
        {
            foreach (var (_, audience) in audiences)
            {
                var report = await reports.AgentsAsync(range, audience);
                // The total alone (咨询发起, 用户分析) is the report's total in every case.
                Assert.True((await reports.TotalAsync(range, audience)).Figures == report.Total, $"TotalAsync of {range}");
                result.Add(report);
            }
        }

        return result;
    }
}
