using CustomerService.Domain.Reporting;
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
    public async Task<VisitorIdentityFigures> VisitorIdentityAsync(ReportPeriod period, ReportAudience audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await ReportContext.LoadAsync(db, clock, cancellationToken);
        var (fromUtc, toUtc) = period.UtcRange(context.Zone);
        var consultations = Consultations(db, fromUtc, toUtc, audience)
            .Select(c => new { c.VisitorId, c.IsVip, UserId = db.Visitors.Where(v => v.Id == c.VisitorId).Select(v => v.ExternalUserId).FirstOrDefault() });
        var counts = await consultations
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Total = g.LongCount(),
                Vip = g.LongCount(c => c.IsVip),
                Crm = g.LongCount(c => db.Customers.Any(k => k.OriginVisitorId == c.VisitorId) || (c.UserId != null && db.Customers.Any(k => k.UserId == c.UserId))),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var (total, vip, crm) = counts is null ? (0L, 0L, 0L) : (counts.Total, counts.Vip, counts.Crm);
        // 访客人数 counts visitors (a browser without a user id); 登录人数 counts users, one person on several devices once.
        var anonymous = await consultations.Where(c => c.UserId == null).Select(c => c.VisitorId).Distinct().LongCountAsync(cancellationToken);
        var signedIn = await consultations.Where(c => c.UserId != null).Select(c => c.UserId).Distinct().LongCountAsync(cancellationToken);
        return new VisitorIdentityFigures(anonymous, signedIn, vip, total - vip, crm, total - crm);
    }
}
