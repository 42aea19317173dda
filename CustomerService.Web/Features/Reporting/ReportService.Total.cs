using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting.Rollups;

namespace CustomerService.Web.Features.Reporting;

/// <summary>The audience's total figures of a period and when its closed days were last rolled up (数据更新于).</summary>
public sealed record ReportTotal(ReportFigures Figures, DateTime? RolledAt);

public sealed partial class ReportService
{
    /// <summary>
    /// The total of <see cref="AgentsAsync"/> alone, for pages that show no agent's row (咨询发起, 用户分析): the same sums
    /// and the same rolled sets, but the sets are united once for the audience (<see cref="DistinctUnion.OfMerged"/>)
    /// and no agent's figures are built.
    /// </summary>
    public async Task<ReportTotal> TotalAsync(ReportPeriod period, ReportAudience audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await ReportContext.LoadAsync(db, clock, cancellationToken);
        var split = await DaySplit.LoadAsync(db, context, period, cancellationToken);
        var byAgent = await TotalsAsync(db, context, split, r => true, r => r.AgentId, cancellationToken);
        var inputs = await distinct.ReadInputsAsync(db, context, split, audience.Includes, cancellationToken);
        var sums = RollupTotals.Sum(byAgent.Where(kv => audience.Includes(kv.Key.Id)).Select(kv => kv.Value));
        return new ReportTotal(ReportFigures.From(sums, DistinctUnion.OfMerged(inputs), ReportSubject.Total), context.LastRolledAt);
    }
}
