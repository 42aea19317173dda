using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Integration;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerService.Web.Features.Reporting.Api;

/// <summary>
/// <c>GET /api/v1/reports/agents|queue|orders</c> (SPEC N4, N5): the report service's figures for the merchant's
/// systems. An integration key sees the whole enterprise.
/// </summary>
public static class ReportEndpoints
{
    private const string PeriodFrom = "First local date, `YYYY-MM-DD`, included (enterprise time zone).";
    private const string PeriodTo = "Last local date, `YYYY-MM-DD`, included; at most 366 days after `from`.";

    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/agents", AgentsAsync)
            .WithSummary("Figures per agent and their total for a period (SPEC N5)")
            .WithDescription("from/to: local dates YYYY-MM-DD in the enterprise time zone, inclusive, at most 366 days. accountGroup: an account group (账号分组) name narrows to its members. Rates are fractions 0..1, averages and rates are null when their denominator is 0, seconds have one decimal.");
        reports.MapGet("/queue", QueueAsync)
            .WithSummary("Queue analysis (排队分析) for a period")
            .WithDescription("receptionGroup: a reception group (接待组) name narrows to its queue.");
        reports.MapGet("/orders", OrdersAsync)
            .WithSummary("Order details with attribution (订单详情) for a period")
            .WithDescription("Orders placed in the period, cancelled ones excluded: orderAgent (下单客服), assistingAgents (协助下单客服), type afterConsultation / beforeConsultation / none.");
        return api;
    }

    private static async Task<IResult> AgentsAsync(
        [Description(PeriodFrom)] string? from,
        [Description(PeriodTo)] string? to,
        [Description("An account group (账号分组) name: only its members, and their total. Omit for the whole enterprise.")] string? accountGroup,
        ReportService reports, ReportAudienceResolver audiences,
        IDbContextFactory<CustomerServiceDbContext> dbFactory, ViolationText text, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (period, problems) = ReportQuery.Period(from, to);
        int? groupId = null;
        if (!string.IsNullOrWhiteSpace(accountGroup))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            groupId = await db.AccountGroups.Where(g => g.Name == accountGroup).Select(g => (int?)g.Id).FirstOrDefaultAsync(cancellationToken);
            if (groupId is null)
            {
                problems = [.. problems, ("accountGroup", new RuleViolation("AccountGroupUnknown", accountGroup))];
            }
        }

        if (problems.Count > 0 || period is null)
        {
            return Problems(problems, text);
        }

        var audience = await audiences.EnterpriseAsync(cancellationToken);
        if (groupId is { } id)
        {
            audience = await audiences.NarrowToAccountGroupAsync(audience, id, cancellationToken);
        }

        var report = await reports.AgentsAsync(period.Value, audience, cancellationToken);
        var options = json.Value.SerializerOptions;
        var rows = new JsonArray();
        foreach (var agent in report.Agents)
        {
            var row = new JsonObject { ["login"] = agent.Login, ["name"] = agent.Name, ["accountGroup"] = agent.AccountGroup };
            foreach (var (name, value) in JsonSerializer.SerializeToNode(agent.Figures, options)!.AsObject().ToList())
            {
                row[name] = value?.DeepClone();
            }

            rows.Add(row);
        }

        return TypedResults.Json(
            new JsonObject
            {
                ["from"] = report.Period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["to"] = report.Period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["timeZone"] = report.TimeZone,
                ["total"] = JsonSerializer.SerializeToNode(report.Total, options),
                ["agents"] = rows,
            },
            options);
    }

    private static async Task<IResult> QueueAsync(
        [Description(PeriodFrom)] string? from,
        [Description(PeriodTo)] string? to,
        [Description("A reception group (接待组) name: only its queue. Omit for every queue.")] string? receptionGroup,
        ReportService reports, IDbContextFactory<CustomerServiceDbContext> dbFactory,
        ViolationText text, CancellationToken cancellationToken)
    {
        var (period, problems) = ReportQuery.Period(from, to);
        int? groupId = null;
        if (!string.IsNullOrWhiteSpace(receptionGroup))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            groupId = await db.ReceptionGroups.Where(g => g.Name == receptionGroup).Select(g => (int?)g.Id).FirstOrDefaultAsync(cancellationToken);
            if (groupId is null)
            {
                problems = [.. problems, ("receptionGroup", new RuleViolation("ReceptionGroupUnknown", receptionGroup))];
            }
        }

        if (problems.Count > 0 || period is null)
        {
            return Problems(problems, text);
        }

        return TypedResults.Ok(await reports.QueueAsync(period.Value, groupId, cancellationToken));
    }

    private static async Task<IResult> OrdersAsync(
        [Description(PeriodFrom)] string? from, [Description(PeriodTo)] string? to, ReportService reports, ReportAudienceResolver audiences,
        ViolationText text, CancellationToken cancellationToken)
    {
        var (period, problems) = ReportQuery.Period(from, to);
        if (problems.Count > 0 || period is null)
        {
            return Problems(problems, text);
        }

        var orders = await reports.OrdersAsync(period.Value, await audiences.EnterpriseAsync(cancellationToken), cancellationToken);
        return TypedResults.Ok(new
        {
            From = period.Value.From,
            To = period.Value.To,
            Orders = orders.Select(o => new
            {
                o.OrderId,
                o.PlacedAt,
                o.PaidAt,
                o.Amount,
                o.UserId,
                o.OrderAgent,
                o.AssistingAgents,
                Type = OrderTypeName.Of(o.Type),
                o.ConversationId,
            }),
        });
    }

    /// <summary>The integration API's one shape of a 400 (errors per field, a detail and a code): <see cref="FieldErrors"/>.</summary>
    internal static IResult Problems(IEnumerable<(string Field, RuleViolation Violation)> problems, ViolationText text)
    {
        var errors = new FieldErrors();
        foreach (var (field, violation) in problems)
        {
            errors.Add(field, violation);
        }

        return errors.ToProblem(text);
    }
}
