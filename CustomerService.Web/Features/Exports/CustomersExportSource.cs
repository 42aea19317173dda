using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerService.Data;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Exports;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Crm;
using CustomerService.Web.Features.Security;
using CustomerService.Web.Infrastructure;
using CustomerService.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SpreadCheetah;

namespace CustomerService.Web.Features.Exports;

/// <summary>
/// CRM exports (SPEC J4): the owner's current customer search with every field — the import template's columns first
/// (so an export can be fixed and imported again), then every custom field, owner, source and creation time — in his
/// CRM scope as it is when the task runs, newest first, read a page at a time.
/// </summary>
public sealed class CustomersExportSource(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, DataScopeFilter dataScope, CustomerSearch search, IStringLocalizer<UiText> text)
    : IExportSource
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public ExportKind Kind => ExportKind.Customers;

    /// <summary>The request text of a task exporting <paramref name="query"/>.</summary>
    public static string RequestFor(CustomerQuery query) => JsonSerializer.Serialize(query, Json);

    public async Task<ExportTable> OpenAsync(int ownerAccountId, string request, CancellationToken cancellationToken)
    {
        var query = JsonSerializer.Deserialize<CustomerQuery>(request, Json) ?? throw new InvalidOperationException("Empty export request.");
        var fields = await search.FieldsAsync(cancellationToken);
        var visible = await dataScope.ForAsync(ownerAccountId, ScopedModule.Crm, cancellationToken);
        int total;
        TimeZoneInfo zone;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            total = await CustomerSearch.Filter(db, visible, query).CountAsync(cancellationToken);
            zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
        }

        return new ExportTable(text["Crm.Title"].Value, Columns(fields), total, RowsAsync(visible, query, fields, zone, cancellationToken));
    }

    private List<ExportColumn> Columns(IReadOnlyList<CustomField> fields) =>
    [
        .. CrmColumns.Builtin.Select(column => new ExportColumn(
            text[CrmColumns.LabelKey(column)].Value,
            column switch { CustomerField.Notes => 30, CustomerField.Email => 24, CustomerField.Star => 8, _ => 16 },
            column == CustomerField.Star ? ExportFormat.Number : ExportFormat.Text)),
        .. fields.Select(field => new ExportColumn(field.Name, 16, field.Type switch
        {
            CustomFieldType.Number => ExportFormat.Number,
            _ => ExportFormat.Text,
        })),
        new ExportColumn(text["Crm.OwnerColumn"].Value, 14),
        new ExportColumn(text["Crm.SourceColumn"].Value, 10),
        new ExportColumn(text["Crm.CreatedAt"].Value, 20, ExportFormat.DateTime),
    ];

    private async IAsyncEnumerable<DataCell[]> RowsAsync(
        VisibleData visible, CustomerQuery query, IReadOnlyList<CustomField> fields, TimeZoneInfo zone, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in search.AllAsync(visible, query, cancellationToken))
        {
            yield return
            [
                new DataCell(row.Name),
                new DataCell(row.Phone),
                new DataCell(row.Email),
                new DataCell(row.UserId),
                new DataCell(row.Star),
                new DataCell(row.Notes),
                .. fields.Select(field => FieldCell(field, row.Fields.GetValueOrDefault(field.Id))),
                new DataCell(row.OwnerName),
                new DataCell(text[$"Crm.Source.{row.Source}"].Value),
                new DataCell(EnterpriseClock.ToLocal(row.CreatedAt, zone)),
            ];
        }
    }

    /// <summary>A number field as a number; a multiple choice's options (stored one per line) joined by ';' as the import reads them.</summary>
    private static DataCell FieldCell(CustomField field, string? value) =>
        field.Type == CustomFieldType.Number && decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? new DataCell(number)
            : new DataCell(value?.Replace('\n', ';'));
}
