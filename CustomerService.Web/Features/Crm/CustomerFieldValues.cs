using CustomerService.Data;
using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Crm;

/// <summary>Reads and writes customers' custom-field values (SPEC J3) in batches: one query per set of customers.</summary>
public static class CustomerFieldValues
{
    public static Task<List<CustomField>> FieldsAsync(CustomerServiceDbContext db, CancellationToken cancellationToken) =>
        db.CustomFields.AsNoTracking().OrderBy(f => f.Position).ThenBy(f => f.Id).ToListAsync(cancellationToken);

    /// <summary>The values of <paramref name="customerIds"/>, by customer then field id.</summary>
    public static async Task<Dictionary<long, Dictionary<int, string>>> OfAsync(
        CustomerServiceDbContext db, IReadOnlyCollection<long> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.CustomerFieldValues.AsNoTracking().Where(v => customerIds.Contains(v.CustomerId)).ToListAsync(cancellationToken);
        return rows.GroupBy(v => v.CustomerId).ToDictionary(g => g.Key, g => g.ToDictionary(v => v.FieldId, v => v.Value));
    }

    /// <summary>
    /// Makes the tracked values of one customer say <paramref name="wanted"/> for the fields it names (null = no value);
    /// fields it does not name stay. True when anything changes.
    /// </summary>
    public static bool Apply(CustomerServiceDbContext db, long customerId, List<CustomerFieldValue> current, IReadOnlyDictionary<int, string?> wanted)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(wanted);
        var changed = false;
        foreach (var (fieldId, value) in wanted)
        {
            var row = current.Find(v => v.FieldId == fieldId);
            if (value is null)
            {
                if (row is not null)
                {
                    db.CustomerFieldValues.Remove(row);
                    current.Remove(row);
                    changed = true;
                }
            }
            else if (row is null)
            {
                var added = new CustomerFieldValue(customerId, fieldId, value);
                db.CustomerFieldValues.Add(added);
                current.Add(added);
                changed = true;
            }
            else if (row.Value != value)
            {
                row.Change(value);
                changed = true;
            }
        }

        return changed;
    }
}
