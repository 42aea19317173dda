using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting.Facts;
using CustomerService.Web.Features.Reporting.Rollups;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting;

/// <summary>One account group's (账号分组) figures in a report: the total of its members within the audience.</summary>
public sealed record GroupFigures(int AccountGroupId, string Name, int Agents, ReportFigures Figures);

public sealed partial class ReportService
{
    /// <summary>
    /// 详细数据 per group (SPEC I1): each account group with members in the audience, its figures the total of those
    /// members — the same total a report scoped to the group shows; distinct users are counted within the group.
    /// </summary>
    public async Task<IReadOnlyList<GroupFigures>> AccountGroupsAsync(ReportPeriod period, ReportAudience audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await ReportContext.LoadAsync(db, clock, cancellationToken);
        var split = await DaySplit.LoadAsync(db, context, period, cancellationToken);
        var byAgent = await TotalsAsync(db, context, split, r => true, r => r.AgentId, cancellationToken);
        var inputs = await distinct.ReadInputsAsync(db, context, split, audience.Includes, cancellationToken);
        var members = await db.Accounts.AsNoTracking()
            .Where(a => audience.AgentIds.Contains(a.Id))
            .Select(a => new { a.Id, a.AccountGroupId })
            .ToListAsync(cancellationToken);
        var names = await db.AccountGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var groups = new List<GroupFigures>();
        foreach (var group in members.GroupBy(m => m.AccountGroupId).OrderBy(g => names.GetValueOrDefault(g.Key), StringComparer.Ordinal))
        {
            var ids = group.Select(m => m.Id).ToHashSet();
            var totals = RollupTotals.Sum(byAgent.Where(kv => kv.Key.Id is { } id && ids.Contains(id)).Select(kv => kv.Value));
            var distinctTotal = DistinctUnion.OfMerged(inputs.Where(i => i.AgentId is { } agent && ids.Contains(agent)));
            groups.Add(new GroupFigures(group.Key, names.GetValueOrDefault(group.Key) ?? string.Empty, ids.Count, ReportFigures.From(totals, distinctTotal, ReportSubject.Total)));
        }

        return groups;
    }
}

/// <summary>One reception group's queue figures (排队分析).</summary>
public sealed record QueueGroupFigures(int ReceptionGroupId, string Name, QueueFigures Figures);

public sealed partial class ReportService
{
    /// <summary>排队分析 per reception group for the period (SPEC I0 Queue), each from the same sums as <see cref="QueueAsync"/>.</summary>
    public async Task<IReadOnlyList<QueueGroupFigures>> QueueByGroupAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await ReportContext.LoadAsync(db, clock, cancellationToken);
        var byGroup = await TotalsAsync(db, context, period, r => r.AgentId == null && r.ReceptionGroupId != null, r => r.ReceptionGroupId, cancellationToken);
        var groups = await db.ReceptionGroups.AsNoTracking().OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken);
        return [.. groups.Select(g => new QueueGroupFigures(g.Id, g.Name, QueueFigures.From(byGroup.GetValueOrDefault(new RowKey(g.Id)) ?? new RollupTotals())))];
    }
}
