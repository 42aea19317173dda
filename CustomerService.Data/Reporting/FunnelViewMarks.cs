using CustomerService.Domain.Organisation;
using CustomerService.Domain.Reporting;
using CustomerService.Domain.Visitors;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Data.Reporting;

/// <summary>
/// A view of an order-fill, order-success or payment key page changes 咨询发起's funnel (SPEC I0) of the visitor's
/// consultations in the attribution window before it, whose days may be rolled already: this marks those closed days
/// for re-rolling, in the view's own save (SPEC I4). <see cref="LateFactMarker"/> cannot: it would have to query.
/// </summary>
public static class FunnelViewMarks
{
    public static async Task AddAsync(CustomerServiceDbContext db, PageView view, ReportingCalendar calendar, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(calendar);
        if (view.KeyPageType is not (KeyPageType.OrderFill or KeyPageType.OrderSuccess or KeyPageType.Payment))
        {
            return;
        }

        var from = view.ViewedAt - calendar.AttributionWindow;
        var requested = await db.Conversations.AsNoTracking()
            .Where(c => c.VisitorId == view.VisitorId && c.RequestedAt >= from && c.RequestedAt < view.ViewedAt && c.AssignedAt != null)
            .Select(c => c.RequestedAt)
            .ToListAsync(cancellationToken);
        var today = calendar.LocalDate(now);
        foreach (var day in requested.Select(calendar.LocalDate).Where(d => d < today).Distinct())
        {
            db.RollupDirtyMarks.Add(new RollupDirtyMark(day, now));
        }
    }
}
