using CustomerService.Domain.Common;

namespace CustomerService.Domain.Organisation;

/// <summary>
/// The columns one account chose for one table (详细数据, records lists), in his order, remembered between visits.
/// Column names are the table's own stable names (the N5 figure names for KPI tables), never display texts, so a
/// layout survives a change of language.
/// </summary>
public class ColumnLayout
{
    public const int MaxViewLength = 64;
    public const int MaxColumns = 100;
    public const int MaxColumnNameLength = 64;
    private const char Separator = ',';

    private ColumnLayout()
    {
        View = string.Empty;
        Columns = string.Empty;
    }

    private ColumnLayout(int accountId, string view, string columns, DateTime savedAt)
    {
        AccountId = accountId;
        View = view;
        Columns = columns;
        SavedAt = savedAt;
    }

    public int AccountId { get; private set; }

    /// <summary>Which table, e.g. <c>kpi.details.agents</c>.</summary>
    public string View { get; private set; }

    /// <summary>The chosen column names in order, comma-separated (names never contain a comma).</summary>
    public string Columns { get; private set; }

    public DateTime SavedAt { get; private set; }

    public IReadOnlyList<string> ColumnNames => Columns.Split(Separator, StringSplitOptions.RemoveEmptyEntries);

    public static Outcome<ColumnLayout> Create(int accountId, string view, IReadOnlyList<string> columns, DateTime savedAt)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (Check(view, columns) is { } violation)
        {
            return violation;
        }

        return new ColumnLayout(accountId, view, string.Join(Separator, columns), savedAt);
    }

    public Outcome Change(IReadOnlyList<string> columns, DateTime savedAt)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (Check(View, columns) is { } violation)
        {
            return violation;
        }

        Columns = string.Join(Separator, columns);
        SavedAt = savedAt;
        return Outcome.Ok;
    }

    /// <summary>
    /// The saved columns the table still has, in the saved order, and the names it no longer has (a figure renamed or
    /// removed since): those are ignored and the page says so, rather than failing or showing an empty table.
    /// </summary>
    public ColumnChoice Resolve(IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var names = ColumnNames;
        return new ColumnChoice([.. names.Where(known.Contains)], [.. names.Where(n => !known.Contains(n))]);
    }

    private static RuleViolation? Check(string view, IReadOnlyList<string> columns)
    {
        if (string.IsNullOrWhiteSpace(view) || view.Length > MaxViewLength)
        {
            return new RuleViolation("ColumnLayout.ViewInvalid");
        }

        if (columns.Count == 0)
        {
            return new RuleViolation("ColumnLayout.NoColumns");
        }

        if (columns.Count > MaxColumns)
        {
            return new RuleViolation("ColumnLayout.TooManyColumns", MaxColumns);
        }

        if (columns.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > MaxColumnNameLength || c.Contains(Separator, StringComparison.Ordinal)))
        {
            return new RuleViolation("ColumnLayout.ColumnNameInvalid");
        }

        return columns.Distinct(StringComparer.Ordinal).Count() != columns.Count
            ? new RuleViolation("ColumnLayout.DuplicateColumn")
            : null;
    }
}

/// <summary>A saved layout read against the columns a table has now.</summary>
public sealed record ColumnChoice(IReadOnlyList<string> Columns, IReadOnlyList<string> Unknown);
