using CustomerService.Data;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Reporting.Jobs;
using CustomerService.Web.Features.Reporting.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Benchmarks;

/// <summary>
/// Issue 11 Performance: the server time of each KPI page over the whole history kept by <c>reports</c> (a year at 100
/// agents), for the admin's audience (every account). Each page is timed as the report-service calls it makes on load
/// (the same calls its .xlsx makes), p50/p99 over <c>calls</c> calls. Goal: ≤ 300 ms each.
/// </summary>
internal static class KpiPagesBenchmark
{
    public static async Task RunAsync(string folder, int calls)
    {
        await using var services = await ReportsBenchmark.ServicesAsync(Path.Combine(folder, "customerservice.db"));
        var factory = services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>();
        ReportPeriod year;
        List<int> accounts;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var to = await db.RollupDays.MaxAsync(d => d.LocalDate);
            year = new ReportPeriod(to.AddDays(-364), to);
            accounts = await db.Accounts.Select(a => a.Id).ToListAsync();
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            if (!await db.RollupRows.AnyAsync(r => r.Hour == RollupRow.WholeMonth))
            {
                // A database kept from before whole-month rows: sum its months once, as rolling each day would.
                var roller = services.GetRequiredService<DayRoller>();
                for (var month = new DateOnly(year.From.Year, year.From.Month, 1); month <= year.To; month = month.AddMonths(1))
                {
                    await roller.RollMonthAsync(month);
                }
            }
        }

        // A database migrated since its days were rolled: a migration that adds rolled rows marks every day, and the
        // backlog job re-rolls them; do it here first, so the pages are timed on rolled days, and print what it took.
        var backlog = await services.GetRequiredService<RollupBacklog>().DaysAsync();
        if (backlog.Count > 0)
        {
            var roller = services.GetRequiredService<DayRoller>();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            foreach (var day in backlog)
            {
                await roller.RollAsync(day);
            }

            Console.WriteLine($"re-rolled {backlog.Count} days the migrations marked: {watch.Elapsed.TotalSeconds:F0} s ({watch.ElapsedMilliseconds / backlog.Count} ms a day)");
        }

        // Tallies rolled before their visitor sets were compact are rewritten once after start, as the app does.
        var encoding = System.Diagnostics.Stopwatch.StartNew();
        await services.GetRequiredService<OriginTallyEncodingJob>().RunAsync(CancellationToken.None);
        Console.WriteLine($"origin tallies checked for compact sets: {encoding.Elapsed.TotalSeconds:F1} s");

        var reports = services.GetRequiredService<ReportService>();
        var all = ReportAudience.Enterprise(accounts);
        Console.WriteLine($"KPI pages over {year.From:yyyy-MM-dd}..{year.To:yyyy-MM-dd}, {accounts.Count} accounts");
        // Each page as it loads: its report-service calls one after the other. Started together (Task.WhenAll) they
        // were no faster on this 2-core machine (总览 319 ms against 274 ms p50, 用户分析 510 against 501).
        Task<IReadOnlyList<TrendPoint>> Trend() => reports.TrendAsync(year, ReportGranularity.Day, all);
        await CallTimer.TimeAsync("the year's report alone (AgentsAsync)", calls, () => reports.AgentsAsync(year, all));
        await CallTimer.TimeAsync("the year's daily trend alone (TrendAsync)", calls, Trend);
        await CallTimer.TimeAsync("the year's total alone (TotalAsync)", calls, () => reports.TotalAsync(year, all));
        await CallTimer.TimeAsync("the year's origins alone (OriginsAsync)", calls, () => reports.OriginsAsync(year, all));
        await CallTimer.TimeAsync("总览 (agents, daily trend)", calls, async () => (await reports.AgentsAsync(year, all), await Trend()));
        await CallTimer.TimeAsync("明细数据 by agent (trend, agents)", calls, async () => (await Trend(), await reports.AgentsAsync(year, all)));
        await CallTimer.TimeAsync("明细数据 by account group (trend, groups)", calls, async () => (await Trend(), await reports.AccountGroupsAsync(year, all)));
        await CallTimer.TimeAsync("绩效 view (agents, trend, previous period)", calls, async () =>
            (await reports.AgentsAsync(year, all), await Trend(), await reports.AgentsAsync(year.Previous(), all)));
        await CallTimer.TimeAsync("关键绩效排名 (agents, trend)", calls, async () => (await reports.AgentsAsync(year, all), await Trend()));
        await CallTimer.TimeAsync("订单 view (agents, first page of 订单详情)", calls, async () =>
            (await reports.AgentsAsync(year, all), await reports.OrderPageAsync(year, all, 0, 50)));
        await CallTimer.TimeAsync("订单详情 download (every order)", calls, () => reports.OrdersAsync(year, all));
        await CallTimer.TimeAsync("排队分析 (groups, whole, daily trend)", calls, async () =>
            (await reports.QueueByGroupAsync(year), await reports.QueueAsync(year, null), await reports.QueueTrendAsync(year, ReportGranularity.Day, null)));
        await CallTimer.TimeAsync("咨询发起 (total, origins, trend)", calls, async () =>
            (await reports.TotalAsync(year, all), await reports.OriginsAsync(year, all), await Trend()));
        await CallTimer.TimeAsync("咨询类型 (types, trend)", calls, async () => (await reports.ConsultationTypesAsync(year, all), await Trend()));
        await CallTimer.TimeAsync("用户分析 (total, origins, trend)", calls, async () =>
            (await reports.TotalAsync(year, all), await reports.OriginsAsync(year, all), await Trend()));
        await CallTimer.TimeAsync("时段分析 (hours of the last day)", calls, () => reports.HourlyAsync(year.To, all));
        await CallTimer.TimeAsync("整体统计 identity panel", calls, () => reports.VisitorIdentityAsync(year, all));
    }
}
