namespace CustomerService.Web.Features.Reporting;

/// <summary>
/// Whose figures a report covers (SPEC I3), decided before any number is read: the whole enterprise (also figures no
/// agent is responsible for yet: unassigned leave-messages), or a set of agents (an account group, one agent, a
/// team lead's group, a sales agent himself).
/// </summary>
public sealed record ReportAudience(bool WholeEnterprise, IReadOnlySet<int> AgentIds)
{
    public static ReportAudience Enterprise(IEnumerable<int> allAgentIds) => new(true, allAgentIds.ToHashSet());

    public static ReportAudience Agents(IEnumerable<int> agentIds) => new(false, agentIds.ToHashSet());

    /// <summary>
    /// Whether an agent's (null: no agent's) figures count. The whole enterprise counts everyone's, also an account
    /// that is no longer an agent (a role changed to QC keeps his past consultations in the enterprise's figures): its
    /// totals equal the enterprise-day rollup rows a trend reads.
    /// </summary>
    public bool Includes(int? agentId) => WholeEnterprise || (agentId is { } id && AgentIds.Contains(id));
}
