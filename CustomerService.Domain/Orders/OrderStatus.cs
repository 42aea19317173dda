namespace CustomerService.Domain.Orders;

/// <summary>Where a merchant's order stands (SPEC N4 <c>status</c>); a cancelled order leaves every figure (SPEC I0).</summary>
public enum OrderStatus
{
    Placed,
    Paid,
    Cancelled,
}
