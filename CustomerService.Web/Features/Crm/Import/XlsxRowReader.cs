using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CustomerService.Web.Features.Crm.Import;

/// <summary>One cell as stored: its text (shared, inline or the cached result), whether it is a number shown as a date, whether a formula made it.</summary>
public sealed record XlsxCell(string Text, bool IsNumber, bool IsDate, bool IsFormula);

/// <summary>A row of the first worksheet: its Excel number (header = 1) and its cells by 0-based column.</summary>
public sealed record XlsxRow(int Number, IReadOnlyDictionary<int, XlsxCell> Cells);

/// <summary>
/// Reads the first worksheet of an .xlsx one row at a time with the Open XML SDK's forward-only reader (SAX), so memory
/// holds one row plus the shared-string table, never the workbook (ClosedXML loads it whole: ADR 014). Merged ranges
/// are listed after the rows in a sheet's XML, so <see cref="MergedRows"/> scans for them first (without loading rows).
/// </summary>
public sealed class XlsxRowReader : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly WorksheetPart _sheet;
    private readonly List<string> _shared = [];
    private readonly HashSet<uint> _dateStyles = [];

    private XlsxRowReader(SpreadsheetDocument document, WorksheetPart sheet)
    {
        _document = document;
        _sheet = sheet;
    }

    /// <summary>Row ranges covered by merged cells: one forward scan of the sheet that loads nothing but the merge elements.</summary>
    public IReadOnlyList<(int First, int Last)> MergedRows()
    {
        var merged = new List<(int First, int Last)>();
        using var reader = OpenXmlReader.Create(_sheet);
        while (reader.Read())
        {
            if (reader.IsStartElement && reader.ElementType == typeof(Row))
            {
                reader.Skip();
            }
            else if (reader.IsStartElement && reader.ElementType == typeof(MergeCell))
            {
                var merge = (MergeCell)reader.LoadCurrentElement()!;
                if (merge.Reference?.Value?.Split(':') is [var from, var to])
                {
                    merged.Add((RowOf(from), RowOf(to)));
                }
            }
        }

        return merged;
    }

    /// <summary>Opens an .xlsx; null when the stream is not one (another format, a renamed file, garbage, no worksheet).</summary>
    public static XlsxRowReader? TryOpen(Stream stream)
    {
        SpreadsheetDocument? document = null;
        try
        {
            document = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbook = document.WorkbookPart;
            var first = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || first?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart sheet)
            {
                document.Dispose();
                return null;
            }

            var reader = new XlsxRowReader(document, sheet);
            reader.LoadSharedStrings(workbook.SharedStringTablePart);
            reader.LoadDateStyles(workbook.WorkbookStylesPart?.Stylesheet);
            return reader;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FormatException or InvalidOperationException
                                       or System.Xml.XmlException or ArgumentException or NotSupportedException)
        {
            document?.Dispose();
            return null;
        }
    }

    public IEnumerable<XlsxRow> Rows()
    {
        using var reader = OpenXmlReader.Create(_sheet);
        var next = 1;
        while (reader.Read())
        {
            if (reader.IsStartElement && reader.ElementType == typeof(Row))
            {
                var row = (Row)reader.LoadCurrentElement()!;
                var number = row.RowIndex?.Value is { } index ? (int)index : next;
                next = number + 1;
                yield return new XlsxRow(number, Cells(row));
            }
        }
    }

    private Dictionary<int, XlsxCell> Cells(Row row)
    {
        var cells = new Dictionary<int, XlsxCell>();
        var column = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : column;
            var formula = cell.CellFormula is not null;
            var raw = cell.CellValue?.Text;
            var type = cell.DataType?.Value;
            XlsxCell? value =
                type == CellValues.SharedString ? (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < _shared.Count ? new XlsxCell(_shared[i], false, false, formula) : null)
                : type == CellValues.InlineString ? new XlsxCell(cell.InlineString?.InnerText ?? string.Empty, false, false, formula)
                : type == CellValues.String || type == CellValues.Boolean || type == CellValues.Error ? (raw is null && !formula ? null : new XlsxCell(raw ?? string.Empty, false, false, formula))
                : raw is null ? (formula ? new XlsxCell(string.Empty, false, false, true) : null)
                : new XlsxCell(raw, true, cell.StyleIndex?.Value is { } style && _dateStyles.Contains(style), formula);
            if (value is not null)
            {
                cells[column] = value;
            }

            column++;
        }

        return cells;
    }

    private void LoadSharedStrings(SharedStringTablePart? part)
    {
        if (part is null)
        {
            return;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
            {
                var item = (SharedStringItem)reader.LoadCurrentElement()!;
                // The text runs only: phonetic guides (rPh) are not part of the value.
                _shared.Add(item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));
            }
        }
    }

    /// <summary>Cell styles whose number format shows a date: the built-in date formats and custom ones with y, m or d outside quotes and brackets.</summary>
    private void LoadDateStyles(Stylesheet? styles)
    {
        if (styles?.CellFormats is null)
        {
            return;
        }

        var custom = styles.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? string.Empty) ?? [];
        uint index = 0;
        foreach (var format in styles.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || (custom.TryGetValue(id, out var code) && LooksLikeDate(code)))
            {
                _dateStyles.Add(index);
            }

            index++;
        }
    }

    private static bool LooksLikeDate(string code)
    {
        var plain = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]", string.Empty);
        return plain.IndexOfAny(['y', 'Y', 'd', 'D']) >= 0 || (plain.Contains('m', StringComparison.OrdinalIgnoreCase) && !plain.Contains('h', StringComparison.OrdinalIgnoreCase) && !plain.Contains('s', StringComparison.OrdinalIgnoreCase));
    }

    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column - 1;
    }

    private static int RowOf(string reference) =>
        int.TryParse(reference.AsSpan(reference.TakeWhile(char.IsAsciiLetter).Count()), NumberStyles.Integer, CultureInfo.InvariantCulture, out var row) ? row : 0;

    public void Dispose() => _document.Dispose();
}
