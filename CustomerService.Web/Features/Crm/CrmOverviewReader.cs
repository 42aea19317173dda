using CustomerService.Data;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Reporting;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Security;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Crm;

/// <summary>The /crm overview's figures (SPEC J1) over the customers the account sees (SPEC B); days in the enterprise zone.</summary>
public sealed class CrmOverviewReader(IDbContextFactory<CustomerServiceDbContext> dbFactory, DataScopeFilter dataScope, EnterpriseTimeZone timeZone)
{
    public async Task<CrmOverview> ReadAsync(int accountId, CancellationToken cancellationToken = default)
    {
        var visible = await dataScope.ForAsync(accountId, ScopedModule.Crm, cancellationToken);
        var (zone, today) = await timeZone.TodayAsync(cancellationToken);
        var lastWeek = CrmOverview.LastWeekStart(today);
        DateTime Utc(DateOnly day) => new ReportPeriod(day, day).UtcRange(zone).FromUtc;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customers = visible.Customers(db).AsNoTracking();
        var total = await customers.CountAsync(cancellationToken);
        int[] created = [];
        if (total > 0)
        {
            var (todayStart, tomorrowStart) = (Utc(today), Utc(today.AddDays(1)));
            var yesterdayStart = Utc(today.AddDays(-1));
            var (lastWeekStart, thisWeekStart, weekBeforeStart) = (Utc(lastWeek), Utc(lastWeek.AddDays(7)), Utc(lastWeek.AddDays(-7)));
            created = [
                await customers.CountAsync(c => c.CreatedAt >= todayStart && c.CreatedAt < tomorrowStart, cancellationToken),
                await customers.CountAsync(c => c.CreatedAt >= yesterdayStart && c.CreatedAt < todayStart, cancellationToken),
                await customers.CountAsync(c => c.CreatedAt >= lastWeekStart && c.CreatedAt < thisWeekStart, cancellationToken),
                await customers.CountAsync(c => c.CreatedAt >= weekBeforeStart && c.CreatedAt < lastWeekStart, cancellationToken),
            ];
        }

        var stars = await customers.GroupBy(c => c.Star).Select(g => new { Star = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var withPhone = await customers.CountAsync(c => c.Phone != null, cancellationToken);
        var withEmail = await customers.CountAsync(c => c.Email != null, cancellationToken);
        var other = await customers.CountAsync(c => c.Phone == null && c.Email == null, cancellationToken);
        var starCounts = Enumerable.Range(0, Customer.MaxStar + 1)
            .Select(star => stars.Where(s => (s.Star ?? 0) == star).Sum(s => s.Count))
            .ToList();
        return created.Length == 0
            ? new CrmOverview(0, 0, 0, 0, 0, starCounts, 0, 0, 0)
            : new CrmOverview(total, created[0], created[1], created[2], created[3], starCounts, withPhone, withEmail, other);
    }
}
