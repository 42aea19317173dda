using CustomerService.Data;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Crm;

/// <summary>Whose customers a search shows (SPEC J1/J2): all in scope, mine, nobody's (未分配) or one agent's.</summary>
public enum OwnerFilter
{
    All,
    Mine,
    Unassigned,
    Agent,
}

/// <summary>
/// A CRM search (SPEC J2). Text conditions match from the start (name, phone, e-mail, user id), so each is one index
/// seek; <see cref="Star"/> 0 means no star; a custom-field condition matches the stored value (a multiple choice: any
/// of its chosen options).
/// </summary>
public sealed record CustomerQuery
{
    public string? Name { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? UserId { get; init; }
    public int? Star { get; init; }
    public OwnerFilter Owner { get; init; }
    public int? OwnerAccountId { get; init; }
    public int? FieldId { get; init; }
    public string? FieldValue { get; init; }
}

/// <summary>One customer in a list or an export, with his custom-field values by field id.</summary>
public sealed record CustomerRow(
    long Id, string? Name, string? Phone, string? Email, string? UserId, int? Star, int? OwnerAccountId, string? OwnerName,
    CustomerSource Source, DateTime CreatedAt, string? Notes, IReadOnlyDictionary<int, string> Fields);

/// <summary>A page of a search, newest first; <see cref="NextAfter"/> continues it (keyset paging: no OFFSET over a million rows).</summary>
public sealed record CustomerListPage(IReadOnlyList<CustomerRow> Rows, long? NextAfter);

/// <summary>Finds customers in the account's CRM scope (SPEC B, J2): the list, its pages and the export read the same query.</summary>
public sealed class CustomerSearch(IDbContextFactory<CustomerServiceDbContext> dbFactory, DataScopeFilter dataScope)
{
    public const int MaxPageSize = 200;

    public async Task<CustomerListPage> PageAsync(int accountId, CustomerQuery query, long? after, int pageSize, CancellationToken cancellationToken = default)
    {
        var visible = await dataScope.ForAsync(accountId, ScopedModule.Crm, cancellationToken);
        return await PageAsync(visible, query, after, pageSize, cancellationToken);
    }

    /// <summary>A page in a scope read once by the caller (an export walks many pages of one snapshot of the scope).</summary>
    public async Task<CustomerListPage> PageAsync(VisibleData visible, CustomerQuery query, long? after, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customers = Filter(db, visible, query);
        if (after is { } last)
        {
            customers = customers.Where(c => c.Id < last);
        }

        var page = await customers.OrderByDescending(c => c.Id).Take(pageSize + 1).AsNoTracking().ToListAsync(cancellationToken);
        var rows = await RowsAsync(db, page.Take(pageSize).ToList(), cancellationToken);
        return new CustomerListPage(rows, page.Count > pageSize ? rows[^1].Id : null);
    }

    /// <summary>How far the account's CRM reaches (SPEC B): what tabs and actions the list offers him.</summary>
    public async Task<DataScope> ScopeAsync(int accountId, CancellationToken cancellationToken = default) =>
        (await dataScope.ForAsync(accountId, ScopedModule.Crm, cancellationToken)).Scope;

    public async Task<List<CustomField>> FieldsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CustomerFieldValues.FieldsAsync(db, cancellationToken);
    }

    /// <summary>Every customer of the search, newest first, read a page at a time (the export streams it).</summary>
    public async IAsyncEnumerable<CustomerRow> AllAsync(VisibleData visible, CustomerQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long? after = null;
        do
        {
            var page = await PageAsync(visible, query, after, MaxPageSize, cancellationToken);
            foreach (var row in page.Rows)
            {
                yield return row;
            }

            after = page.NextAfter;
        }
        while (after is not null);
    }

    /// <summary>The query's conditions over the visible customers; unknown owners or fields simply match nothing.</summary>
    public static IQueryable<Customer> Filter(CustomerServiceDbContext db, VisibleData visible, CustomerQuery query)
    {
        ArgumentNullException.ThrowIfNull(visible);
        ArgumentNullException.ThrowIfNull(query);
        var customers = visible.Customers(db);
        var sqlite = db.Database.IsSqlite();
        if (Customer.Blank(query.Name) is { } name)
        {
            customers = customers.Where(PrefixMatch.StartsWith<Customer>(c => c.Name, name, sqlite));
        }

        if (Customer.Blank(query.Phone) is { } phone)
        {
            customers = customers.Where(PrefixMatch.StartsWith<Customer>(c => c.Phone, phone, sqlite));
        }

        if (Customer.Blank(query.Email) is { } email)
        {
            customers = customers.Where(PrefixMatch.StartsWith<Customer>(c => c.Email, email, sqlite));
        }

        if (Customer.Blank(query.UserId) is { } userId)
        {
            customers = customers.Where(c => c.UserId == userId);
        }

        if (query.Star is { } star)
        {
            customers = star == 0 ? customers.Where(c => c.Star == null) : customers.Where(c => c.Star == star);
        }

        var me = visible.AccountId;
        customers = query.Owner switch
        {
            OwnerFilter.All => customers,
            OwnerFilter.Mine => customers.Where(c => c.OwnerAccountId == me),
            OwnerFilter.Unassigned => customers.Where(c => c.OwnerAccountId == null),
            OwnerFilter.Agent => customers.Where(c => c.OwnerAccountId == query.OwnerAccountId),
            _ => customers.Where(c => false),
        };

        if (query.FieldId is { } fieldId && Customer.Blank(query.FieldValue) is { } value)
        {
            // A multiple choice stores its options one per line: a chosen option is the whole value or one of its lines.
            customers = customers.Where(c => db.CustomerFieldValues.Any(v => v.CustomerId == c.Id && v.FieldId == fieldId
                && (v.Value == value || v.Value.StartsWith(value + "\n") || v.Value.EndsWith("\n" + value) || v.Value.Contains("\n" + value + "\n"))));
        }

        return customers;
    }

    private static async Task<List<CustomerRow>> RowsAsync(CustomerServiceDbContext db, List<Customer> customers, CancellationToken cancellationToken)
    {
        var ids = customers.Select(c => c.Id).ToList();
        var ownerIds = customers.Where(c => c.OwnerAccountId != null).Select(c => c.OwnerAccountId!.Value).Distinct().ToList();
        var owners = await db.Accounts.AsNoTracking().Where(a => ownerIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.InternalName, cancellationToken);
        var values = await CustomerFieldValues.OfAsync(db, ids, cancellationToken);
        return customers.Select(c => new CustomerRow(
                c.Id, c.Name, c.Phone, c.Email, c.UserId, c.Star, c.OwnerAccountId,
                c.OwnerAccountId is { } owner ? owners.GetValueOrDefault(owner) : null,
                c.Source, c.CreatedAt, c.Notes,
                values.TryGetValue(c.Id, out var fields) ? fields : new Dictionary<int, string>()))
            .ToList();
    }
}
