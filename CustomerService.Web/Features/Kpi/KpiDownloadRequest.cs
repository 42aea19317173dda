using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Reporting.Api;
using CustomerService.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CustomerService.Web.Features.Kpi;

/// <summary>
/// What every KPI download reads from its query string, checked like the pages check it (SPEC I2, I3): the period as
/// the report API reads it (same refusals, same words), and the scope within the caller's reach — a scope outside it is
/// 403 and nothing is written.
/// </summary>
public sealed record KpiDownloadRequest(ReportPeriod Period, ReportAudience Audience, ReportScope Scope, string ScopeName)
{
    public static async Task<(KpiDownloadRequest? Request, IResult? Refusal)> ReadAsync(
        HttpContext http, ReportAudienceResolver audiences, ViolationText violations, IStringLocalizer<UiText> text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(audiences);
        ArgumentNullException.ThrowIfNull(violations);
        ArgumentNullException.ThrowIfNull(text);
        var query = http.Request.Query;
        var (period, problems) = ReportQuery.Period(query["from"], query["to"]);
        if (period is not { } valid)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: violations.Describe(problems[0].Violation)));
        }

        if (!ReportScope.TryParse(query["scope"], out var scope))
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: text["Kpi.ScopeOutOfReach"]));
        }

        var reach = await audiences.ForAccountAsync(http.User.AccountId(), cancellationToken);
        if (await audiences.WithinReachAsync(reach, scope, cancellationToken) is not { } audience)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: text["Kpi.ScopeOutOfReach"]));
        }

        var options = await audiences.OptionsAsync(reach, cancellationToken);
        var name = scope.Kind switch
        {
            ReportScopeKind.AccountGroup => text["Kpi.Scope.Group", options.AccountGroups.FirstOrDefault(o => o.Scope == scope)?.Name ?? string.Empty].Value,
            ReportScopeKind.Agent => options.Agents.FirstOrDefault(o => o.Scope == scope)?.Name ?? string.Empty,
            _ => audience.WholeEnterprise ? text["Kpi.Scope.Enterprise"].Value : text["Kpi.Scope.Agents", audience.AgentIds.Count].Value,
        };
        return (new KpiDownloadRequest(valid, audience, scope, name), null);
    }
}
