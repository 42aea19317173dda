using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Orders;
using CustomerService.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting.Orders;

/// <summary>
/// (Re)computes the attribution of orders (SPEC I0 Orders) from their users' valid conversations around them: one query
/// for the conversations, one for their participants, one for the users' other orders — whatever the number of orders.
/// </summary>
public sealed class OrderAttributor
{
    /// <summary>Attributes every order of <paramref name="orders"/> (tracked by <paramref name="db"/>); returns how many changed.</summary>
    public async Task<int> AttributeAsync(
        CustomerServiceDbContext db, IReadOnlyCollection<Order> orders, TimeSpan window, CancellationToken cancellationToken)
    {
        if (orders.Count == 0)
        {
            return 0;
        }

        var users = orders.Select(o => o.UserId).Distinct(StringComparer.Ordinal).ToList();
        var earliest = orders.Min(o => o.PlacedAt) - window;
        var latest = orders.Max(o => o.PlacedAt) + window;

        var conversations = await (
                from c in db.Conversations.AsNoTracking()
                join v in db.Visitors.AsNoTracking() on c.VisitorId equals v.Id
                where v.ExternalUserId != null && users.Contains(v.ExternalUserId)
                      && c.RequestedAt >= earliest && c.RequestedAt <= latest
                      && c.AgentId != null && c.VisitorMessageCount > 0 && c.AgentMessageCount > 0
                select new { c.Id, UserId = v.ExternalUserId!, c.RequestedAt, AgentId = c.AgentId!.Value, c.ReceptionGroupId })
            .ToListAsync(cancellationToken);
        var conversationIds = conversations.Select(c => c.Id).ToList();
        var participants = (await db.Participants.AsNoTracking()
                .Where(p => conversationIds.Contains(p.ConversationId))
                .Select(p => new { p.ConversationId, p.AgentId })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.ConversationId, p => p.AgentId);
        var consultationsByUser = conversations
            .ToLookup(
                c => c.UserId,
                c => new UserConsultation(c.Id, c.RequestedAt, c.AgentId, participants[c.Id].Append(c.AgentId).Distinct().ToList()),
                StringComparer.Ordinal);
        var groupOf = conversations.ToDictionary(c => c.Id, c => c.ReceptionGroupId);

        // Other orders up to one window before the earliest: the "previous order" that cuts the assisting window.
        var orderIds = orders.Select(o => o.OrderId).ToList();
        var otherOrders = (await db.Orders.AsNoTracking()
                .Where(o => users.Contains(o.UserId) && o.PlacedAt >= earliest - window && o.PlacedAt <= latest
                            && o.Status != OrderStatus.Cancelled && !orderIds.Contains(o.OrderId))
                .Select(o => new { o.OrderId, o.UserId, o.PlacedAt })
                .ToListAsync(cancellationToken))
            .Select(o => (o.OrderId, o.UserId, o.PlacedAt))
            .Concat(orders.Where(o => !o.IsCancelled).Select(o => (o.OrderId, o.UserId, o.PlacedAt)))
            .ToLookup(o => o.UserId, StringComparer.Ordinal);

        var changed = 0;
        foreach (var order in orders)
        {
            var others = otherOrders[order.UserId].Where(o => o.OrderId != order.OrderId).Select(o => o.PlacedAt).ToList();
            var result = OrderAttribution.Attribute(order.PlacedAt, consultationsByUser[order.UserId].ToList(), others, window);
            var group = result.ConversationId is { } id ? groupOf[id] : (int?)null;
            if (order.Attribute(result, group))
            {
                changed++;
            }
        }

        return changed;
    }
}
