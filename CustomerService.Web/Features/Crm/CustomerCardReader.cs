using CustomerService.Data;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Orders;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Crm;

public sealed record AssignmentLine(DateTime At, string? From, string? To, string By);

public sealed record ConversationLine(long Id, DateTime RequestedAt, DateTime? EndedAt, string? Agent);

public sealed record OrderLine(string OrderId, DateTime PlacedAt, decimal Amount, OrderStatus Status);

/// <summary>Everything the customer page shows (SPEC J2, J5): the record, its fields, owner history, conversations and orders.</summary>
public sealed record CustomerCard(
    CustomerRow Customer, string? CreatedBy, IReadOnlyList<long> Visitors, IReadOnlyList<AssignmentLine> Assignments,
    IReadOnlyList<ConversationLine> Conversations, IReadOnlyList<OrderLine> Orders);

/// <summary>
/// Reads one customer in the account's CRM scope (SPEC B); null for one he may not see, as for one that does not exist.
/// His conversations are those of the visitors recognised as him (SPEC J5) that the account may see in the records
/// (SPEC B); his orders are the merchant's orders under his user id.
/// </summary>
public sealed class CustomerCardReader(IDbContextFactory<CustomerServiceDbContext> dbFactory, DataScopeFilter dataScope, CustomerSearch search)
{
    public const int MaxLines = 100;

    public async Task<CustomerCard?> ReadAsync(int accountId, long customerId, CancellationToken cancellationToken = default)
    {
        var crm = await dataScope.ForAsync(accountId, ScopedModule.Crm, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await crm.Customers(db).AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return null;
        }

        var row = (await search.PageAsync(accountId, new CustomerQuery(), customerId + 1, 1, cancellationToken)).Rows.Single();
        var names = await db.Accounts.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.InternalName, cancellationToken);
        string? Name(int? id) => id is { } value ? names.GetValueOrDefault(value, $"#{value}") : null;

        var userId = customer.UserId;
        var visitors = await db.Visitors.AsNoTracking()
            .Where(v => v.Id == customer.OriginVisitorId || (userId != null && v.ExternalUserId == userId))
            .OrderBy(v => v.Id).Select(v => v.Id).Take(MaxLines).ToListAsync(cancellationToken);

        var records = await dataScope.ForAsync(accountId, ScopedModule.Records, cancellationToken);
        var conversations = await records.Conversations(db).AsNoTracking()
            .Where(c => visitors.Contains(c.VisitorId))
            .OrderByDescending(c => c.RequestedAt).Take(MaxLines)
            .Select(c => new { c.Id, c.RequestedAt, c.EndedAt, c.AgentId })
            .ToListAsync(cancellationToken);

        var orders = userId is null ? [] : await db.Orders.AsNoTracking()
            .Where(o => o.UserId == userId).OrderByDescending(o => o.PlacedAt).Take(MaxLines)
            .Select(o => new OrderLine(o.OrderId, o.PlacedAt, o.Amount, o.Status))
            .ToListAsync(cancellationToken);

        var assignments = await db.CustomerAssignments.AsNoTracking()
            .Where(a => a.CustomerId == customerId).OrderByDescending(a => a.At).Take(MaxLines)
            .ToListAsync(cancellationToken);

        return new CustomerCard(
            row,
            Name(customer.CreatedByAccountId),
            visitors,
            assignments.Select(a => new AssignmentLine(a.At, Name(a.FromAccountId), Name(a.ToAccountId), Name(a.ByAccountId)!)).ToList(),
            conversations.Select(c => new ConversationLine(c.Id, c.RequestedAt, c.EndedAt, Name(c.AgentId))).ToList(),
            orders);
    }
}
