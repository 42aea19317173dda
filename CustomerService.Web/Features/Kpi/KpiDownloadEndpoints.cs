using System.Globalization;
using CustomerService.Domain.Reporting;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Reporting.Api;
using CustomerService.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Kpi;

/// <summary>The KPI pages' .xlsx downloads (SPEC I2), in the caller's KPI scope, refused outside his role's pages.</summary>
public static class KpiDownloadEndpoints
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapKpiDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/kpi/overview.xlsx", OverviewAsync).RequireAuthorization(nameof(Permission.ViewKpi));
        return app;
    }

    private static async Task<IResult> OverviewAsync(
        string? from, string? to, HttpContext http, ReportService reports, ReportAudienceResolver audiences, KpiWorkbook workbook,
        ViolationText violations, IStringLocalizer<UiText> text, CancellationToken cancellationToken)
    {
        // The same reading of from / to as the report API: the same refusals, in the same words.
        var (period, problems) = ReportQuery.Period(from, to);
        if (period is not { } valid)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: violations.Describe(problems[0].Violation));
        }

        var audience = await audiences.ForAccountAsync(http.User.AccountId(), cancellationToken);
        var report = await reports.AgentsAsync(valid, audience, cancellationToken);
        var scope = audience.WholeEnterprise ? text["Kpi.Scope.Enterprise"].Value : text["Kpi.Scope.Agents", audience.AgentIds.Count].Value;
        var file = workbook.Overview(report, scope);
        var name = string.Create(CultureInfo.InvariantCulture, $"{text["Kpi.FileName.Overview"]}_{valid.From:yyyyMMdd}-{valid.To:yyyyMMdd}.xlsx");
        return Results.File(file, ContentType, name);
    }
}
