using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.LeaveMessages;
using CustomerService.Web.Features.Records;
using CustomerService.Web.Features.Reporting;

namespace CustomerService.Web.Features.Kpi;

/// <summary>
/// What a count figure lists (SPEC I2, issue 11): a records list and the filter that matches the figure's definition
/// (SPEC I0), e.g. 未评价 = every consultation of the period without a rating.
/// </summary>
public sealed record KpiDrillDown(RecordList List, RecordFilter? Filter = null)
{
    public static KpiDrillDown Rated(RatingFilter rating) => new(RecordList.All, new RecordFilter { Rating = rating });

    public static KpiDrillDown Solved(bool solved) => new(RecordList.All, new RecordFilter { ProblemSolved = solved });
}

/// <summary>
/// Where a KPI page's count figures drill down to: the records list of the page's period and scope. A total carries the
/// page's scope — an account group as <c>accountGroup=</c>, one agent as <c>agent=</c>, the whole reach as nothing (the
/// records scope then is the viewer's own, the same reach) — and a row carries its own agent or account group instead.
/// What the list means: a figure credits the agent responsible when the conversation ended (SPEC I0), while an agent's
/// or a group's list shows the conversations the agent, or any agent of the group, took part in (SPEC B, the records
/// scope's rule) — so after transfers such a list can hold more rows than the figure counts; the enterprise's lists
/// hold exactly its figures. The records page still applies the viewer's records scope to every link.
/// </summary>
/// <param name="WholeEnterprise">Whether the viewer's reach is the enterprise (Admin, QC).</param>
/// <param name="ReachAs">
/// Otherwise his reach as a scope (a team lead: his account group; Sales: himself), or null when it is neither. The
/// leave-message inbox does not share the KPI scope, so a reach total names it (see <see cref="ForLeaveMessages"/>).
/// </param>
public sealed record KpiRecordsLink(ReportPeriod Period, ReportScope Scope, bool WholeEnterprise = true, ReportScope? ReachAs = null)
{
    /// <summary>The figure's list, or none when it has none or nothing to list (a zero or “–”).</summary>
    /// <param name="row">The agent or account group of the row the figure is in; none for a total.</param>
    public string? For(KpiMetric metric, double? value, ReportScope? row = null)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (value is not > 0)
        {
            return null;
        }

        if (LeaveMessageLists.TryGetValue(metric.Name, out var leaveMessages))
        {
            return ForLeaveMessages(leaveMessages, row);
        }

        if (metric.DrillDown is not { } drillDown)
        {
            return null;
        }

        var filter = drillDown.Filter ?? new RecordFilter();
        var scope = row ?? Scope;
        filter = scope.Kind switch
        {
            ReportScopeKind.AccountGroup => filter with { AccountGroupId = scope.Id },
            ReportScopeKind.Agent => filter with { AgentId = scope.Id },
            _ => filter,
        };
        return RecordListAddress.For(Period, drillDown.List, filter);
    }

    /// <summary>留言总量 / 留言处理量 / 留言未处理量 (SPEC I0) list the inbox's 全部 / 已处理 / 未处理.</summary>
    private static readonly Dictionary<string, LeaveMessageFilter> LeaveMessageLists = new(StringComparer.Ordinal)
    {
        ["leaveMessages"] = LeaveMessageFilter.All,
        ["leaveMessagesHandled"] = LeaveMessageFilter.Handled,
        ["leaveMessagesUnhandled"] = LeaveMessageFilter.Unhandled,
    };

    /// <summary>
    /// The inbox of the period's messages credited as the figure credits them (<see cref="LeaveMessageCredit"/>): the
    /// row's or the page's agent or account group; a reach total of a team lead or Sales names his reach (the inbox's
    /// 留言处理范围 is another scope than the KPI's, so “nothing” would list other agents' messages); an enterprise total
    /// names no one — every message of the period, also those no agent is credited with. The inbox still applies the
    /// viewer's 留言处理范围: where it is narrower than his KPI scope (scope Own, a QC inspector) the list shows only what
    /// he may handle, fewer rows than the figure.
    /// </summary>
    private string? ForLeaveMessages(LeaveMessageFilter filter, ReportScope? row)
    {
        var scope = row ?? Scope;
        if (scope.Kind == ReportScopeKind.Reach && !WholeEnterprise)
        {
            // A reach that is no one group or agent has no address: no link rather than a list of other messages.
            if (ReachAs is not { } reach)
            {
                return null;
            }

            scope = reach;
        }

        return scope.Kind switch
        {
            ReportScopeKind.AccountGroup => LeaveMessageListAddress.For(new LeaveMessageCriteria(filter, Period, CreditedAccountGroupId: scope.Id)),
            ReportScopeKind.Agent => LeaveMessageListAddress.For(new LeaveMessageCriteria(filter, Period, CreditedAgentId: scope.Id)),
            _ => LeaveMessageListAddress.For(new LeaveMessageCriteria(filter, Period)),
        };
    }

    /// <summary>
    /// 排队分析's 放弃 (SPEC I0 Queue) lists 放弃排队 of the period, of the row's reception group or of the one picked
    /// (none: all); the other queue figures have no list. The figure is the enterprise's queue whoever reads it, while
    /// the list holds the requests the viewer may see (a team lead: those of his agents' reception groups), so for him
    /// it can hold fewer rows than the figure counts; for Admin and QC it holds exactly the figure's count.
    /// </summary>
    public string? ForQueue(KpiMetric metric, double? value, int? receptionGroupId)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Name == "abandoned" && value is > 0 ? RecordListAddress.QueueAbandoned(Period, receptionGroupId) : null;
    }
}
