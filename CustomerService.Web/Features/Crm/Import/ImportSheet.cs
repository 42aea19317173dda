using System.Globalization;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;

namespace CustomerService.Web.Features.Crm.Import;

/// <summary>A refused cell or row: Excel row number (header = 1), column heading, and the rule it broke.</summary>
public sealed record ImportProblem(int Row, string Column, RuleViolation Violation);

/// <summary>One data row read against the header: the record, its custom fields, what is wrong and what is doubtful.</summary>
public sealed record ParsedRow(
    int Number, CustomerData Data, IReadOnlyDictionary<int, string?> Fields, IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<ImportProblem> Warnings, IReadOnlyList<string> Cells)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// The columns of an import (SPEC J4): the header row names built-in fields (in Chinese or English, as the template and the
/// export write them) and custom fields by name; other columns are ignored. Reads a row into a record, checking every
/// rule; phones stored as numbers are taken but warned about (a leading zero may be lost).
/// </summary>
public sealed class ImportSheet
{
    private readonly Dictionary<int, CustomerField> _builtin = [];
    private readonly Dictionary<int, CustomField> _custom = [];
    private readonly List<string> _headings = [];

    private ImportSheet(IReadOnlyList<CustomField> fields) => Fields = fields;

    public IReadOnlyList<CustomField> Fields { get; }

    /// <summary>The headings in column order (the error file repeats them).</summary>
    public IReadOnlyList<string> Headings => _headings;

    /// <summary>The sheet for <paramref name="header"/>; a refusal when no column names a known field.</summary>
    public static Outcome<ImportSheet> Read(XlsxRow? header, IReadOnlyList<CustomField> fields, Func<CustomerField, IEnumerable<string>> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (header is null || header.Cells.Count == 0)
        {
            return new RuleViolation("Crm.ImportNoHeader");
        }

        var sheet = new ImportSheet(fields);
        var width = header.Cells.Keys.Max() + 1;
        for (var column = 0; column < width; column++)
        {
            var heading = header.Cells.GetValueOrDefault(column)?.Text.Trim() ?? string.Empty;
            sheet._headings.Add(heading);
            var builtin = CrmColumns.Builtin.Where(f => labels(f).Contains(heading, StringComparer.OrdinalIgnoreCase)).ToList();
            if (builtin.Count > 0)
            {
                sheet._builtin[column] = builtin[0];
            }
            else if (fields.FirstOrDefault(f => f.Name == heading) is { } custom)
            {
                sheet._custom[column] = custom;
            }
        }

        return sheet._builtin.Count == 0 && sheet._custom.Count == 0 ? new RuleViolation("Crm.ImportNoHeader") : sheet;
    }

    public ParsedRow Parse(XlsxRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var problems = new List<ImportProblem>();
        var warnings = new List<ImportProblem>();
        var values = new Dictionary<CustomerField, string?>();
        foreach (var (column, field) in _builtin)
        {
            var cell = row.Cells.GetValueOrDefault(column);
            if (cell is { IsFormula: true })
            {
                problems.Add(new ImportProblem(row.Number, _headings[column], new RuleViolation("Crm.ImportFormula")));
                continue;
            }

            if (field == CustomerField.Phone && cell is { IsNumber: true })
            {
                // Stored as a number, Excel dropped any leading zero (0757…): take the digits, and ask for a look unless they
                // are a whole mainland mobile number (11 digits from 1), which has no zero to lose.
                var digits = decimal.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number.ToString("0", CultureInfo.InvariantCulture) : cell.Text;
                if (digits is not { Length: 11 } || digits[0] != '1')
                {
                    warnings.Add(new ImportProblem(row.Number, _headings[column], new RuleViolation("Crm.ImportPhoneNumber")));
                }

                values[field] = digits;
                continue;
            }

            values[field] = cell?.Text;
        }

        int? star = null;
        if (Customer.Blank(values.GetValueOrDefault(CustomerField.Star)) is { } starText)
        {
            if (int.TryParse(starText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                star = parsed;
            }
            else
            {
                problems.Add(new ImportProblem(row.Number, Heading(CustomerField.Star), new RuleViolation("Crm.StarOutOfRange", 1, Customer.MaxStar)));
            }
        }

        var data = new CustomerData(
            new CustomerDetails(values.GetValueOrDefault(CustomerField.Name), values.GetValueOrDefault(CustomerField.Phone), values.GetValueOrDefault(CustomerField.Email), values.GetValueOrDefault(CustomerField.Notes)),
            values.GetValueOrDefault(CustomerField.UserId),
            star);
        problems.AddRange(Customer.Problems(data).Where(p => p.Field != CustomerField.Star || star is not null)
            .Select(p => new ImportProblem(row.Number, Heading(p.Field), p.Violation)));

        var fields = new Dictionary<int, string?>();
        foreach (var (column, field) in _custom)
        {
            var cell = row.Cells.GetValueOrDefault(column);
            if (cell is { IsFormula: true })
            {
                problems.Add(new ImportProblem(row.Number, field.Name, new RuleViolation("Crm.ImportFormula")));
                continue;
            }

            // A date typed into Excel is a serial number under a date format; as text it is read like any typed date.
            var text = cell is { IsNumber: true } && field.Type == CustomFieldType.Date && double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466
                ? DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : cell?.Text;
            var value = field.Read(text);
            if (value.Violation is { } violation)
            {
                problems.Add(new ImportProblem(row.Number, field.Name, violation));
            }
            else
            {
                fields[field.Id] = value.Value;
            }
        }

        // Required fields without a column in the file are missing on every row.
        foreach (var field in Fields.Where(f => f.IsRequired && !_custom.ContainsValue(f)))
        {
            problems.Add(new ImportProblem(row.Number, field.Name, new RuleViolation("Crm.FieldRequired", field.Name)));
        }

        var cells = Enumerable.Range(0, _headings.Count).Select(c => row.Cells.GetValueOrDefault(c)?.Text ?? string.Empty).ToList();
        return new ParsedRow(row.Number, data, fields, problems, warnings, cells);
    }

    private string Heading(CustomerField field)
    {
        foreach (var (column, builtin) in _builtin)
        {
            if (builtin == field)
            {
                return _headings[column];
            }
        }

        return field.ToString();
    }
}
