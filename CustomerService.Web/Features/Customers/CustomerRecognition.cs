using CustomerService.Data;
using CustomerService.Domain.Customers;

namespace CustomerService.Web.Features.Customers;

/// <summary>
/// SPEC J5, the one rule: a visitor is the customer filed from him, or the customer with his signed user id (SPEC E1).
/// The filed one wins when both exist (an agent chose him by hand).
/// </summary>
public static class CustomerRecognition
{
    public static IQueryable<Customer> Of(CustomerServiceDbContext db, long visitorId, string? userId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return userId is null
            ? db.Customers.Where(c => c.OriginVisitorId == visitorId)
            : db.Customers.Where(c => c.OriginVisitorId == visitorId || c.UserId == userId).OrderBy(c => c.OriginVisitorId == visitorId ? 0 : 1);
    }
}
