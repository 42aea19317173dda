using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Customers;
using CustomerService.Web.Features.Security;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Crm;

/// <summary>A customer as the CRM form gives it: the record and the typed custom-field values by field id.</summary>
public sealed record CustomerForm(CustomerData Data, IReadOnlyDictionary<int, string?> Fields);

/// <summary>
/// Adds, edits, deletes, assigns and abandons customers from the CRM pages (SPEC J2), only those in the account's CRM
/// scope (SPEC B): a customer he may not see is “not found”, whichever path asks. A customer added here is the adding
/// agent's. Assigning goes to an enabled agent whose figures the account sees (admin anyone, a team lead his group, an
/// agent himself); abandoning releases the customer to 未分配.
/// </summary>
public sealed class CustomerBook(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, DataScopeFilter dataScope, TimeProvider clock, ChangeFeed<CustomersChanged> changes)
{
    public async Task<Outcome<long>> CreateAsync(int accountId, CustomerForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var visible = await dataScope.ForAsync(accountId, ScopedModule.Crm, cancellationToken);
        if (visible.Scope == DataScope.None)
        {
            return new RuleViolation("CustomerNotFound");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (fields, problem) = await CheckAsync(db, form, null, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var customer = Customer.Create(CustomerSource.Crm, form.Data, accountId, accountId, clock.GetUtcNow().UtcDateTime);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(cancellationToken);
        CustomerFieldValues.Apply(db, customer.Id, [], fields);
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(CustomersChanged.Instance);
        return customer.Id;
    }

    public async Task<Outcome> UpdateAsync(int accountId, long customerId, CustomerForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var visible = await dataScope.ForAsync(accountId, ScopedModule.Crm, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await visible.Customers(db).SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return new RuleViolation("CustomerNotFound");
        }

        var (fields, problem) = await CheckAsync(db, form, customerId, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        customer.Update(form.Data, accountId, clock.GetUtcNow().UtcDateTime);
        var values = await db.CustomerFieldValues.Where(v => v.CustomerId == customerId).ToListAsync(cancellationToken);
        CustomerFieldValues.Apply(db, customerId, values, fields);
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(CustomersChanged.Instance);
        return Outcome.Ok;
    }

    /// <summary>Sets the star (null: none) of a customer the account sees.</summary>
    public async Task<Outcome> RateAsync(int accountId, long customerId, int? star, CancellationToken cancellationToken = default)
    {
        if (Customer.CheckStar(star) is { } violation)
        {
            return violation;
        }

        var visible = await dataScope.ForAsync(accountId, ScopedModule.Crm, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await visible.Customers(db).SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return new RuleViolation("CustomerNotFound");
        }

        customer.Rate(star, accountId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(CustomersChanged.Instance);
        return Outcome.Ok;
    }

    /// <summary>Deletes the customers the account sees among <paramref name="customerIds"/>; the number deleted.</summary>
    public async Task<int> DeleteAsync(int accountId, IReadOnlyCollection<long> customerIds, CancellationToken cancellationToken = default)
    {
        var visible = await dataScope.ForAsync(accountId, ScopedModule.Crm, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customers = await visible.Customers(db).Where(c => customerIds.Contains(c.Id)).ToListAsync(cancellationToken);
        db.Customers.RemoveRange(customers);
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(CustomersChanged.Instance);
        return customers.Count;
    }

    /// <summary>Gives the customers to <paramref name="ownerAccountId"/> (null: abandon); the number whose owner changed.</summary>
    public async Task<Outcome<int>> AssignAsync(int accountId, IReadOnlyCollection<long> customerIds, int? ownerAccountId, CancellationToken cancellationToken = default)
    {
        var crm = await dataScope.ForAsync(accountId, ScopedModule.Crm, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (ownerAccountId is { } owner && !await (await AssignableAsync(db, accountId, cancellationToken)).AnyAsync(a => a.Id == owner, cancellationToken))
        {
            return new RuleViolation("Crm.OwnerNotAllowed");
        }

        var customers = await crm.Customers(db).Where(c => customerIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        foreach (var customer in customers)
        {
            if (customer.AssignTo(ownerAccountId, accountId, now) is { } assignment)
            {
                db.CustomerAssignments.Add(assignment);
                changed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(CustomersChanged.Instance);
        return changed;
    }

    /// <summary>The agents the account may give customers to, by name.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> AssignableAgentsAsync(int accountId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var accounts = await (await AssignableAsync(db, accountId, cancellationToken))
            .OrderBy(a => a.InternalName).Select(a => new { a.Id, a.InternalName }).ToListAsync(cancellationToken);
        return accounts.Select(a => (a.Id, a.InternalName)).ToList();
    }

    private async Task<IQueryable<Domain.Organisation.Account>> AssignableAsync(CustomerServiceDbContext db, int accountId, CancellationToken cancellationToken) =>
        (await dataScope.ForAsync(accountId, ScopedModule.Crm, cancellationToken)).Accounts(db).Where(a => a.IsEnabled);

    /// <summary>The record's rules, a user id no other customer holds, and every custom field read (required ones given).</summary>
    private static async Task<(Dictionary<int, string?> Fields, RuleViolation? Problem)> CheckAsync(
        CustomerServiceDbContext db, CustomerForm form, long? customerId, CancellationToken cancellationToken)
    {
        if (Customer.Check(form.Data) is { } violation)
        {
            return ([], violation);
        }

        if (Customer.Blank(form.Data.UserId) is { } userId && await db.Customers.AnyAsync(c => c.UserId == userId && c.Id != customerId, cancellationToken))
        {
            return ([], new RuleViolation("Crm.UserIdTaken", userId));
        }

        var read = new Dictionary<int, string?>();
        foreach (var field in await CustomerFieldValues.FieldsAsync(db, cancellationToken))
        {
            var value = field.Read(form.Fields.GetValueOrDefault(field.Id));
            if (value.Violation is { } refused)
            {
                return ([], refused);
            }

            read[field.Id] = value.Value;
        }

        return (read, null);
    }
}
