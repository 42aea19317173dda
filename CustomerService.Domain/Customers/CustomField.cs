using System.Globalization;
using CustomerService.Domain.Common;

namespace CustomerService.Domain.Customers;

public enum CustomFieldType
{
    Text = 0,
    Number = 1,
    Date = 2,
    SingleChoice = 3,
    MultipleChoice = 4,
}

/// <summary>
/// A field admins add to every customer (SPEC J3: name, type, options, required), shown in forms, lists, import and
/// export. Values are stored as text in one canonical spelling (numbers invariant, dates <c>yyyy-MM-dd</c>, choices
/// one option per line) so equal values compare equal and a filter is one indexed comparison.
/// </summary>
public class CustomField
{
    public const int NameMaxLength = 32;
    public const int OptionMaxLength = 64;
    public const int MaxOptions = 100;
    public const int ValueMaxLength = 500;

    /// <summary>Separates the chosen options of a multiple choice, as stored and as typed in a cell (also ; and ；).</summary>
    public const char ChoiceSeparator = '\n';

    private CustomField()
    {
        Name = string.Empty;
        Options = string.Empty;
    }

    public CustomField(string name, CustomFieldType type, IReadOnlyList<string> options, bool isRequired, int position)
    {
        RuleViolationException.ThrowIf(Check(name, type, options));
        Name = name.Trim();
        Type = type;
        Options = string.Join(ChoiceSeparator, options.Select(o => o.Trim()));
        IsRequired = isRequired;
        Position = position;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public CustomFieldType Type { get; private set; }

    /// <summary>The options of a choice, one per line; empty for other types.</summary>
    public string Options { get; private set; }

    public bool IsRequired { get; private set; }
    public int Position { get; private set; }

    public IReadOnlyList<string> OptionList => Options.Length == 0 ? [] : Options.Split(ChoiceSeparator);

    public bool IsChoice => Type is CustomFieldType.SingleChoice or CustomFieldType.MultipleChoice;

    public static RuleViolation? Check(string? name, CustomFieldType type, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var trimmed = options.Select(o => o.Trim()).ToList();
        return string.IsNullOrWhiteSpace(name) ? new RuleViolation("Required", "Crm.Field.Name")
            : name.Trim().Length > NameMaxLength ? new RuleViolation("TooLong", "Crm.Field.Name", NameMaxLength)
            : !Enum.IsDefined(type) ? new RuleViolation("Crm.FieldTypeUnknown")
            : type is CustomFieldType.SingleChoice or CustomFieldType.MultipleChoice && trimmed.Count == 0 ? new RuleViolation("Crm.FieldOptionsRequired")
            : trimmed.Count > MaxOptions ? new RuleViolation("Crm.FieldTooManyOptions", MaxOptions)
            : trimmed.Any(o => o.Length == 0 || o.Length > OptionMaxLength || o.Contains(ChoiceSeparator, StringComparison.Ordinal) || o.Contains(';', StringComparison.Ordinal) || o.Contains('；', StringComparison.Ordinal))
                ? new RuleViolation("Crm.FieldOptionInvalid", OptionMaxLength)
            : trimmed.Distinct(StringComparer.Ordinal).Count() != trimmed.Count ? new RuleViolation("Crm.FieldOptionDuplicate")
            : null;
    }

    public void Change(string name, IReadOnlyList<string> options, bool isRequired)
    {
        RuleViolationException.ThrowIf(Check(name, Type, IsChoice ? options : []));
        Name = name.Trim();
        Options = IsChoice ? string.Join(ChoiceSeparator, options.Select(o => o.Trim())) : string.Empty;
        IsRequired = isRequired;
    }

    /// <summary>
    /// Reads a typed value into its stored spelling. Blank is null (refused when required). Numbers and dates accept the
    /// invariant spelling; a choice must be one of the options (several for a multiple choice, separated by a line
    /// break, ; or ；).
    /// </summary>
    public FieldValue Read(string? raw)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return IsRequired ? FieldValue.Refused(new RuleViolation("Crm.FieldRequired", Name)) : FieldValue.Empty;
        }

        if (text.Length > ValueMaxLength)
        {
            return FieldValue.Refused(new RuleViolation("TooLong", Name, ValueMaxLength));
        }

        switch (Type)
        {
            case CustomFieldType.Text:
                return FieldValue.Of(text);
            case CustomFieldType.Number:
                return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    ? FieldValue.Of(number.ToString(CultureInfo.InvariantCulture))
                    : FieldValue.Refused(new RuleViolation("Crm.FieldNumber", Name));
            case CustomFieldType.Date:
                return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? FieldValue.Of(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                    : FieldValue.Refused(new RuleViolation("Crm.FieldDate", Name));
            case CustomFieldType.SingleChoice:
                return OptionList.Contains(text, StringComparer.Ordinal)
                    ? FieldValue.Of(text)
                    : FieldValue.Refused(new RuleViolation("Crm.FieldOption", Name, text));
            case CustomFieldType.MultipleChoice:
                var chosen = text.Split([ChoiceSeparator, ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
                var unknown = chosen.FirstOrDefault(c => !OptionList.Contains(c, StringComparer.Ordinal));
                return unknown is not null
                    ? FieldValue.Refused(new RuleViolation("Crm.FieldOption", Name, unknown))
                    // Stored in the options' order, so the same choice typed in another order is the same value.
                    : FieldValue.Of(string.Join(ChoiceSeparator, OptionList.Where(chosen.Contains)));
            default:
                throw new InvalidOperationException($"Unknown field type {Type}.");
        }
    }
}

/// <summary>A custom field's value read from input: its stored spelling (null = none) or why it was refused.</summary>
public readonly record struct FieldValue(string? Value, RuleViolation? Violation)
{
    public static FieldValue Empty => new(null, null);

    public static FieldValue Of(string value) => new(value, null);

    public static FieldValue Refused(RuleViolation violation) => new(null, violation);
}

/// <summary>One customer's value of one custom field, in the field's stored spelling.</summary>
public class CustomerFieldValue
{
    private CustomerFieldValue()
    {
        Value = string.Empty;
    }

    public CustomerFieldValue(long customerId, int fieldId, string value)
    {
        CustomerId = customerId;
        FieldId = fieldId;
        Value = value;
    }

    public long CustomerId { get; private set; }
    public int FieldId { get; private set; }
    public string Value { get; private set; }

    public void Change(string value) => Value = value;
}
