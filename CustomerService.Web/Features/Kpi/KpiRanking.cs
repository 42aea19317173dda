using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting;

namespace CustomerService.Web.Features.Kpi;

/// <summary>One agent's row of 关键绩效排名: per ranked figure, his value and rank within the scope.</summary>
public sealed record RankedAgent(AgentFigures Agent, IReadOnlyList<(double? Value, int? Rank)> Places);

/// <summary>
/// 关键绩效排名 (seed 002; SPEC I1): the key figures, each agent ranked on each within the chosen scope (an account
/// group, typically) by <see cref="FigureRanking"/>; the page and its .xlsx read the same ranks.
/// </summary>
public static class KpiRanking
{
    public static IReadOnlyList<KpiMetric> Metrics { get; } =
    [
        .. new[]
        {
            "consultations", "valid", "connectRate", "firstResponseSeconds", "avgResponseSeconds", "responseRate30s",
            "satisfactionRate", "consultationOrders", "orderAmount", "conversionRate", "workingSeconds",
        }.Select(KpiMetrics.Get),
    ];

    /// <summary>The agents with their places, best first on the first figure (unranked last, then by login).</summary>
    public static IReadOnlyList<RankedAgent> Rank(IReadOnlyList<AgentFigures> agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        var ranks = Metrics.Select(m => FigureRanking.Rank([.. agents.Select(a => m.Read(a.Figures))], m.Order)).ToList();
        return [.. agents
            .Select((agent, i) => new RankedAgent(agent, [.. Metrics.Select((m, j) => (m.Read(agent.Figures), ranks[j][i]))]))
            .OrderBy(r => r.Places[0].Rank ?? int.MaxValue)
            .ThenBy(r => r.Agent.Login, StringComparer.Ordinal)];
    }
}
