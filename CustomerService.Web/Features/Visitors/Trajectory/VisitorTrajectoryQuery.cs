using CustomerService.Data;
using CustomerService.Domain.Visitors;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Visitors.Trajectory;

/// <summary>
/// 用户轨迹 for the console's side panel (SPEC E3, F7): the visitor's visits, newest first, each with its pages, source and
/// dwell time. Reads only; page views are written by the visitor API.
/// </summary>
public sealed class VisitorTrajectoryQuery(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    /// <summary>Enough history for the panel without loading a loyal visitor's whole past; visit numbers count within it.</summary>
    public const int MaxViews = 500;

    public async Task<IReadOnlyList<Visit>> VisitsAsync(long visitorId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var views = await db.PageViews.AsNoTracking()
            .Where(v => v.VisitorId == visitorId)
            .OrderByDescending(v => v.ViewedAt)
            .Take(MaxViews)
            .ToListAsync(cancellationToken);
        return [.. VisitTrajectory.Split(views).Reverse()];
    }
}
