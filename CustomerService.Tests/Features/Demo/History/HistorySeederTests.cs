using System.Security.Cryptography;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Qc;
using CustomerService.Domain.Reporting;
using CustomerService.Domain.Visitors;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Demo.History;
using CustomerService.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Demo.History;

/// <summary>
/// SPEC N1b <c>seed-history</c> on a real migrated SQLite database: deterministic for a seed, every generated day rolled
/// up, the report over rollups equal to the report computed from facts alone, and ids that leave room for the engine.
/// </summary>
public sealed class HistorySeederTests
{
    // Tuesday 2026-03-10 12:00 in Asia/Shanghai: the history covers 2026-03-07 .. 2026-03-09 (a weekend and a Monday).
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.FromHours(8));
    private static readonly ReportPeriod Period = new(new DateOnly(2026, 3, 7), new DateOnly(2026, 3, 9));

    [Fact]
    public async Task The_same_seed_gives_the_same_rows_and_the_same_report()
    {
        await using var first = await SeededAsync(new HistoryOptions(3, 4, Seed: 7));
        await using var second = await SeededAsync(new HistoryOptions(3, 4, Seed: 7));
        await using var other = await SeededAsync(new HistoryOptions(3, 4, Seed: 8));

        Assert.Equal(first.Summary.Rows, second.Summary.Rows);
        var (report, again) = (await ReportAsync(first.Database), await ReportAsync(second.Database));
        Assert.Equal(report.Total, again.Total);
        Assert.Equal(report.Agents, again.Agents);
        Assert.NotEqual(first.Summary.Rows, other.Summary.Rows);
    }

    [Fact]
    public async Task History_fills_every_kind_of_fact_and_rolls_every_day()
    {
        await using var seeded = await SeededAsync(new HistoryOptions(3, 4, Seed: 11));
        await using var db = seeded.Database.NewContext();

        Assert.Equal(
            [new DateOnly(2026, 3, 7), new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 9)],
            await db.RollupDays.Select(d => d.LocalDate).OrderBy(d => d).ToListAsync());
        Assert.False(await db.RollupDirtyMarks.AnyAsync());
        Assert.True(await db.Conversations.AnyAsync(c => c.QueueOutcome == QueueOutcome.Served));
        Assert.True(await db.Conversations.AnyAsync(c => c.QueueOutcome == QueueOutcome.LeftMessage || c.QueueOutcome == QueueOutcome.Abandoned));
        Assert.True(await db.Conversations.AnyAsync(c => c.AgentId != null && c.VisitorMessageCount > 0 && c.AgentMessageCount == 0));
        Assert.True(await db.Conversations.AnyAsync(c => c.EvaluationLevel != null && c.ProblemSolved != null));
        Assert.True(await db.Conversations.AnyAsync(c => c.SummaryTypeId != null));
        Assert.True(await db.Conversations.AnyAsync(c => c.EvaluationLevel == null && c.AgentMessageCount > 0));
        Assert.True(await db.ResponseFacts.AnyAsync(r => r.IsFirst));
        Assert.True(await db.LeaveMessages.AnyAsync(m => m.HandledAt != null) && await db.LeaveMessages.AnyAsync(m => m.HandledAt == null));
        Assert.True(await db.Customers.AnyAsync(p => p.CreatedByAccountId != null && p.Source == CustomerService.Domain.Customers.CustomerSource.Console));
        Assert.True(await db.Orders.AnyAsync(o => o.Type == OrderType.AfterConsultation && o.OrderAgentId != null));
        Assert.True(await db.Visitors.AnyAsync(v => v.ExternalUserId != null) && await db.Visitors.AnyAsync(v => v.ExternalUserId == null));
        Assert.Equal(4, await db.Accounts.CountAsync(a => a.LoginName.StartsWith("agent")));

        // What the aggregate counted is what was stored: each conversation's counters equal its messages.
        var counted = await db.Conversations.Select(c => new { c.Id, c.VisitorMessageCount, c.AgentMessageCount, c.LastSeq }).ToListAsync();
        var messages = (await db.Messages.GroupBy(m => m.ConversationId)
                .Select(g => new { Id = g.Key, Visitor = g.Count(m => m.Sender == MessageSender.Visitor), Agent = g.Count(m => m.Sender == MessageSender.Agent), Last = g.Max(m => m.Seq) })
                .ToListAsync())
            .ToDictionary(m => m.Id);
        Assert.All(counted, c =>
        {
            var stored = messages.GetValueOrDefault(c.Id);
            Assert.Equal(c.VisitorMessageCount, stored?.Visitor ?? 0);
            Assert.Equal(c.AgentMessageCount, stored?.Agent ?? 0);
            Assert.Equal(c.LastSeq, stored?.Last ?? 0);
        });
    }

    /// <summary>Property over seeds: rollups change how figures are read, never what they are (SPEC I4).</summary>
    [Fact]
    public async Task History_visitors_browse_so_the_origin_pages_have_sources_keywords_devices_regions_and_order_pages()
    {
        await using var seeded = await SeededAsync(new HistoryOptions(3, 4, Seed: 11));
        await using (var db = seeded.Database.NewContext())
        {
            // Every conversation's visit: an entry and the page the chat started from, before the request.
            var started = await db.Conversations.CountAsync();
            Assert.True(await db.PageViews.CountAsync(p => p.KeyPageType == KeyPageType.Product) >= started);
            Assert.False(await db.Conversations.AnyAsync(c => !db.PageViews.Any(p => p.VisitorId == c.VisitorId && p.ViewedAt <= c.RequestedAt)));
        }

        await using var context = seeded.Database.NewContext();
        var agents = await context.Accounts.Select(a => a.Id).ToListAsync();
        var origins = await seeded.Database.Services.GetRequiredService<ReportService>().OriginsAsync(Period, ReportAudience.Enterprise(agents));

        Assert.Equal(
            ["Direct", "Referral", "SearchEngine"],
            origins.Sources.Select(s => s.Key.StartsWith("SearchEngine.", StringComparison.Ordinal) ? "SearchEngine" : s.Key).Distinct().Order(StringComparer.Ordinal));
        Assert.NotEmpty(origins.Keywords);
        Assert.True(origins.Terminals.Count >= 3, string.Join(",", origins.Terminals));
        Assert.True(origins.Regions.Count >= 5, string.Join(",", origins.Regions));
        Assert.True(origins.StartPages.Sum(p => p.OrderFill) > 0 && origins.StartPages.Sum(p => p.Payment) > 0);
        Assert.All(origins.StartPages, p => Assert.True(p.OrderFill >= p.OrderSubmit && p.Valid >= p.OrderFill, p.ToString()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task The_report_from_rollups_equals_the_report_from_facts(int seed)
    {
        await using var seeded = await SeededAsync(new HistoryOptions(3, 4, Seed: seed));
        var fromRollups = await ReportAsync(seeded.Database);

        await using (var db = seeded.Database.NewContext())
        {
            await db.RollupRows.ExecuteDeleteAsync();
            await db.RollupDays.ExecuteDeleteAsync();
        }

        var fromFacts = await ReportAsync(seeded.Database);
        Assert.True(fromRollups.Total.Consultations > 50, $"only {fromRollups.Total.Consultations} consultations");
        Assert.Equal(fromFacts.Total, fromRollups.Total);
        Assert.Equal(fromFacts.Agents.Count, fromRollups.Agents.Count);
        foreach (var (facts, rollups) in fromFacts.Agents.Zip(fromRollups.Agents))
        {
            Assert.Equal(facts.Login, rollups.Login);
            Assert.Equal(facts.Figures, rollups.Figures);
        }
    }

    [Fact]
    public async Task The_engine_numbers_new_conversations_above_the_history()
    {
        await using var seeded = await SeededAsync(new HistoryOptions(2, 3, Seed: 5));
        long lastHistoryId;
        long visitorId;
        int agentId;
        await using (var db = seeded.Database.NewContext())
        {
            lastHistoryId = await db.Conversations.MaxAsync(c => c.Id);
            agentId = await db.Accounts.Where(a => a.LoginName == "agent001").Select(a => a.Id).SingleAsync();
            var visitor = new Visitor(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), Now.UtcDateTime);
            db.Visitors.Add(visitor);
            await db.SaveChangesAsync();
            visitorId = visitor.Id;
        }

        var engine = seeded.Database.Services.GetRequiredService<ConversationEngine>();
        await engine.StartAsync(CancellationToken.None);
        try
        {
            await engine.AgentConnectedAsync(agentId);
            await engine.SetStatusAsync(agentId, AgentStatus.Online);
            var started = await engine.StartAsync(new StartRequest(visitorId, "presale"));

            Assert.Equal(StartOutcome.Active, started.Outcome);
            Assert.Equal(lastHistoryId + 1, started.Conversation!.Id);
            await engine.AppendVisitorMessageAsync(visitorId, started.Conversation.Id, "c1", "你好");
        }
        finally
        {
            await engine.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task With_an_inspector_and_a_default_standard_history_has_qc_grades_in_the_rollups()
    {
        var database = await TestDatabase.CreateAsync(services => services.AddDemoHistory());
        await using var _ = database;
        database.Clock.Set(Now);
        await database.AddEnterpriseAsync();
        await database.AddAccountAsync("inspector", groupName: "质检组", role: AccountRole.QC);
        await using (var setup = database.NewContext())
        {
            var standard = QcStandard.Create("默认标准", [new("服务态度", 30), new("专业能力", 30), new("响应速度", 20), new("解决问题", 20)], Now.UtcDateTime).Value!;
            standard.MarkDefault(true);
            setup.QcStandards.Add(standard);
            await setup.SaveChangesAsync();
        }

        var summary = await database.Services.GetRequiredService<HistorySeeder>().RunAsync(new HistoryOptions(3, 4, Seed: 11));

        await using var db = database.NewContext();
        var grades = await db.QcGrades.ToListAsync();
        Assert.NotEmpty(grades);
        Assert.Equal(grades.Count, summary.Rows["QcGrades"]);
        // At most two per agent per week (the three days are one week: Saturday to Monday straddles two, so at most four).
        Assert.All(grades.GroupBy(g => g.AgentId), perAgent => Assert.InRange(perAgent.Count(), 1, 4));
        var graded = grades.Select(g => g.ConversationId).ToHashSet();
        Assert.All(await db.Conversations.Where(c => graded.Contains(c.Id)).ToListAsync(), c =>
        {
            Assert.NotNull(c.EndedAt);
            Assert.True(c.VisitorMessageCount > 0 && c.AgentMessageCount > 0);
        });
        Assert.Equal(grades.Count, await db.RollupRows.Where(r => r.Hour == RollupRow.WholeDay).SumAsync(r => r.QcGraded));
        Assert.False(await db.RollupDirtyMarks.AnyAsync());
    }

    private static async Task<AgentReport> ReportAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var agents = await db.Accounts.Select(a => a.Id).ToListAsync();
        return await database.Services.GetRequiredService<ReportService>().AgentsAsync(Period, ReportAudience.Enterprise(agents));
    }

    private static async Task<Seeded> SeededAsync(HistoryOptions options)
    {
        var database = await TestDatabase.CreateAsync(services => services.AddDemoHistory());
        database.Clock.Set(Now);
        await database.AddEnterpriseAsync();
        var summary = await database.Services.GetRequiredService<HistorySeeder>().RunAsync(options);
        return new Seeded(database, summary);
    }

    private sealed record Seeded(TestDatabase Database, HistorySummary Summary) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }
}
