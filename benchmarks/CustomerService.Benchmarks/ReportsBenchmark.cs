using System.Diagnostics;
using CustomerService.Data;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Demo.History;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Reporting.Rollups;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Features.Organisation;
using CustomerService.Web.Features.Settings;
using CustomerService.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Benchmarks;

/// <summary>
/// Issue 10 Performance, on a temporary database: <c>seed-history</c> (time, rows, size), the nightly rollup of one day
/// at that scale, and the report of the whole period over every agent through <see cref="ReportService.AgentsAsync"/>
/// — p50/p99 over <c>calls</c> calls — side by side with the same report when no day is rolled up, so every figure is
/// computed from raw facts. Goals: report ≤ 200 ms p50 and ≥ 50× faster than from facts; one day's rollup ≤ 5 s.
/// </summary>
internal static class ReportsBenchmark
{
    /// <param name="keep">A folder to keep the database in (and reuse on the next run, skipping the seed); none: a temporary one.</param>
    public static async Task RunAsync(int days, int agents, int calls, int rawCalls, string? keep)
    {
        var directory = keep ?? Path.Combine(Path.GetTempPath(), "cs-bench-reports-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            await using var services = await ServicesAsync(Path.Combine(directory, "customerservice.db"));
            await MeasureAsync(services, days, agents, calls, rawCalls);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep is null)
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>
    /// The app's data, organisation and reporting services without the web host: no Quartz job may roll days while
    /// the history is written or the reports are timed (the nightly and late-fact triggers run every minute in the app).
    /// Without <paramref name="migrate"/> the database is read as it is (a migration that marks every day for re-rolling
    /// would change what a rollup-backed read costs).
    /// </summary>
    internal static async Task<ServiceProvider> ServicesAsync(string file, bool migrate = true)
    {
        var connectionString = $"Data Source={file};Default Timeout=60";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddCustomerServiceDatabase(DatabaseProvider.Sqlite, connectionString);
        services.AddOptions<BootstrapOptions>();
        services.AddOptions<EnterpriseDefaultsOptions>();
        services.AddAuthFeature();
        services.AddOrganisationFeature();
        services.AddSettingsFeature();
        services.AddReportingFeature(DatabaseProvider.Sqlite, connectionString);
        services.AddDemoHistory();
        var provider = services.BuildServiceProvider();
        if (!migrate)
        {
            return provider;
        }

        await DatabaseMigrator.MigrateAsync(provider);
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OrganisationBootstrap>().EnsureAsync();
        return provider;
    }

    private static async Task MeasureAsync(IServiceProvider services, int days, int agents, int calls, int rawCalls)
    {
        var factory = services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>();
        DateOnly from, to;
        await using (var db = await factory.CreateDbContextAsync())
        {
            from = await db.RollupDays.MinAsync(d => (DateOnly?)d.LocalDate) ?? default;
            to = await db.RollupDays.MaxAsync(d => (DateOnly?)d.LocalDate) ?? default;
        }

        if (from == default)
        {
            Console.WriteLine($"seed-history --days {days} --agents {agents}");
            var summary = await services.GetRequiredService<HistorySeeder>().RunAsync(new HistoryOptions(days, agents), Console.Out);
            SeedHistoryCommand.Print(summary);
            (from, to) = (summary.From, summary.To);
        }
        else
        {
            Console.WriteLine($"reusing the history {from:yyyy-MM-dd}..{to:yyyy-MM-dd} of the kept database");
        }

        var roller = services.GetRequiredService<DayRoller>();
        await RollMarkedDaysAsync(factory, roller);
        var day = to.AddDays(-(to.DayNumber - from.DayNumber) / 2);
        var rolls = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var rows = await roller.RollAsync(day);
            rolls.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine($"rollup of {day:yyyy-MM-dd}: {watch.Elapsed.TotalMilliseconds:F0} ms ({rows} rows)");
        }

        var period = new ReportPeriod(from, to);
        List<int> agentIds;
        await using (var db = await factory.CreateDbContextAsync())
        {
            agentIds = await db.Accounts.Select(a => a.Id).ToListAsync();
        }

        var reports = services.GetRequiredService<ReportService>();
        var audience = ReportAudience.Enterprise(agentIds);
        var (fromRollups, figures) = await TimeAsync(calls, () => reports.AgentsAsync(period, audience));
        Report($"report {period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd}, {agentIds.Count} accounts, from rollups", fromRollups);

        if (rawCalls == 0)
        {
            Console.WriteLine($"rollup of one day, median of 3: {Percentile(rolls, 0.5):F0} ms");
            return;
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            // Every day marked stale: the service rolls each one in memory from the facts, as without rollups (and as it
            // does for today). The marks are removed afterwards, so a kept database keeps its rollups.
            var now = DateTime.UtcNow;
            for (var d = period.From; d <= period.To; d = d.AddDays(1))
            {
                db.RollupDirtyMarks.Add(new RollupDirtyMark(d, now));
            }

            await db.SaveChangesAsync();
        }

        var (fromFacts, raw) = await TimeAsync(rawCalls, () => reports.AgentsAsync(period, audience));
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.RollupDirtyMarks.ExecuteDeleteAsync();
        }

        Report("same report from raw facts (no rollups)", fromFacts);
        Console.WriteLine($"speed-up p50: {Percentile(fromFacts, 0.5) / Percentile(fromRollups, 0.5):F0}x");
        Console.WriteLine($"same figures: {raw.Total == figures.Total && raw.Agents.SequenceEqual(figures.Agents)}");
        Console.WriteLine($"rollup of one day, median of 3: {Percentile(rolls, 0.5):F0} ms");
    }

    private static async Task<(List<double> Milliseconds, AgentReport Last)> TimeAsync(int calls, Func<Task<AgentReport>> call)
    {
        var last = await call();
        var times = new List<double>();
        for (var i = 0; i < calls; i++)
        {
            var watch = Stopwatch.StartNew();
            last = await call();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return (times, last);
    }

    private static void Report(string what, List<double> times) =>
        Console.WriteLine($"{what}: p50 {Percentile(times, 0.5):F0} ms, p99 {Percentile(times, 0.99):F0} ms over {times.Count} calls");

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }

    /// <summary>
    /// A kept database migrated by a release that adds a rolled figure has every day marked (RollupRecount): rolled
    /// again here as the backlog job would, each one timed, so the reports below read rollups.
    /// </summary>
    private static async Task RollMarkedDaysAsync(IDbContextFactory<CustomerServiceDbContext> factory, DayRoller roller)
    {
        List<DateOnly> marked;
        await using (var db = await factory.CreateDbContextAsync())
        {
            marked = await db.RollupDirtyMarks.Select(m => m.LocalDate).Distinct().OrderBy(d => d).ToListAsync();
        }

        if (marked.Count == 0)
        {
            return;
        }

        var times = new List<double>();
        foreach (var day in marked)
        {
            var watch = Stopwatch.StartNew();
            await roller.RollAsync(day);
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (times.Count % 30 == 0)
            {
                Console.WriteLine($"  re-rolled {times.Count}/{marked.Count} marked days");
            }
        }

        Console.WriteLine($"re-rolled {marked.Count} marked days: p50 {Percentile(times, 0.5):F0} ms, p99 {Percentile(times, 0.99):F0} ms, max {times.Max():F0} ms per day");
    }
}
