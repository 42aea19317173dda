using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Crm.Api;

/// <summary>What the merchant pushed for one user id: only the fields given change; <c>fields</c> by custom-field name.</summary>
public sealed record CustomerPush(string UserId, string? Name, string? Phone, string? Email, int? Star, IReadOnlyDictionary<string, string?>? Fields);

/// <summary>What became of a push: refused fields (JSON names), or the stored customer and whether anything changed.</summary>
public sealed record CustomerPushResult(IReadOnlyList<(string Field, RuleViolation Violation)> Problems, Customer? Customer, IReadOnlyDictionary<string, string> Fields, bool Created, bool Changed);

/// <summary>
/// <c>PUT /api/v1/customers/{userId}</c> (SPEC N4): upsert by the merchant's user id. A field the body leaves out keeps
/// what the CRM holds (agents' notes, owner and other fields are not the merchant's to wipe); the same body twice writes
/// nothing. A new customer comes from the API (SPEC J6), with no creator account and no owner (未分配).
/// </summary>
public sealed class CustomerApiIntake(IDbContextFactory<CustomerServiceDbContext> dbFactory, TimeProvider clock)
{
    public async Task<CustomerPushResult> UpsertAsync(CustomerPush push, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(push);
        try
        {
            return await StoreAsync(push, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same new user pushed twice at once: the other request stored him first, so this body is an update.
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Customers.AnyAsync(c => c.UserId == push.UserId, cancellationToken))
            {
                throw;
            }

            return await StoreAsync(push, cancellationToken);
        }
    }

    private async Task<CustomerPushResult> StoreAsync(CustomerPush push, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var userId = Customer.Blank(push.UserId) ?? string.Empty;
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        var fields = await CustomerFieldValues.FieldsAsync(db, cancellationToken);
        var values = customer is null ? [] : await db.CustomerFieldValues.Where(v => v.CustomerId == customer.Id).ToListAsync(cancellationToken);

        var data = new CustomerData(
            new CustomerDetails(push.Name ?? customer?.Name, push.Phone ?? customer?.Phone, push.Email ?? customer?.Email, customer?.Notes),
            userId,
            push.Star ?? customer?.Star);
        var problems = Customer.Problems(data).Select(p => (JsonName(p.Field), p.Violation)).ToList();
        if (userId.Length == 0)
        {
            problems.Add(("userId", new RuleViolation("Required", "Crm.UserId")));
        }

        var wanted = ReadFields(push.Fields, fields, values, creating: customer is null, problems);
        if (problems.Count > 0)
        {
            return new CustomerPushResult(problems, null, new Dictionary<string, string>(), Created: false, Changed: false);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var created = customer is null;
        bool changed;
        if (customer is null)
        {
            customer = Customer.Create(CustomerSource.Api, data, byAccountId: null, ownerAccountId: null, now);
            db.Customers.Add(customer);
            await db.SaveChangesAsync(cancellationToken);
            changed = true;
        }
        else
        {
            changed = customer.Update(data, byAccountId: null, now);
        }

        changed |= CustomerFieldValues.Apply(db, customer.Id, values, wanted);
        if (changed)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var names = fields.ToDictionary(f => f.Id, f => f.Name);
        return new CustomerPushResult([], customer, values.ToDictionary(v => names[v.FieldId], v => v.Value), created, changed);
    }

    /// <summary>The given custom fields in their stored spelling; unknown names, bad values and missing required ones are problems.</summary>
    private static Dictionary<int, string?> ReadFields(
        IReadOnlyDictionary<string, string?>? given, List<CustomField> fields, List<CustomerFieldValue> current, bool creating,
        List<(string, RuleViolation)> problems)
    {
        var wanted = new Dictionary<int, string?>();
        foreach (var (name, raw) in given ?? new Dictionary<string, string?>())
        {
            var field = fields.Find(f => f.Name == name);
            if (field is null)
            {
                problems.Add(($"fields.{name}", new RuleViolation("Crm.FieldUnknown", name)));
                continue;
            }

            var value = field.Read(raw);
            if (value.Violation is { } violation)
            {
                problems.Add(($"fields.{name}", violation));
            }
            else
            {
                wanted[field.Id] = value.Value;
            }
        }

        foreach (var field in fields.Where(f => f.IsRequired && !wanted.ContainsKey(f.Id) && (creating || !current.Exists(v => v.FieldId == f.Id))))
        {
            problems.Add(($"fields.{field.Name}", new RuleViolation("Crm.FieldRequired", field.Name)));
        }

        return wanted;
    }

    private static string JsonName(CustomerField field) => field switch
    {
        CustomerField.Name => "name",
        CustomerField.Phone => "phone",
        CustomerField.Email => "email",
        CustomerField.Notes => "notes",
        CustomerField.UserId => "userId",
        CustomerField.Star => "star",
    };
}
