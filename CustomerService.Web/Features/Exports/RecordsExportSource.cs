using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Exports;
using CustomerService.Domain.Records;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Records;
using CustomerService.Web.Features.Security;
using CustomerService.Web.Infrastructure;
using CustomerService.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SpreadCheetah;

namespace CustomerService.Web.Features.Exports;

/// <summary>What a records export writes: the search of the moment it was asked for, and the columns chosen then.</summary>
public sealed record RecordsExportRequest(RecordSearch Search, IReadOnlyList<RecordColumn> Columns)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The request text of a task, or the search's own refusal (bad input is refused before anything is queued).</summary>
    public static Outcome<string> For(RecordSearch search, IEnumerable<RecordColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (search.Filter.Validate() is { } violation)
        {
            return violation;
        }

        return JsonSerializer.Serialize(new RecordsExportRequest(search, RecordColumns.Read(RecordColumns.Store(columns))), Json);
    }

    public static RecordsExportRequest Read(string request) =>
        JsonSerializer.Deserialize<RecordsExportRequest>(request, Json) ?? throw new InvalidOperationException("Empty export request.");
}

/// <summary>
/// 互动记录 exports (SPEC G5): the owner's search through the one records query (same lists, filters and scope as the
/// page, SPEC G6), newest first, read in keyset pages so neither memory nor a long-running statement grows with the
/// row count, and a conversation added meanwhile is neither repeated nor makes another one skipped. Values are typed:
/// the request time a real date in the enterprise's zone, the duration a time, message counts numbers; texts as the
/// list shows them.
/// </summary>
public sealed class RecordsExportSource(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, DataScopeFilter dataScope, IStringLocalizer<UiText> text) : IExportSource
{
    public const int DefaultPageSize = 1_000;

    /// <summary>Rows read per query; tests make it small to see several pages.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    public ExportKind Kind => ExportKind.Records;

    public async Task<ExportTable> OpenAsync(int ownerAccountId, string request, CancellationToken cancellationToken)
    {
        var export = RecordsExportRequest.Read(request);
        RuleViolationException.ThrowIf(export.Search.Filter.Validate());
        var visible = await dataScope.ForAsync(ownerAccountId, ScopedModule.Records, cancellationToken);
        int total;
        TimeZoneInfo zone;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var (_, query) = await RecordListService.QueryAsync(db, visible, export.Search, cancellationToken);
            total = await query.CountAsync(cancellationToken);
            zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
        }

        var columns = export.Columns.Select(Column).ToList();
        return new ExportTable(text["Records.Title"].Value, columns, total, RowsAsync(visible, export, zone, cancellationToken));
    }

    private async IAsyncEnumerable<DataCell[]> RowsAsync(
        VisibleData visible, RecordsExportRequest export, TimeZoneInfo zone, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        RecordCursor? after = null;
        do
        {
            List<RecordRow> page;
            // A context per page: nothing tracked or cached accumulates over a million rows.
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                var (builder, query) = await RecordListService.QueryAsync(db, visible, export.Search, cancellationToken);
                if (after is { } cursor)
                {
                    // The keyset's OR is not a range SQLite can seek on: this bound lets each page start at the cursor
                    // instead of walking past every row already written (measured: see ADR 019).
                    var at = cursor.RequestedAt;
                    query = query.Where(c => c.RequestedAt <= at);
                }

                page = await RecordListService.Rows(db, RecordQueryBuilder.Page(query, after, PageSize)).ToListAsync(cancellationToken);
                page = await RecordListService.MarkPurchasedAsync(db, builder, page, cancellationToken);
                page = await RecordListService.MarkQcBandAsync(db, page, cancellationToken);
            }

            foreach (var row in page)
            {
                yield return [.. export.Columns.Select(column => Cell(row, column, zone))];
            }

            after = page.Count == PageSize ? page[^1].Cursor : null;
        }
        while (after is not null);
    }

    private ExportColumn Column(RecordColumn column)
    {
        var header = text[$"Records.Column.{column}"].Value;
        return column switch
        {
            RecordColumn.RequestedAt => new ExportColumn(header, 20, ExportFormat.DateTime),
            RecordColumn.Duration => new ExportColumn(header, 12, ExportFormat.Duration),
            RecordColumn.Messages => new ExportColumn(header, 10, ExportFormat.Number),
            RecordColumn.StartPage => new ExportColumn(header, 40),
            RecordColumn.VisitorIp => new ExportColumn(header, 18),
            RecordColumn.Visitor or RecordColumn.SummaryType or RecordColumn.ReceptionGroup => new ExportColumn(header, 18),
            RecordColumn.Agent or RecordColumn.Rating => new ExportColumn(header, 14),
            RecordColumn.Result or RecordColumn.Purchased or RecordColumn.Vip or RecordColumn.QcBand => new ExportColumn(header, 10),
            _ => new ExportColumn(header, 14),
        };
    }

    /// <summary>The list's own texts (RecordsPage), but real values where Excel has them.</summary>
    private DataCell Cell(RecordRow row, RecordColumn column, TimeZoneInfo zone) => column switch
    {
        RecordColumn.RequestedAt => new DataCell(EnterpriseClock.ToLocal(row.RequestedAt, zone)),
        RecordColumn.Visitor => new DataCell(row.VisitorName ?? row.UserId ?? text["Records.VisitorNumber", row.VisitorId].Value),
        RecordColumn.Agent => new DataCell(row.AgentName),
        RecordColumn.ReceptionGroup => new DataCell(row.ReceptionGroup),
        RecordColumn.Duration => new DataCell(row.Duration?.TotalDays),
        RecordColumn.Messages => new DataCell(row.Messages),
        RecordColumn.Result => new DataCell(text[row.Valid ? "Records.List.Valid" : "Records.List.Invalid"].Value),
        RecordColumn.Rating => new DataCell(text[$"Records.Rating.{(row.Rating is { } level ? (RatingFilter)(int)level : RatingFilter.Unrated)}"].Value),
        RecordColumn.SummaryType => new DataCell(row.SummaryType ?? text["Records.Unsummarized"].Value),
        RecordColumn.Purchased => new DataCell(text[row.Purchased ? "Records.List.Purchased" : "Records.List.NotPurchased"].Value),
        RecordColumn.Vip => new DataCell(text[row.IsVip ? "Records.Vip.Yes" : "Records.Vip.No"].Value),
        RecordColumn.VisitorIp => new DataCell(row.VisitorIp),
        RecordColumn.StartPage => new DataCell(row.StartPageTitle ?? row.StartPageUrl),
        RecordColumn.QcBand => new DataCell(row.QcBand is { } band ? text[$"Qc.Band.{band}"].Value : text["Records.QcUngraded"].Value),
        _ => new DataCell((string?)null),
    };
}
