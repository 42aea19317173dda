using System.Diagnostics;
using System.Globalization;
using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Features.Organisation;
using CustomerService.Web.Features.Records;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Settings;
using CustomerService.Web.Features.Visitors;
using CustomerService.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Benchmarks;

/// <summary>
/// Issue 12 Performance on a copy of a <c>seed-history</c> database (the original is never written): the records list's
/// first page and a page with three filters, the navigation counts, and the message keyword search (2- and 4-character
/// Chinese terms), p50/p99 over <c>calls</c> calls each, for an admin (everything), a team lead (his group) and a sales agent (his own).
/// Goals (issue 12): list ≤ 150 ms, keyword ≤ 300 ms.
/// </summary>
internal static class RecordsBenchmark
{
    public static async Task RunAsync(string source, int calls, bool inPlace, bool yearOnly)
    {
        using var database = BenchmarkDatabase.For(source, inPlace, "cs-bench-records-");
        await using var services = await ServicesAsync(database.File);
        await MeasureAsync(services, calls, yearOnly);
    }

    private static async Task<ServiceProvider> ServicesAsync(string file)
    {
        var provider = RecordsServices($"Data Source={file};Default Timeout=60").BuildServiceProvider();
        var watch = Stopwatch.StartNew();
        await DatabaseMigrator.MigrateAsync(provider);
        Console.WriteLine($"migrations on the copy: {watch.ElapsedMilliseconds} ms");
        return provider;
    }

    /// <summary>The records feature and what it stands on, without the web host (the exports benchmark adds its own).</summary>
    internal static ServiceCollection RecordsServices(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddCustomerServiceDatabase(DatabaseProvider.Sqlite, connectionString);
        services.AddOptions<BootstrapOptions>();
        services.AddOptions<EnterpriseDefaultsOptions>();
        services.AddAuthFeature();
        services.AddOrganisationFeature();
        services.AddSettingsFeature();
        services.AddVisitorsFeature(new ConfigurationBuilder().Build());
        services.AddReportingFeature(DatabaseProvider.Sqlite, connectionString);
        services.AddRecordsFeature();
        return services;
    }

    private static async Task MeasureAsync(IServiceProvider services, int calls, bool yearOnly)
    {
        var factory = services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>();
        int admin, lead, agent;
        DateOnly last;
        await using (var db = await factory.CreateDbContextAsync())
        {
            // seed-history makes team leads and sales only: on this copy agent100 becomes the admin who sees everything.
            await db.Database.ExecuteSqlRawAsync("UPDATE Accounts SET Role = 'Admin' WHERE LoginName = 'agent100'");
            admin = await db.Accounts.Where(a => a.LoginName == "agent100").Select(a => a.Id).SingleAsync();
            lead = await db.Accounts.Where(a => a.LoginName == "agent001").Select(a => a.Id).SingleAsync();
            agent = await db.Accounts.Where(a => a.LoginName == "agent002").Select(a => a.Id).SingleAsync();
            var zone = await Web.Infrastructure.EnterpriseClock.TimeZoneAsync(db, CancellationToken.None);
            var newest = await db.Conversations.MaxAsync(c => c.RequestedAt);
            last = ReportPeriod.LocalDate(newest, zone);
            Console.WriteLine($"conversations: {await db.Conversations.CountAsync():N0}, messages: {await db.Messages.CountAsync():N0}, newest day {last:yyyy-MM-dd}");
        }

        using var scope = services.CreateScope();
        var records = scope.ServiceProvider.GetRequiredService<RecordListService>();
        var month = new ReportPeriod(last.AddDays(-29), last);
        var all = new RecordFilter();
        var three = new RecordFilter { AgentId = agent, Valid = true, Rating = RatingFilter.Satisfied };

        // year-only: the 365-day figures alone (the 30-day section with its LIKE comparisons takes long on a year of history).
        foreach (var (who, account) in yearOnly ? [] : new[] { ("admin", admin), ("lead agent001", lead), ("sales agent002", agent) })
        {
            await CallTimer.TimeAsync($"{who}: 有效咨询 first page, 30 days", calls, () => records.PageAsync(account, new RecordSearch(month, RecordList.Valid, all), null));
            await CallTimer.TimeAsync($"{who}: page with 3 filters (agent, valid, rating), 30 days", calls, () => records.PageAsync(account, new RecordSearch(month, RecordList.All, three), null));
            await CallTimer.TimeAsync($"{who}: 已购买 first page, 30 days", calls, () => records.PageAsync(account, new RecordSearch(month, RecordList.Purchased, all), null));
            await CallTimer.TimeAsync($"{who}: navigation counts (12 lists), 30 days", Math.Max(3, calls / 5), () => records.CountsAsync(account, new RecordSearch(month, RecordList.Valid, all)));
            // 2- and 4-character terms, frequent in this data (发票, 退货运费) and absent (退款, 申请退款: the worst case for
            // a scan, which walks the whole period to find no page); each through the FTS5 index and through the LIKE
            // per conversation that it replaced.
            foreach (var term in new[] { "退款", "发票", "退货运费", "申请退款", "什么时候发货" })
            {
                await CallTimer.TimeAsync($"{who}: keyword “{term}” first page, 30 days, FTS5 bigrams", Math.Max(3, calls / 5),
                    () => records.PageAsync(account, new RecordSearch(month, RecordList.All, new RecordFilter { Keyword = term }), null));
                await CallTimer.TimeAsync($"{who}: keyword “{term}” first page, 30 days, LIKE (before)", Math.Max(3, calls / 5),
                    () => LikePageAsync(services, account, month, term));
            }

            await CallTimer.TimeAsync($"{who}: navigation counts with keyword “发票”, 30 days", Math.Max(3, calls / 5),
                () => records.CountsAsync(account, new RecordSearch(month, RecordList.Valid, new RecordFilter { Keyword = "发票" })));
        }

        // The widest period a search allows (SPEC G1: up to a year), over the whole of a year-long history: the admin's.
        var year = new ReportPeriod(last.AddDays(-364), last);
        await CallTimer.TimeAsync("admin: 有效咨询 first page, 365 days", calls, () => records.PageAsync(admin, new RecordSearch(year, RecordList.Valid, all), null));
        await CallTimer.TimeAsync("admin: page with 3 filters (agent, valid, rating), 365 days", calls, () => records.PageAsync(admin, new RecordSearch(year, RecordList.All, three), null));
        // A team lead's scope also holds his reception groups' requests nobody took part in (放弃排队): an OR beside the
        // participants' lookup, timed on the same lists.
        await CallTimer.TimeAsync("lead agent001: 有效咨询 first page, 365 days", calls, () => records.PageAsync(lead, new RecordSearch(year, RecordList.Valid, all), null));
        await CallTimer.TimeAsync("lead agent001: page with 3 filters (agent, valid, rating), 365 days", calls, () => records.PageAsync(lead, new RecordSearch(year, RecordList.All, three), null));
        foreach (var term in new[] { "退款", "发票", "申请退款", "退货运费" })
        {
            await CallTimer.TimeAsync($"admin: keyword “{term}” first page, 365 days, FTS5 bigrams", calls,
                () => records.PageAsync(admin, new RecordSearch(year, RecordList.All, new RecordFilter { Keyword = term }), null));
        }

        await CallTimer.TimeAsync("admin: navigation counts (12 lists), 30 days", 3, () => records.CountsAsync(admin, new RecordSearch(month, RecordList.Valid, all)));
        await CallTimer.TimeAsync("admin: navigation counts (12 lists), 365 days", 3, () => records.CountsAsync(admin, new RecordSearch(year, RecordList.Valid, all)));
    }

    /// <summary>The keyword filter as it was before the index: a LIKE over each conversation's messages, newest first.</summary>
    private static async Task<List<long>> LikePageAsync(IServiceProvider services, int account, ReportPeriod period, string term)
    {
        var visible = await services.GetRequiredService<Web.Features.Security.DataScopeFilter>().ForAsync(account, Domain.Security.ScopedModule.Records);
        await using var db = await services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContextAsync();
        var zone = await Web.Infrastructure.EnterpriseClock.TimeZoneAsync(db, CancellationToken.None);
        var (fromUtc, toUtc) = period.UtcRange(zone);
        var query = new RecordQueryBuilder(db, TimeSpan.FromDays(7))
            .Build(visible.Conversations(db).AsNoTracking(), fromUtc, toUtc, RecordList.All, new RecordFilter())
            .Where(c => db.Messages.Any(m => m.ConversationId == c.Id && m.Text.Contains(term)));
        return await RecordQueryBuilder.Page(query, null, RecordListService.DefaultPageSize + 1).Select(c => c.Id).ToListAsync();
    }
}
