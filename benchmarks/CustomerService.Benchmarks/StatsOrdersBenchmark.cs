using CustomerService.Data;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Benchmarks;

/// <summary>
/// Issues 11/12 Performance: three reads over a year that read conversations and orders, not rollups — 整体统计's
/// 用户身份, a page of 订单详情 (and the whole list the .xlsx writes), 咨询类型 — p50/p99 over <c>calls</c> calls, on a
/// database used as it is (not migrated: these reads do not depend on which days are rolled). With
/// <c>formerCalls</c> &gt; 0 the former 用户身份 read (a lookup of the visitor and the customers per consultation) is
/// timed too and its figures compared with the new ones. Goal: ≤ 300 ms each.
/// </summary>
internal static class StatsOrdersBenchmark
{
    public static async Task RunAsync(string file, int calls, int formerCalls)
    {
        await using var services = await ReportsBenchmark.ServicesAsync(file, migrate: false);
        var factory = services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>();
        ReportPeriod year;
        List<int> accounts;
        List<int> team;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var last = await db.Conversations.MaxAsync(c => c.RequestedAt);
            var to = DateOnly.FromDateTime(last);
            year = new ReportPeriod(to.AddDays(-364), to);
            accounts = await db.Accounts.Select(a => a.Id).ToListAsync();
            var group = await db.Accounts.GroupBy(a => a.AccountGroupId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            team = await db.Accounts.Where(a => a.AccountGroupId == group).Select(a => a.Id).ToListAsync();
        }

        await PrintPlansAsync(factory);
        var reports = services.GetRequiredService<ReportService>();
        var all = ReportAudience.Enterprise(accounts);
        var group10 = ReportAudience.Agents(team);
        Console.WriteLine($"Reads over {year.From:yyyy-MM-dd}..{year.To:yyyy-MM-dd}, {accounts.Count} accounts, a team of {team.Count}");
        Console.WriteLine($"用户身份 {await reports.VisitorIdentityAsync(year, all)}");
        if (formerCalls > 0)
        {
            Console.WriteLine($"former 用户身份 {await FormerIdentityAsync(factory, year)}");
            await CallTimer.TimeAsync("former 整体统计 用户身份", formerCalls, () => FormerIdentityAsync(factory, year));
        }

        await CallTimer.TimeAsync("整体统计 用户身份", calls, () => reports.VisitorIdentityAsync(year, all));
        Console.WriteLine($"用户身份 in SQL {await InSqlIdentityAsync(factory, year)}");
        await CallTimer.TimeAsync("整体统计 用户身份, the alternative of aggregates in SQL", calls, () => InSqlIdentityAsync(factory, year));
        await CallTimer.TimeAsync("整体统计 用户身份, a team", calls, () => reports.VisitorIdentityAsync(year, group10));
        var first = await reports.OrderPageAsync(year, all, 0, 50);
        Console.WriteLine($"订单详情: {first.Total} orders, a team's: {(await reports.OrderPageAsync(year, group10, 0, 50)).Total}");
        await CallTimer.TimeAsync("订单详情 page 1", calls, () => reports.OrderPageAsync(year, all, 0, 50));
        await CallTimer.TimeAsync("订单详情 last page", calls, () => reports.OrderPageAsync(year, all, first.Total / 50 * 50, 50));
        await CallTimer.TimeAsync("订单详情 page 1, a team", calls, () => reports.OrderPageAsync(year, group10, 0, 50));
        await CallTimer.TimeAsync("订单详情 every order (.xlsx, API)", Math.Max(1, calls / 4), () => reports.OrdersAsync(year, all));
        await CallTimer.TimeAsync("咨询类型", calls, () => reports.ConsultationTypesAsync(year, all));
    }

    /// <summary>
    /// The plans of the two period scans as the app's SQLite (the bundled library, not the sqlite3 shell) makes them:
    /// each should read its covering index alone.
    /// </summary>
    private static async Task PrintPlansAsync(IDbContextFactory<CustomerServiceDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        const string Consultations = "FROM \"Conversations\" AS \"c\" WHERE \"c\".\"RequestedAt\" >= @f AND \"c\".\"RequestedAt\" < @t AND \"c\".\"AssignedAt\" IS NOT NULL AND \"c\".\"AgentId\" IS NOT NULL";
        string[] queries =
        [
            $"SELECT \"c\".\"VisitorId\", \"c\".\"IsVip\" {Consultations}",
            $"SELECT \"c\".\"SummaryTypeId\", COUNT(*) {Consultations} AND \"c\".\"SummaryTypeId\" IS NOT NULL AND \"c\".\"SummarizedAt\" IS NOT NULL AND \"c\".\"VisitorMessageCount\" >= 1 AND \"c\".\"AgentMessageCount\" >= 1 GROUP BY \"c\".\"SummaryTypeId\"",
        ];
        using var version = connection.CreateCommand();
        version.CommandText = "SELECT sqlite_version()";
        Console.WriteLine($"SQLite {await version.ExecuteScalarAsync()}");
        foreach (var query in queries)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + query;
            foreach (var (name, value) in new[] { ("@f", "2025-12-01 16:00:00"), ("@t", "2026-12-01 16:00:00") })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Console.WriteLine($"  plan: {reader.GetString(3)}");
            }
        }
    }

    /// <summary>
    /// The alternative weighed against the one-pass read: counts, the CRM count (a set probed per row) and the distinct
    /// visitors in one aggregate over the covering index, then the few signed-in visitors who consulted.
    /// </summary>
    private static async Task<VisitorIdentityFigures> InSqlIdentityAsync(IDbContextFactory<CustomerServiceDbContext> factory, ReportPeriod period)
    {
        await using var db = await factory.CreateDbContextAsync();
        var zone = (await db.EnterpriseProfiles.SingleAsync()).TimeZone;
        var (fromUtc, toUtc) = period.UtcRange(zone);
        var consultations = db.Conversations.AsNoTracking()
            .Where(c => c.RequestedAt >= fromUtc && c.RequestedAt < toUtc && c.AssignedAt != null && c.AgentId != null);
        var crmVisitors = db.Customers.Where(k => k.OriginVisitorId != null).Select(k => k.OriginVisitorId!.Value)
            .Concat(db.Visitors.Where(v => v.ExternalUserId != null && db.Customers.Any(k => k.UserId == v.ExternalUserId)).Select(v => v.Id));
        var counts = await consultations
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Total = g.LongCount(),
                Vip = g.LongCount(c => c.IsVip),
                Crm = g.LongCount(c => crmVisitors.Contains(c.VisitorId)),
                Visitors = g.Select(c => c.VisitorId).Distinct().LongCount(),
            })
            .SingleAsync();
        var signed = await db.Visitors.AsNoTracking()
            .Where(v => v.ExternalUserId != null && consultations.Any(c => c.VisitorId == v.Id))
            .Select(v => v.ExternalUserId!)
            .ToListAsync();
        return new VisitorIdentityFigures(
            counts.Visitors - signed.Count, signed.Distinct(StringComparer.Ordinal).LongCount(), counts.Vip, counts.Total - counts.Vip, counts.Crm, counts.Total - counts.Crm);
    }

    /// <summary>The enterprise's 用户身份 as it was read before issue 11's change: the yardstick for time and figures.</summary>
    private static async Task<VisitorIdentityFigures> FormerIdentityAsync(IDbContextFactory<CustomerServiceDbContext> factory, ReportPeriod period)
    {
        await using var db = await factory.CreateDbContextAsync();
        var zone = (await db.EnterpriseProfiles.SingleAsync()).TimeZone;
        var (fromUtc, toUtc) = period.UtcRange(zone);
        var consultations = db.Conversations.AsNoTracking()
            .Where(c => c.RequestedAt >= fromUtc && c.RequestedAt < toUtc && c.AssignedAt != null && c.AgentId != null)
            .Select(c => new { c.VisitorId, c.IsVip, UserId = db.Visitors.Where(v => v.Id == c.VisitorId).Select(v => v.ExternalUserId).FirstOrDefault() });
        var counts = await consultations
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Total = g.LongCount(),
                Vip = g.LongCount(c => c.IsVip),
                Crm = g.LongCount(c => db.Customers.Any(k => k.OriginVisitorId == c.VisitorId) || (c.UserId != null && db.Customers.Any(k => k.UserId == c.UserId))),
            })
            .SingleAsync();
        var anonymous = await consultations.Where(c => c.UserId == null).Select(c => c.VisitorId).Distinct().LongCountAsync();
        var signedIn = await consultations.Where(c => c.UserId != null).Select(c => c.UserId).Distinct().LongCountAsync();
        return new VisitorIdentityFigures(anonymous, signedIn, counts.Vip, counts.Total - counts.Vip, counts.Crm, counts.Total - counts.Crm);
    }
}
