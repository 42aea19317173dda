using System.Globalization;
using CustomerService.Domain.Orders;

namespace CustomerService.Web.Features.Demo.History;

/// <summary>
/// The shop's orders of signed users, pushed as the merchant's system would (<see cref="Order.Place"/> with an
/// <see cref="OrderInput"/>): many soon after a consultation, some days later, some before the user asks (咨询前下单),
/// some with no consultation at all; a few cancelled, most paid. Attribution is not decided here: the writer runs
/// <c>OrderAttributor</c> on them once their window is written (SPEC I0 Orders).
/// </summary>
internal sealed class HistoryOrders(Random random, HistoryIds ids, HistoryVisitors visitors, HistoryPageViews pages, DateTime now, int seed)
{
    public void AroundConsultation(HistoryDay day, string userId, DateTime requestedAt, DateTime endedAt)
    {
        var r = random.NextDouble();
        if (r < 0.18)
        {
            Place(day, userId, endedAt + TimeSpan.FromMinutes(random.Next(1, 90)));
        }
        else if (r < 0.25)
        {
            Place(day, userId, endedAt + TimeSpan.FromMinutes(random.Next(90, 24 * 60)));
        }
        else if (r < 0.30)
        {
            Place(day, userId, endedAt + TimeSpan.FromMinutes(random.Next(24 * 60, 6 * 24 * 60)));
        }
        else if (r < 0.34)
        {
            // Ordered first, asked afterwards (售后咨询).
            Place(day, userId, requestedAt - TimeSpan.FromMinutes(random.Next(30, 48 * 60)));
        }
    }

    /// <summary>Orders of users who did not ask anything around them (订单类型 none, or 咨询前下单 if they ask later).</summary>
    public void WithoutConsultation(HistoryDay day, DateTime dayStartUtc, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (visitors.KnownUser() is { } userId)
            {
                Place(day, userId, dayStartUtc + TimeSpan.FromMinutes(random.Next(8 * 60, 23 * 60)));
            }
        }
    }

    private void Place(HistoryDay day, string userId, DateTime placedAt)
    {
        var amount = random.Next(29, 3000) + (random.Next(10) * 0.1m);
        var r = random.NextDouble();
        var paidAt = r < 0.85 ? placedAt + TimeSpan.FromMinutes(random.Next(1, 30)) : (DateTime?)null;
        var status = r > 0.95 ? "cancelled" : null;
        if (placedAt >= now || paidAt >= now)
        {
            return;
        }

        var orderId = $"H{seed.ToString(CultureInfo.InvariantCulture)}-{(++ids.Order).ToString("0000000", CultureInfo.InvariantCulture)}";
        var input = new OrderInput(orderId, userId, amount, new DateTimeOffset(placedAt, TimeSpan.Zero),
            paidAt is { } paid ? new DateTimeOffset(paid, TimeSpan.Zero) : null, status);
        day.Orders.Add(Order.Place(orderId, input, now));
        if (visitors.VisitorOf(userId) is { } visitorId)
        {
            pages.Checkout(day, visitorId, placedAt, paidAt);
        }
    }
}
