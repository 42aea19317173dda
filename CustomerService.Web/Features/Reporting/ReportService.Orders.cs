using System.Globalization;
using CustomerService.Data;
using CustomerService.Domain.Orders;
using CustomerService.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting;

/// <summary>One page of 订单详情 and how many orders the whole list holds.</summary>
public sealed record OrderPage(IReadOnlyList<OrderDetail> Orders, int Total);

public sealed partial class ReportService
{
    /// <summary>The most orders one page of 订单详情 reads.</summary>
    public const int MaxOrderPageSize = 200;

    /// <summary>
    /// 订单详情 (SPEC N4 <c>/reports/orders</c>): the period's orders that are not cancelled, with their attribution; an
    /// order counts for the audience when its 下单客服 or one of its 协助下单客服 is in it (any order, for the enterprise).
    /// Every order at once: what the .xlsx and the API write.
    /// </summary>
    public async Task<IReadOnlyList<OrderDetail>> OrdersAsync(ReportPeriod period, ReportAudience audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await ReportContext.LoadAsync(db, clock, cancellationToken);
        var orders = await OrdersInOrder(db, context, period).ToListAsync(cancellationToken);
        var logins = await LoginsAsync(db, cancellationToken);
        return orders
            .Where(o => audience.WholeEnterprise || CountsFor(audience, o.OrderAgentId, o.AssistingAgentIds))
            .Select(o => Detail(o, logins))
            .ToList();
    }

    /// <summary>
    /// The same list, one page of it (<paramref name="skip"/>, <paramref name="take"/>) and its length, for the page that
    /// shows it: a year holds some 180k orders, too many to load into a table. For the enterprise the page is read in
    /// SQL; for a set of agents SQL keeps the orders one of them placed or that anyone assisted, and the assisting ids
    /// (a text column) are matched on those narrow rows before the page's orders are read.
    /// </summary>
    public async Task<OrderPage> OrderPageAsync(ReportPeriod period, ReportAudience audience, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        take = Math.Min(take, MaxOrderPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await ReportContext.LoadAsync(db, clock, cancellationToken);
        var inOrder = OrdersInOrder(db, context, period);
        List<Order> page;
        int total;
        if (audience.WholeEnterprise)
        {
            total = await inOrder.CountAsync(cancellationToken);
            page = await inOrder.Skip(skip).Take(take).ToListAsync(cancellationToken);
        }
        else
        {
            var agents = audience.AgentIds.Select(id => (int?)id).ToList();
            var none = new List<int>();
            var candidates = await inOrder
                .Where(o => agents.Contains(o.OrderAgentId) || EF.Property<List<int>>(o, AssistingColumn) != none)
                .Select(o => new { o.OrderId, o.OrderAgentId, Assisting = EF.Property<List<int>>(o, AssistingColumn) })
                .ToListAsync(cancellationToken);
            var matching = candidates.Where(o => CountsFor(audience, o.OrderAgentId, o.Assisting)).Select(o => o.OrderId).ToList();
            total = matching.Count;
            var ids = matching.Skip(skip).Take(take).ToList();
            var byId = await db.Orders.AsNoTracking().Where(o => ids.Contains(o.OrderId)).ToDictionaryAsync(o => o.OrderId, StringComparer.Ordinal, cancellationToken);
            page = ids.Select(id => byId[id]).ToList();
        }

        var logins = await LoginsAsync(db, cancellationToken);
        return new OrderPage(page.Select(o => Detail(o, logins)).ToList(), total);
    }

    /// <summary>The field behind <see cref="Order.AssistingAgentIds"/>, stored as "3,17" (see OrderConfiguration).</summary>
    private const string AssistingColumn = "_assistingAgentIds";

    private static IQueryable<Order> OrdersInOrder(CustomerServiceDbContext db, ReportContext context, ReportPeriod period)
    {
        var (fromUtc, toUtc) = period.UtcRange(context.Zone);
        return db.Orders.AsNoTracking()
            .Where(o => o.PlacedAt >= fromUtc && o.PlacedAt < toUtc && o.Status != OrderStatus.Cancelled)
            .OrderBy(o => o.PlacedAt).ThenBy(o => o.OrderId);
    }

    private static bool CountsFor(ReportAudience audience, int? orderAgentId, IEnumerable<int> assisting) =>
        audience.Includes(orderAgentId) || assisting.Any(a => audience.Includes(a));

    private static Task<Dictionary<int, string>> LoginsAsync(CustomerServiceDbContext db, CancellationToken cancellationToken) =>
        db.Accounts.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.LoginName, cancellationToken);

    private static OrderDetail Detail(Order o, Dictionary<int, string> logins) =>
        new(
            o.OrderId, o.PlacedAt, o.PaidAt, o.Amount, o.UserId,
            o.OrderAgentId is { } agent ? logins.GetValueOrDefault(agent) : null,
            o.AssistingAgentIds.Select(a => logins.GetValueOrDefault(a) ?? a.ToString(CultureInfo.InvariantCulture)).ToList(),
            o.Type, o.AttributedConversationId);
}
