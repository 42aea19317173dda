using CustomerService.Data;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting.Rollups;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting.Facts;

/// <summary>The figures that do not add up across days, per agent and for the audience's total.</summary>
public sealed record DistinctFigureSet(DistinctFigures Total, IReadOnlyDictionary<int, DistinctFigures> ByAgent)
{
    public DistinctFigures ForAgent(int agentId) => ByAgent.GetValueOrDefault(agentId) ?? DistinctFigures.None;
}

/// <summary>
/// 有效咨询用户, 咨询下单用户 and 可挽回咨询 (SPEC I0, I4) for a period: distinct users are not the sum of each day's, and
/// 可挽回 compares each wait with the period's average, so the period's sets are united (<see cref="DistinctUnion"/>)
/// from each clean closed day's <see cref="DistinctRollupRow"/>s plus, for today and stale days, the same inputs read
/// from facts. A total counts a user once however many of the audience's agents served him.
/// </summary>
public sealed class DistinctFigureReader(DistinctInputReader facts)
{
    internal async Task<DistinctFigureSet> ReadAsync(
        CustomerServiceDbContext db, ReportContext context, DaySplit split, ReportAudience audience, CancellationToken cancellationToken) =>
        Combine(await ReadInputsAsync(db, context, split, audience.Includes, cancellationToken), audience);

    /// <summary>The audience's figures from inputs already read (several audiences of one period read them once).</summary>
    public static DistinctFigureSet Combine(IEnumerable<DistinctInputs> inputs, ReportAudience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var totals = DistinctUnion.Combine(inputs, audience.Includes);
        return new DistinctFigureSet(totals.Total, totals.ByAgent);
    }

    /// <summary>The audience's total alone (no agent's sets are built).</summary>
    public static DistinctFigures CombineTotal(IEnumerable<DistinctInputs> inputs, ReportAudience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        return DistinctUnion.Combine(inputs, audience.Includes, byAgent: false).Total;
    }

    /// <summary>The figures of a UTC range that is not made of whole days (an hour), from facts alone.</summary>
    public async Task<DistinctFigureSet> ReadFromFactsAsync(
        CustomerServiceDbContext db, DateTime fromUtc, DateTime toUtc, ReportAudience audience, CancellationToken cancellationToken)
    {
        var read = await facts.ReadAsync(db, fromUtc, toUtc, cancellationToken);
        // Any one-to-one numbering will do within a single read.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in read.Keys)
        {
            ids[key] = ids.Count;
        }

        return Combine(read.ToInputs(ids), audience);
    }

    /// <summary>
    /// The period's inputs of the agents <paramref name="includes"/> accepts: clean closed days' rolled rows, plus
    /// today and stale days from facts.
    /// </summary>
    internal async Task<List<DistinctInputs>> ReadInputsAsync(
        CustomerServiceDbContext db, ReportContext context, DaySplit split, Func<int?, bool> includes, CancellationToken cancellationToken) =>
        [.. (await ReadAsync(db, context, split, includes, byDay: false, cancellationToken)).Select(i => i.Inputs)];

    /// <summary>The same, each entry with the one day it covers (a trend unites each bucket's days).</summary>
    internal Task<List<(DateOnly Day, DistinctInputs Inputs)>> ReadInputsByDayAsync(
        CustomerServiceDbContext db, ReportContext context, DaySplit split, Func<int?, bool> includes, CancellationToken cancellationToken) =>
        ReadAsync(db, context, split, includes, byDay: true, cancellationToken);

    /// <param name="byDay">Read live days one by one (a trend's buckets need each day apart); else a span of
    /// consecutive live days at once, each entry dated by its span's first day.</param>
    private async Task<List<(DateOnly Day, DistinctInputs Inputs)>> ReadAsync(
        CustomerServiceDbContext db, ReportContext context, DaySplit split, Func<int?, bool> includes, bool byDay, CancellationToken cancellationToken)
    {
        var inputs = new List<(DateOnly Day, DistinctInputs Inputs)>();
        if (split.HasClosedDays)
        {
            var stale = split.Stale;
            var rows = await db.DistinctRollupRows.AsNoTracking()
                .Where(r => r.LocalDate >= split.From && r.LocalDate <= split.ClosedTo && !stale.Contains(r.LocalDate))
                .Select(r => new { r.LocalDate, r.AgentId, r.ValidUsers, r.OrderingUsers, r.InvalidWaits })
                .ToListAsync(cancellationToken);
            inputs.AddRange(rows
                .Where(r => includes(r.AgentId))
                .Select(r => (r.LocalDate, new DistinctInputs(
                    r.AgentId, RollupBlob.DecodeIds(r.ValidUsers), RollupBlob.DecodeIds(r.OrderingUsers), RollupBlob.DecodeWaits(r.InvalidWaits)))));
        }

        var spans = byDay ? split.LiveDays.Distinct().Order().Select(d => new ReportPeriod(d, d)) : split.LiveSpans();
        var live = new List<(DateOnly Day, DistinctFactInputs Facts)>();
        foreach (var span in spans)
        {
            var (fromUtc, toUtc) = span.UtcRange(context.Zone);
            live.Add((span.From, await facts.ReadAsync(db, fromUtc, toUtc, cancellationToken)));
        }

        if (live.Count > 0)
        {
            // Resolved together: a key never rolled gets one temporary id across every span.
            var ids = await ReportUserKeyIds.ResolveAsync(db, live.SelectMany(l => l.Facts.Keys).Distinct(StringComparer.Ordinal), cancellationToken);
            inputs.AddRange(live.SelectMany(l => l.Facts.ToInputs(ids).Select(i => (l.Day, i))));
        }

        return inputs;
    }
}
