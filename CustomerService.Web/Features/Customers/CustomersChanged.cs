namespace CustomerService.Web.Features.Customers;

/// <summary>
/// Announced (through <see cref="Infrastructure.ChangeFeed{TEvent}"/>) after customers were added, edited, starred,
/// reassigned or deleted, so open consoles refresh the CRM badges of their tiles (SPEC J5). It names nobody: a console
/// re-reads the few badges it shows.
/// </summary>
public sealed record CustomersChanged
{
    public static CustomersChanged Instance { get; } = new();
}
