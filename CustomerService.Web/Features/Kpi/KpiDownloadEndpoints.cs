using System.Globalization;
using CustomerService.Domain.Reporting;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Settings.ColumnLayouts;
using CustomerService.Web.Infrastructure;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Kpi;

/// <summary>
/// The KPI pages' .xlsx downloads (SPEC I2): 下载全部 and one per section, in the caller's KPI scope; the pages Sales
/// may not open (ranking, work hours, queue) refuse their downloads too (403), whatever the URL.
/// </summary>
public static class KpiDownloadEndpoints
{

    public static IEndpointRouteBuilder MapKpiDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/kpi/overview.xlsx", OverviewAsync).RequireAuthorization(nameof(Permission.ViewKpi));
        app.MapGet("/kpi/details.xlsx", DetailsAsync).RequireAuthorization(nameof(Permission.ViewKpi));
        app.MapGet("/kpi/ranking.xlsx", RankingAsync).RequireAuthorization(nameof(Permission.ViewKpiManagement));
        app.MapGet("/kpi/queue.xlsx", QueueAsync).RequireAuthorization(nameof(Permission.ViewKpiManagement));
        app.MapGet("/kpi/starts.xlsx", StartsAsync).RequireAuthorization(nameof(Permission.ViewKpi));
        app.MapGet("/kpi/users.xlsx", UsersAsync).RequireAuthorization(nameof(Permission.ViewKpi));
        app.MapGet("/kpi/types.xlsx", TypesAsync).RequireAuthorization(nameof(Permission.ViewKpi));
        app.MapGet("/kpi/{view}.xlsx", ViewAsync).RequireAuthorization(nameof(Permission.ViewKpi));
        return app;
    }

    /// <summary>概况 whole, or one of its parts (<c>?section=</c>) as a sheet of the total and a row per agent.</summary>
    private static async Task<IResult> OverviewAsync(
        string? section, HttpContext http, ReportService reports, ReportAudienceResolver audiences, KpiWorkbook workbook,
        ViolationText violations, IStringLocalizer<UiText> text, CancellationToken cancellationToken)
    {
        var part = KpiMetrics.OverviewParts.FirstOrDefault(p => string.Equals(p.Name, section, StringComparison.Ordinal));
        if (section is not null && part is null)
        {
            return Results.NotFound();
        }

        var (request, refusal) = await KpiDownloadRequest.ReadAsync(http, audiences, violations, text, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        var report = await reports.AgentsAsync(request.Period, request.Audience, cancellationToken);
        var file = part is null
            ? workbook.Overview(report, request.ScopeName)
            : workbook.Sections(new KpiSheets(text["Kpi.Overview"], request.ScopeName, report, null, [part], null));
        return File(file, text["Kpi.FileName.Overview"], request.Period);
    }

    /// <summary>详细数据 with the columns the account saved (the defaults when he never chose).</summary>
    private static async Task<IResult> DetailsAsync(
        KpiDetailRows? rows, HttpContext http, ReportService reports, ReportAudienceResolver audiences, KpiWorkbook workbook,
        ColumnLayoutStore layouts, ViolationText violations, IStringLocalizer<UiText> text, CancellationToken cancellationToken)
    {
        var (request, refusal) = await KpiDownloadRequest.ReadAsync(http, audiences, violations, text, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        var choice = await layouts.ReadAsync(http.User.AccountId(), KpiDetailColumns.View, KpiMetrics.Names, KpiDetailColumns.Defaults, cancellationToken);
        var metrics = choice.Columns.Select(KpiMetrics.Get).ToList();
        var report = await reports.AgentsAsync(request.Period, request.Audience, cancellationToken);
        var groups = rows == KpiDetailRows.Groups ? await reports.AccountGroupsAsync(request.Period, request.Audience, cancellationToken) : null;
        return File(workbook.Details(request.ScopeName, metrics, report, groups), text["Kpi.View.details"], request.Period);
    }

    private static async Task<IResult> RankingAsync(
        HttpContext http, ReportService reports, ReportAudienceResolver audiences, KpiWorkbook workbook,
        ViolationText violations, IStringLocalizer<UiText> text, CancellationToken cancellationToken)
    {
        var (request, refusal) = await KpiDownloadRequest.ReadAsync(http, audiences, violations, text, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        var report = await reports.AgentsAsync(request.Period, request.Audience, cancellationToken);
        return File(workbook.Ranking(request.ScopeName, report, KpiRanking.Rank(report.Agents)), text["Kpi.View.ranking"], request.Period);
    }

    /// <summary>
    /// 排队分析: every reception group's queue, or the one picked on the page (<c>receptionGroup=</c>, as the page's own
    /// address names it) — its total and its row only. Queue entries belong to no agent, so no agent scope applies; a
    /// group that does not exist is refused (400) and nothing is written.
    /// </summary>
    private static async Task<IResult> QueueAsync(
        string? receptionGroup, HttpContext http, ReportService reports, ReportAudienceResolver audiences, KpiWorkbook workbook,
        EnterpriseTimeZone calendar, ViolationText violations, IStringLocalizer<UiText> text, CancellationToken cancellationToken)
    {
        var (request, refusal) = await KpiDownloadRequest.ReadAsync(http, audiences, violations, text, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        var groups = await reports.QueueByGroupAsync(request.Period, cancellationToken);
        int? groupId = null;
        if (receptionGroup is not null)
        {
            if (!int.TryParse(receptionGroup, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || groups.All(g => g.ReceptionGroupId != id))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: text["Kpi.Queue.UnknownReceptionGroup"]);
            }

            (groupId, groups) = (id, [.. groups.Where(g => g.ReceptionGroupId == id)]);
        }

        var total = await reports.QueueAsync(request.Period, groupId, cancellationToken);
        var zone = await calendar.GetAsync(cancellationToken);
        var scopeName = groupId is null ? text["Kpi.Queue.AllGroups"].Value : groups[0].Name;
        return File(workbook.Queue(request.Period, zone.Id, scopeName, total, groups), text["Kpi.View.queue"], request.Period);
    }

    private static Task<IResult> StartsAsync(HttpContext http, ReportService reports, KpiTables tables, CancellationToken cancellationToken) =>
        TablesFileAsync(http, "Kpi.View.starts", async request => tables.Starts(await reports.OriginsAsync(request.Period, request.Audience, cancellationToken)), cancellationToken);

    private static Task<IResult> UsersAsync(HttpContext http, ReportService reports, KpiTables tables, CancellationToken cancellationToken) =>
        TablesFileAsync(http, "Kpi.View.users", async request => tables.Users(
            await reports.OriginsAsync(request.Period, request.Audience, cancellationToken),
            (await reports.TotalAsync(request.Period, request.Audience, cancellationToken)).Figures), cancellationToken);

    private static Task<IResult> TypesAsync(HttpContext http, ReportService reports, KpiTables tables, CancellationToken cancellationToken) =>
        TablesFileAsync(http, "Kpi.View.types", async request => tables.Types(await reports.ConsultationTypesAsync(request.Period, request.Audience, cancellationToken)), cancellationToken);

    /// <summary>
    /// A 数据分析 page's tables for the request's period and scope, as a workbook; <c>?section=</c> narrows it to one table
    /// (its <see cref="KpiTable.Key"/>), an unknown one is 404.
    /// </summary>
    private static async Task<IResult> TablesFileAsync(
        HttpContext http, string titleKey, Func<KpiDownloadRequest, Task<IReadOnlyList<KpiTable>>> read, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var text = services.GetRequiredService<IStringLocalizer<UiText>>();
        var (request, refusal) = await KpiDownloadRequest.ReadAsync(
            http, services.GetRequiredService<ReportAudienceResolver>(), services.GetRequiredService<ViolationText>(), text, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        var tables = await read(request);
        if (http.Request.Query["section"] is { Count: > 0 } section)
        {
            tables = [.. tables.Where(t => t.Key == section.ToString())];
            if (tables.Count == 0)
            {
                return Results.NotFound();
            }
        }

        var zone = await services.GetRequiredService<EnterpriseTimeZone>().GetAsync(cancellationToken);
        var file = services.GetRequiredService<KpiWorkbook>().Tables(text[titleKey], request.Period, request.ScopeName, zone.Id, tables);
        return File(file, text[titleKey], request.Period);
    }

    private static async Task<IResult> ViewAsync(
        string view, string? section, HttpContext http, ReportService reports, ReportAudienceResolver audiences, KpiWorkbook workbook,
        IAuthorizationService authorization, ViolationText violations, IStringLocalizer<UiText> text, CancellationToken cancellationToken)
    {
        if (KpiViews.Find(view) is not { } found)
        {
            return Results.NotFound();
        }

        if (found.ManagementOnly && !(await authorization.AuthorizeAsync(http.User, nameof(Permission.ViewKpiManagement))).Succeeded)
        {
            return Results.Forbid();
        }

        var onlyOrders = section == "OrderDetails" && found.ListsOrders;
        var part = found.Section(section);
        if (section is not null && part is null && !onlyOrders)
        {
            return Results.NotFound();
        }

        var (request, refusal) = await KpiDownloadRequest.ReadAsync(http, audiences, violations, text, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        var report = await reports.AgentsAsync(request.Period, request.Audience, cancellationToken);
        var previous = found.ComparesPrevious ? await reports.AgentsAsync(request.Period.Previous(), request.Audience, cancellationToken) : null;
        var orders = found.ListsOrders && (section is null || onlyOrders) ? await reports.OrdersAsync(request.Period, request.Audience, cancellationToken) : null;
        IReadOnlyList<KpiPart> parts = onlyOrders ? [] : part is null ? found.Sections : [part];
        var file = workbook.Sections(new KpiSheets(text[found.TitleKey], request.ScopeName, report, previous, parts, orders));
        return File(file, text[found.TitleKey], request.Period);
    }

    private static IResult File(byte[] content, string title, ReportPeriod period) =>
        Results.File(content, XlsxFile.ContentType, string.Create(CultureInfo.InvariantCulture, $"{title}_{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.xlsx"));
}
