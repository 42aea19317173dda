using CustomerService.Data;
using CustomerService.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting.Orders;

/// <summary>What became of a pushed order: refused fields, or the stored order and whether anything changed.</summary>
public sealed record OrderIntakeResult(IReadOnlyList<FieldViolation> Problems, Order? Order, bool Created, bool Changed);

/// <summary>
/// Upserts a merchant's order by its id (SPEC N4 <c>PUT /api/v1/orders/{orderId}</c>) and attributes it (SPEC I0). The same
/// body twice writes nothing. A changed order can change the attribution of the user's neighbouring orders (it may be
/// their "previous order", or stop being one when cancelled), so those are recomputed in the same transaction; the
/// days whose figures move are marked for re-rolling by the save itself (<see cref="LateFactMarker"/>).
/// </summary>
public sealed class OrderIntake(IDbContextFactory<CustomerServiceDbContext> dbFactory, OrderAttributor attributor, TimeProvider clock)
{
    public async Task<OrderIntakeResult> UpsertAsync(OrderInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var problems = input.Check(now);
        if (problems.Count > 0)
        {
            return new OrderIntakeResult(problems, null, Created: false, Changed: false);
        }

        try
        {
            return await StoreAsync(input, now, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The merchant pushed the same new order twice at once and the other request stored it first: this body
            // is now an update of that order (the same body changes nothing). Any other failure stands.
            if (!await ExistsAsync(input.OrderId!, cancellationToken))
            {
                throw;
            }

            return await StoreAsync(input, now, cancellationToken);
        }
    }

    private async Task<bool> ExistsAsync(string orderId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Orders.AnyAsync(o => o.OrderId == orderId, cancellationToken);
    }

    private async Task<OrderIntakeResult> StoreAsync(OrderInput input, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.SingleOrDefaultAsync(o => o.OrderId == input.OrderId, cancellationToken);
        var created = order is null;
        var previousUser = order?.UserId;
        var previousPlacedAt = order?.PlacedAt;
        if (order is null)
        {
            order = Order.Place(input.OrderId!, input, now);
            db.Orders.Add(order);
        }
        else if (!order.Apply(input, now))
        {
            return new OrderIntakeResult([], order, Created: false, Changed: false);
        }

        var window = (await db.EnterpriseProfiles.AsNoTracking().SingleAsync(cancellationToken)).AttributionWindow;
        var neighbours = await NeighboursAsync(db, order, window, cancellationToken);
        if (previousUser is not null && (previousUser != order.UserId || previousPlacedAt != order.PlacedAt))
        {
            // Moved to another user or time: its old neighbours lose (or regain) it as their previous order too.
            neighbours.AddRange(await NeighboursAsync(db, previousUser, previousPlacedAt!.Value, window, order.OrderId, cancellationToken));
        }

        await attributor.AttributeAsync(db, [order, .. neighbours.DistinctBy(o => o.OrderId)], window, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new OrderIntakeResult([], order, created, Changed: true);
    }

    private static Task<List<Order>> NeighboursAsync(CustomerServiceDbContext db, Order order, TimeSpan window, CancellationToken cancellationToken) =>
        NeighboursAsync(db, order.UserId, order.PlacedAt, window, order.OrderId, cancellationToken);

    /// <summary>The user's orders placed within one window after <paramref name="placedAt"/>: the ones that may count it as their previous order.</summary>
    private static Task<List<Order>> NeighboursAsync(
        CustomerServiceDbContext db, string userId, DateTime placedAt, TimeSpan window, string exceptOrderId, CancellationToken cancellationToken) =>
        db.Orders
            .Where(o => o.UserId == userId && o.OrderId != exceptOrderId && o.PlacedAt > placedAt && o.PlacedAt <= placedAt + window)
            .ToListAsync(cancellationToken);
}
