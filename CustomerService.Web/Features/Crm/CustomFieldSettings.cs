using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Crm;

/// <summary>
/// The admin's custom fields (SPEC J3; the page is behind <c>ManageCrmFields</c>). Names are unique; a field's type is
/// fixed once created (stored values are in its spelling); removing a field removes its values.
/// </summary>
public sealed class CustomFieldSettings(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    public async Task<Outcome<int>> AddAsync(string name, CustomFieldType type, IReadOnlyList<string> options, bool isRequired, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kept = type is CustomFieldType.SingleChoice or CustomFieldType.MultipleChoice ? options : [];
        if (CustomField.Check(name, type, kept) is { } violation)
        {
            return violation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var trimmed = name.Trim();
        if (await db.CustomFields.AnyAsync(f => f.Name == trimmed, cancellationToken))
        {
            return new RuleViolation("Crm.FieldNameTaken", trimmed);
        }

        var position = await db.CustomFields.Select(f => (int?)f.Position).MaxAsync(cancellationToken) ?? -1;
        var field = new CustomField(trimmed, type, kept, isRequired, position + 1);
        db.CustomFields.Add(field);
        await db.SaveChangesAsync(cancellationToken);
        return field.Id;
    }

    public async Task<Outcome> ChangeAsync(int fieldId, string name, IReadOnlyList<string> options, bool isRequired, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var field = await db.CustomFields.SingleOrDefaultAsync(f => f.Id == fieldId, cancellationToken);
        if (field is null)
        {
            return new RuleViolation("Crm.FieldNotFound");
        }

        if (CustomField.Check(name, field.Type, field.IsChoice ? options : []) is { } violation)
        {
            return violation;
        }

        var trimmed = name.Trim();
        if (await db.CustomFields.AnyAsync(f => f.Name == trimmed && f.Id != fieldId, cancellationToken))
        {
            return new RuleViolation("Crm.FieldNameTaken", trimmed);
        }

        field.Change(trimmed, options, isRequired);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    public async Task DeleteAsync(int fieldId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.CustomFields.Where(f => f.Id == fieldId).ExecuteDeleteAsync(cancellationToken);
    }
}
