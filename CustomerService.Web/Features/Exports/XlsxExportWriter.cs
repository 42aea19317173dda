using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace CustomerService.Web.Features.Exports;

/// <summary>
/// Writes an <see cref="ExportTable"/> to an .xlsx stream one row at a time (ADR 019: SpreadCheetah, memory flat in
/// the row count): a bold header frozen at the top, explicit column widths, numbers and dates as real Excel values.
/// Past <see cref="RowsPerSheet"/> rows it continues on a further sheet with the same header (SPEC G5; Excel's limit
/// is 1,048,576 rows a sheet).
/// </summary>
public static class XlsxExportWriter
{
    public const int RowsPerSheet = 1_000_000;

    /// <summary>How often (rows) the progress callback runs; it also decides whether to go on.</summary>
    public const int ProgressEvery = 1_000;

    /// <param name="progress">Called every <see cref="ProgressEvery"/> rows with the rows written so far; false stops the writing (cancelled).</param>
    /// <param name="rowsPerSheet">Data rows a sheet holds before the next begins (tests make it small).</param>
    /// <returns>The rows written, or null when <paramref name="progress"/> stopped it.</returns>
    public static async Task<int?> WriteAsync(
        Stream output, ExportTable table, Func<int, CancellationToken, ValueTask<bool>> progress, CancellationToken cancellationToken,
        int rowsPerSheet = RowsPerSheet)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(progress);
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(
            output, new SpreadCheetahOptions { DefaultDateTimeFormat = NumberFormat.Custom("yyyy-mm-dd hh:mm:ss") }, cancellationToken);
        var header = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        var styles = table.Columns.Select(column => column.Format == ExportFormat.Duration
            ? spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("[h]:mm:ss") })
            : null).ToArray();
        var styled = styles.Any(s => s is not null);

        var written = 0;
        var sheet = 0;
        var onSheet = rowsPerSheet;
        var cells = new Cell[table.Columns.Count];
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            if (onSheet == rowsPerSheet)
            {
                sheet++;
                await StartSheetAsync(spreadsheet, table, sheet, header, cancellationToken);
                onSheet = 0;
            }

            if (styled)
            {
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = styles[i] is { } style ? new Cell(row[i], style) : new Cell(row[i]);
                }

                await spreadsheet.AddRowAsync(cells, cancellationToken);
            }
            else
            {
                await spreadsheet.AddRowAsync(row, cancellationToken);
            }

            onSheet++;
            written++;
            if (written % ProgressEvery == 0 && !await progress(written, cancellationToken))
            {
                return null;
            }
        }

        if (sheet == 0)
        {
            // An empty search still gives a file with its header: the user sees what he asked for.
            await StartSheetAsync(spreadsheet, table, 1, header, cancellationToken);
        }

        await spreadsheet.FinishAsync(cancellationToken);
        return written;
    }

    private static async Task StartSheetAsync(Spreadsheet spreadsheet, ExportTable table, int sheet, StyleId header, CancellationToken cancellationToken)
    {
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < table.Columns.Count; i++)
        {
            options.Column(i + 1).Width = table.Columns[i].Width;
        }

        var name = sheet == 1 ? table.SheetName : $"{table.SheetName} ({sheet})";
        await spreadsheet.StartWorksheetAsync(name, options, cancellationToken);
        await spreadsheet.AddRowAsync([.. table.Columns.Select(c => new StyledCell(c.Header, header))], cancellationToken);
    }
}
