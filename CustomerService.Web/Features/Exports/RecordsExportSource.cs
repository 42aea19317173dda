using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Exports;
using CustomerService.Domain.Qc;
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
        if (search.Validate() is { } violation)
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
        RuleViolationException.ThrowIf(export.Search.Validate());
        var visible = await dataScope.ForAsync(ownerAccountId, ScopedModule.Records, cancellationToken);
        int total;
        TimeZoneInfo zone;
        RecordQueryPlan plan;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Planned once for every page: a keyword's plan alone walks the whole period (ADR 018).
            plan = await RecordListService.PlanAsync(db, export.Search, cancellationToken);
            total = await plan.Query(db, visible).Query.CountAsync(cancellationToken);
            zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
        }

        var columns = export.Columns.Select(Column).ToList();
        return new ExportTable(text["Records.Title"].Value, columns, total, RowsAsync(visible, export, plan, zone, cancellationToken));
    }

    private async IAsyncEnumerable<DataCell[]> RowsAsync(
        VisibleData visible, RecordsExportRequest export, RecordQueryPlan plan, TimeZoneInfo zone, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var texts = new RecordTexts(text);
        // One page read ahead: the next page's queries run while this page's rows are written (measured in ADR 019).
        Task<List<RecordRow>>? next = ReadPageAsync(visible, plan, null, cancellationToken);
        try
        {
            while (next is not null)
            {
                var page = await next;
                next = page.Count == PageSize ? ReadPageAsync(visible, plan, page[^1].Cursor, cancellationToken) : null;
                foreach (var row in page)
                {
                    yield return [.. export.Columns.Select(column => Cell(row, column, zone, texts))];
                }
            }
        }
        finally
        {
            // The writer stopped early (cancelled, failed): the page being read ahead is let finish, unobserved.
            if (next is not null)
            {
                await next.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    private async Task<List<RecordRow>> ReadPageAsync(VisibleData visible, RecordQueryPlan plan, RecordCursor? after, CancellationToken cancellationToken)
    {
        // A context per page: nothing tracked or cached accumulates over a million rows.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (builder, query) = plan.Query(db, visible);
        if (after is { } cursor)
        {
            // The keyset's OR is not a range SQLite can seek on: this bound lets each page start at the cursor
            // instead of walking past every row already written (measured: see ADR 019).
            var at = cursor.RequestedAt;
            query = query.Where(c => c.RequestedAt <= at);
        }

        var page = await RecordListService.Rows(db, RecordQueryBuilder.Page(query, after, PageSize)).ToListAsync(cancellationToken);
        page = await RecordListService.MarkPurchasedAsync(db, builder, page, cancellationToken);
        return await RecordListService.MarkQcBandAsync(db, page, cancellationToken);
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
    private static DataCell Cell(RecordRow row, RecordColumn column, TimeZoneInfo zone, RecordTexts texts) => column switch
    {
        RecordColumn.RequestedAt => new DataCell(EnterpriseClock.ToLocal(row.RequestedAt, zone)),
        RecordColumn.Visitor => new DataCell(row.VisitorName ?? row.UserId ?? texts.VisitorNumber(row.VisitorId)),
        RecordColumn.Agent => new DataCell(row.AgentName),
        RecordColumn.ReceptionGroup => new DataCell(row.ReceptionGroup),
        RecordColumn.Duration => new DataCell(row.Duration?.TotalDays),
        RecordColumn.Messages => new DataCell(row.Messages),
        RecordColumn.Result => new DataCell(row.Valid ? texts.Valid : texts.Invalid),
        RecordColumn.Rating => new DataCell(texts.Ratings[row.Rating is { } level ? (RatingFilter)(int)level : RatingFilter.Unrated]),
        RecordColumn.SummaryType => new DataCell(row.SummaryType ?? texts.Unsummarized),
        RecordColumn.Purchased => new DataCell(row.Purchased ? texts.Purchased : texts.NotPurchased),
        RecordColumn.Vip => new DataCell(row.IsVip ? texts.Vip : texts.NotVip),
        RecordColumn.VisitorIp => new DataCell(row.VisitorIp),
        RecordColumn.StartPage => new DataCell(row.StartPageTitle ?? row.StartPageUrl),
        RecordColumn.QcBand => new DataCell(row.QcBand is { } band ? texts.Bands[band] : texts.Ungraded),
        _ => new DataCell((string?)null),
    };

    /// <summary>The export's fixed texts, looked up once in the owner's language rather than once per cell.</summary>
    private sealed class RecordTexts(IStringLocalizer<UiText> text)
    {
        private readonly string _visitorNumber = text["Records.VisitorNumber"].Value;

        public string Valid { get; } = text["Records.List.Valid"].Value;

        public string Invalid { get; } = text["Records.List.Invalid"].Value;

        public string Purchased { get; } = text["Records.List.Purchased"].Value;

        public string NotPurchased { get; } = text["Records.List.NotPurchased"].Value;

        public string Vip { get; } = text["Records.Vip.Yes"].Value;

        public string NotVip { get; } = text["Records.Vip.No"].Value;

        public string Unsummarized { get; } = text["Records.Unsummarized"].Value;

        public string Ungraded { get; } = text["Records.QcUngraded"].Value;

        public IReadOnlyDictionary<RatingFilter, string> Ratings { get; } =
            Enum.GetValues<RatingFilter>().ToDictionary(r => r, r => text[$"Records.Rating.{r}"].Value);

        public IReadOnlyDictionary<QcBand, string> Bands { get; } = Enum.GetValues<QcBand>().ToDictionary(b => b, b => text[$"Qc.Band.{b}"].Value);

        /// <summary>As the localizer formats an argument (the current culture).</summary>
        public string VisitorNumber(long visitorId) => string.Format(CultureInfo.CurrentCulture, _visitorNumber, visitorId);
    }
}
