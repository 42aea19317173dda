using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting.Facts;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting;

/// <summary>
/// 用户身份 of 整体统计 (SPEC G4, seed 002 互动记录 §3 (7)) over the consultations credited to an audience: visitors who
/// consulted without a signed user id (访客人数) and with one (登录人数) — people, each counted once —, and consultations
/// by VIP visitors or not (the VIP mark stamped on the conversation when it was requested) and by visitors who are CRM
/// customers or not (SPEC J5's recognition: the customer filed from the visitor or holding his user id; as it stands now).
/// </summary>
public sealed record VisitorIdentityFigures(long AnonymousVisitors, long SignedInVisitors, long Vip, long NonVip, long Crm, long NonCrm);

public sealed partial class ReportService
{
    /// <summary>
    /// Reads the period's consultations once, as (visitor, VIP) pairs through a covering index, and decides the rest in
    /// memory against the few visitors that carry a user id and the customers' recognition keys, each read once. Before,
    /// three queries each looked the visitor and the customers up per consultation: 36.5 s over a year at 100 agents.
    /// </summary>
    public async Task<VisitorIdentityFigures> VisitorIdentityAsync(ReportPeriod period, ReportAudience audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await ReportContext.LoadAsync(db, clock, cancellationToken);
        var (fromUtc, toUtc) = period.UtcRange(context.Zone);

        // Signed-in visitors are few next to anonymous ones (a user id is set only when the merchant's page passes one).
        var userIdOf = await db.Visitors.AsNoTracking()
            .Where(v => v.ExternalUserId != null)
            .Select(v => new { v.Id, v.ExternalUserId })
            .ToDictionaryAsync(v => v.Id, v => v.ExternalUserId!, cancellationToken);
        var customerVisitors = (await db.Customers.AsNoTracking()
            .Where(k => k.OriginVisitorId != null)
            .Select(k => k.OriginVisitorId!.Value)
            .ToListAsync(cancellationToken)).ToHashSet();
        var customerUsers = (await db.Customers.AsNoTracking()
            .Where(k => k.UserId != null)
            .Select(k => k.UserId!)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        long total = 0, vip = 0, crm = 0;
        var visitors = new HashSet<long>();
        var rows = ConsultationQuery.Between(db, fromUtc, toUtc, audience).Select(c => new { c.VisitorId, c.IsVip }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            total++;
            vip += row.IsVip ? 1 : 0;
            var userId = userIdOf.GetValueOrDefault(row.VisitorId);
            if (customerVisitors.Contains(row.VisitorId) || (userId is not null && customerUsers.Contains(userId)))
            {
                crm++;
            }

            visitors.Add(row.VisitorId);
        }

        // 访客人数 counts visitors (a browser without a user id); 登录人数 counts users, one person on several devices once.
        var anonymous = visitors.LongCount(v => !userIdOf.ContainsKey(v));
        var signedIn = visitors.Where(userIdOf.ContainsKey).Select(v => userIdOf[v]).Distinct(StringComparer.Ordinal).LongCount();
        return new VisitorIdentityFigures(anonymous, signedIn, vip, total - vip, crm, total - crm);
    }
}
