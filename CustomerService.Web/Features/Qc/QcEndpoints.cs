using CustomerService.Web.Infrastructure;
using System.Globalization;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Qc;

/// <summary>
/// The QC endpoints outside the circuit: the statistics download, and grading by a plain form post (score-0, score-1, …
/// in dimension order, empty = N/A; comment; standardId) for clients without a circuit. Both carry the role policy, and
/// the services check the role and scope again (issue 13: Sales is refused on a direct post too).
/// </summary>
public static class QcEndpoints
{

    public static IEndpointRouteBuilder MapQcEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/qc/statistics.xlsx", StatisticsAsync).RequireAuthorization(nameof(Permission.ViewQcStatistics));
        app.MapPost("/qc/conversations/{id:long}/grade", GradeAsync).RequireAuthorization(nameof(Permission.GradeConversations));
        return app;
    }

    private static async Task<IResult> StatisticsAsync(
        string? from, string? to, HttpContext http, QcStatisticsService statistics, QcStatisticsWorkbook workbook, ViolationText violations,
        IStringLocalizer<UiText> text, CancellationToken cancellationToken)
    {
        if (!TryDate(from, out var fromDate) || !TryDate(to, out var toDate))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: text["Qc.BadPeriod"]);
        }

        var computed = await statistics.ComputeAsync(http.User.AccountId(), fromDate, toDate, cancellationToken);
        if (!computed.Succeeded)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: violations.Describe(computed.Violation!));
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{text["Qc.FileName"]}_{fromDate:yyyyMMdd}-{toDate:yyyyMMdd}.xlsx");
        return Results.File(workbook.Write(computed.Value!), XlsxFile.ContentType, name);
    }

    private static async Task<IResult> GradeAsync(
        long id, [FromForm] IFormCollection form, HttpContext http, QcGradingService grading, ViolationText violations, CancellationToken cancellationToken)
    {
        var scores = new List<decimal?>();
        for (var i = 0; form.TryGetValue($"score-{i}", out var value); i++)
        {
            var raw = value.ToString().Trim();
            if (raw.Length == 0)
            {
                scores.Add(null);
            }
            else if (decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var score))
            {
                scores.Add(score);
            }
            else
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: violations.Describe(new Domain.Common.RuleViolation("QcScoreNotNumber", $"#{i + 1}")));
            }
        }

        int? standardId = int.TryParse(form["standardId"], CultureInfo.InvariantCulture, out var standard) ? standard : null;
        var saved = await grading.SaveAsync(http.User.AccountId(), id, standardId, scores, form["comment"].ToString(), cancellationToken);
        return saved.Succeeded
            ? Results.Ok(new { gradeId = saved.Value })
            : saved.Violation!.Code is "QcConversationNotFound"
                ? Results.NotFound()
                : Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: violations.Describe(saved.Violation));
    }

    private static bool TryDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
