using System.Globalization;
using System.Text;
using CustomerService.Domain.Common;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Infrastructure;

namespace CustomerService.Web.Features.LeaveMessages;

/// <summary>
/// Which leave-messages the inbox lists: 全部 / 已处理 / 未处理, and — when a KPI figure drills down to it (issue 11) — the
/// period of their creation (the enterprise's days, as every KPI period) and the agent they are credited to, or an
/// account group of such agents. Credit as the reports give it (SPEC I0 Leave-messages, <c>DailyRollup</c>): the
/// responsible agent, or the one who handled it when none is responsible. The inbox's 留言处理范围 still applies.
/// </summary>
public sealed record LeaveMessageCriteria(
    LeaveMessageFilter Filter, ReportPeriod? Period = null, int? CreditedAgentId = null, int? CreditedAccountGroupId = null);

/// <summary>
/// The address of the inbox with its criteria: <c>/leave-messages?filter=&amp;from=&amp;to=&amp;agent=&amp;accountGroup=</c>.
/// Written here and read here, so a KPI link and the page cannot disagree on a name.
/// </summary>
public static class LeaveMessageListAddress
{
    public const string Path = "/leave-messages";

    public static string For(LeaveMessageCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var link = new StringBuilder($"{Path}?filter={criteria.Filter}");
        if (criteria.Period is { } period)
        {
            link.Append(CultureInfo.InvariantCulture, $"&from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}");
        }

        if (criteria.CreditedAgentId is { } agent)
        {
            link.Append(CultureInfo.InvariantCulture, $"&agent={agent}");
        }

        if (criteria.CreditedAccountGroupId is { } group)
        {
            link.Append(CultureInfo.InvariantCulture, $"&accountGroup={group}");
        }

        return link.ToString();
    }

    /// <summary>
    /// The criteria an address names. A part that cannot be read is left out — the list shows more, never something
    /// else — and said: <c>PeriodProblem</c> why the period was not used (reversed, over a year, no date), <c>Unreadable</c>
    /// when the filter, agent or account group is no value this address writes. An unknown filter opens 未处理, as before.
    /// </summary>
    public static (LeaveMessageCriteria Criteria, RuleViolation? PeriodProblem, bool Unreadable) Read(
        string? filter, string? from, string? to, string? agent, string? accountGroup)
    {
        var (named, unreadable) = LinkValue.Named<LeaveMessageFilter>(filter);
        var list = named ?? LeaveMessageFilter.Unhandled;

        ReportPeriod? period = null;
        RuleViolation? periodProblem = null;
        if (from is not null || to is not null)
        {
            var (linked, problems) = Reporting.Api.ReportQuery.Period(from, to);
            (period, periodProblem) = (linked, linked is null ? problems[0].Violation : null);
        }

        var (agentId, agentUnreadable) = Id(agent);
        var (groupId, groupUnreadable) = Id(accountGroup);
        return (new LeaveMessageCriteria(list, period, agentId, groupId), periodProblem, unreadable || agentUnreadable || groupUnreadable);
    }

    private static (int? Id, bool Unreadable) Id(string? text) =>
        text is null ? (null, false)
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? (id, false)
        : (null, true);
}
