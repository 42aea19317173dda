using SpreadCheetah;

namespace CustomerService.Web.Features.Exports;

/// <summary>How a column's values are shown in Excel: real numbers, dates and durations, not their texts (SPEC G5).</summary>
public enum ExportFormat
{
    Text,
    Number,
    DateTime,

    /// <summary>A time span as a fraction of a day, shown [h]:mm:ss (sums and averages work in Excel).</summary>
    Duration,
}

/// <summary>A column of an export: its header, its width in characters and how its values are formatted.</summary>
public sealed record ExportColumn(string Header, double Width, ExportFormat Format = ExportFormat.Text);

/// <summary>
/// The seam between what is exported and the writer (SPEC G5, J4): the columns and the rows of one search, read as
/// the writer goes (never loaded whole), plus the row count when the task starts for the progress bar. A row holds one
/// cell per column, in the columns' order.
/// </summary>
public sealed record ExportTable(string SheetName, IReadOnlyList<ExportColumn> Columns, int? Total, IAsyncEnumerable<DataCell[]> Rows);

/// <summary>
/// One kind of export: turns a task's request (JSON it wrote itself when the task was queued) into the table of the
/// owner's search, in the owner's data scope as it is when the task runs.
/// </summary>
public interface IExportSource
{
    Domain.Exports.ExportKind Kind { get; }

    Task<ExportTable> OpenAsync(int ownerAccountId, string request, CancellationToken cancellationToken);
}
