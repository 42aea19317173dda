using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Crm.Import;

/// <summary>
/// The running state of one pass over an import file: counts, problems, duplicates and the keys (user id, phone, e-mail)
/// seen so far. A batch costs one lookup of the customers any of its rows could be (plus, when writing, one read of
/// their field values); with no <see cref="DuplicateChoice"/> nothing is written (the preview).
/// </summary>
internal sealed class ImportPass(DuplicateChoice? choice, int accountId, DateTime now, IReadOnlyList<(int First, int Last)> mergedRows)
{
    private readonly Dictionary<string, int> _firstRowOfKey = new(StringComparer.Ordinal);

    public int Rows { get; private set; }
    public int Created { get; private set; }
    public int Updated { get; private set; }
    public int Skipped { get; private set; }
    public List<ImportProblem> Errors { get; } = [];
    public List<ImportProblem> Warnings { get; } = [];
    public List<ImportDuplicate> Duplicates { get; } = [];
    public List<(ParsedRow Row, IReadOnlyList<ImportProblem> Problems)> Failed { get; } = [];
    public IReadOnlyList<string> Headings { get; set; } = [];

    private bool Writing => choice is not null;

    public async Task RunBatchAsync(CustomerServiceDbContext db, List<ParsedRow> batch, CancellationToken cancellationToken)
    {
        Rows += batch.Count;
        var good = new List<ParsedRow>();
        foreach (var row in batch)
        {
            Warnings.AddRange(row.Warnings);
            if (InMergedRange(row.Number))
            {
                Fail(row, [new ImportProblem(row.Number, Headings.FirstOrDefault() ?? string.Empty, new RuleViolation("Crm.ImportMerged"))]);
            }
            else if (!row.IsValid)
            {
                Fail(row, row.Problems);
            }
            else
            {
                good.Add(row);
            }
        }

        if (good.Count == 0)
        {
            return;
        }

        // The one lookup of the batch: every stored customer any row could be.
        var userIds = good.Select(r => Customer.Blank(r.Data.UserId)).OfType<string>().Distinct().ToList();
        var phones = good.Select(r => Customer.Blank(r.Data.Details.Phone)).OfType<string>().Distinct().ToList();
        var emails = good.Select(r => Customer.Blank(r.Data.Details.Email)).OfType<string>().Distinct().ToList();
        var query = db.Customers.Where(c => (c.UserId != null && userIds.Contains(c.UserId)) || (c.Phone != null && phones.Contains(c.Phone)) || (c.Email != null && emails.Contains(c.Email)));
        var existing = Writing ? await query.ToListAsync(cancellationToken) : await query.AsNoTracking().ToListAsync(cancellationToken);
        var ids = existing.Select(c => c.Id).ToList();
        var values = Writing
            ? (await db.CustomerFieldValues.Where(v => ids.Contains(v.CustomerId)).ToListAsync(cancellationToken)).GroupBy(v => v.CustomerId).ToDictionary(g => g.Key, g => g.ToList())
            : [];

        var created = new List<(Customer Customer, ParsedRow Row)>();
        foreach (var row in good)
        {
            var keys = Keys(row.Data).ToList();
            int? sameAs = keys.Select(k => _firstRowOfKey.TryGetValue(k, out var first) ? first : (int?)null).FirstOrDefault(r => r is not null);
            var matches = existing.Concat(created.Select(c => c.Customer)).Where(c => Matches(c, row.Data)).Distinct().ToList();
            if (matches.Count > 1)
            {
                Fail(row, [new ImportProblem(row.Number, Headings.FirstOrDefault() ?? string.Empty, new RuleViolation("Crm.ImportAmbiguous"))]);
                continue;
            }

            foreach (var key in keys)
            {
                _firstRowOfKey.TryAdd(key, row.Number);
            }

            var match = matches.SingleOrDefault();
            if (sameAs is not null || match is not null)
            {
                Duplicates.Add(new ImportDuplicate(row.Number, sameAs, match?.Id is > 0 ? match.Id : null));
                if (choice == DuplicateChoice.Update && match is not null)
                {
                    Update(db, match, row, values);
                }
                else if (Writing || sameAs is not null)
                {
                    Skipped++;
                }

                continue;
            }

            Created++;
            if (Writing)
            {
                var customer = Customer.Create(CustomerSource.Import, row.Data, accountId, null, now);
                db.Customers.Add(customer);
                created.Add((customer, row));
            }
        }

        if (!Writing)
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (customer, row) in created)
        {
            CustomerFieldValues.Apply(db, customer.Id, values.GetValueOrDefault(customer.Id) ?? [], row.Fields);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private void Update(CustomerServiceDbContext db, Customer customer, ParsedRow row, Dictionary<long, List<CustomerFieldValue>> values)
    {
        var current = values.GetValueOrDefault(customer.Id) ?? [];
        values[customer.Id] = current;
        var changed = customer.Update(MergedData(customer, row.Data), accountId, now);
        // A new customer of this batch has no id yet: its fields are written with the batch's new customers.
        changed |= customer.Id > 0 && CustomerFieldValues.Apply(db, customer.Id, current, row.Fields);
        if (changed)
        {
            Updated++;
        }
        else
        {
            Skipped++;
        }
    }

    /// <summary>An import fills what its columns say; an empty cell keeps what the customer has (his notes, his user id).</summary>
    private static CustomerData MergedData(Customer customer, CustomerData row) => new(
        new CustomerDetails(
            Customer.Blank(row.Details.Name) ?? customer.Name,
            Customer.Blank(row.Details.Phone) ?? customer.Phone,
            Customer.Blank(row.Details.Email) ?? customer.Email,
            Customer.Blank(row.Details.Notes) ?? customer.Notes),
        Customer.Blank(row.UserId) ?? customer.UserId,
        row.Star ?? customer.Star);

    private void Fail(ParsedRow row, IReadOnlyList<ImportProblem> problems)
    {
        Errors.AddRange(problems);
        Failed.Add((row, problems));
    }

    private bool InMergedRange(int row) => mergedRows.Any(m => row >= m.First && row <= m.Last);

    private static IEnumerable<string> Keys(CustomerData data)
    {
        if (Customer.Blank(data.UserId) is { } userId)
        {
            yield return "u:" + userId;
        }

        if (Customer.Blank(data.Details.Phone) is { } phone)
        {
            yield return "p:" + phone;
        }

        if (Customer.Blank(data.Details.Email) is { } email)
        {
            yield return "e:" + email;
        }
    }

    private static bool Matches(Customer customer, CustomerData data) =>
        (Customer.Blank(data.UserId) is { } userId && customer.UserId == userId)
        || (Customer.Blank(data.Details.Phone) is { } phone && customer.Phone == phone)
        || (Customer.Blank(data.Details.Email) is { } email && customer.Email == email);
}
