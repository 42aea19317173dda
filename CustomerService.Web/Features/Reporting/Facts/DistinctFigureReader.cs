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
/// from the rolled <see cref="DistinctRollupRow"/>s of clean closed days (whole months and enterprise days where they
/// serve) plus, for today and stale days, the same inputs read from facts. A total counts a user once however many of
/// the audience's agents served him.
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
    /// The period's inputs of the agents <paramref name="includes"/> accepts: each agent's whole months and other clean
    /// closed days from their rolled rows (<see cref="DaySplit"/>), plus today and stale days from facts.
    /// </summary>
    internal async Task<List<DistinctInputs>> ReadInputsAsync(
        CustomerServiceDbContext db, ReportContext context, DaySplit split, Func<int?, bool> includes, CancellationToken cancellationToken)
    {
        var inputs = new List<DistinctInputs>();
        if (split.HasClosedDays)
        {
            var (days, months) = (split.RolledDays, split.WholeMonths);
            var rows = db.DistinctRollupRows.AsNoTracking()
                .Where(r => (r.Span == DistinctRollupSpan.AgentDay && days.Contains(r.LocalDate))
                            || (r.Span == DistinctRollupSpan.AgentMonth && months.Contains(r.LocalDate)));
            inputs.AddRange((await DecodeAsync(rows, includes, cancellationToken)).Select(r => r.Inputs));
        }

        var live = await LiveAsync(db, context, split.LiveSpans(), cancellationToken);
        inputs.AddRange(live.Select(l => l.Inputs).Where(i => includes(i.AgentId)));
        return inputs;
    }

    /// <summary>
    /// The audience's inputs of each day of the period merged into one (<see cref="DistinctInputs.Merge"/>), what a
    /// trend's buckets unite: for the whole enterprise its rolled enterprise-day rows, for a set of agents their rows
    /// of the day; today and stale days from facts.
    /// </summary>
    internal async Task<Dictionary<DateOnly, DistinctInputs>> ReadDailyAsync(
        CustomerServiceDbContext db, ReportContext context, DaySplit split, ReportAudience audience, CancellationToken cancellationToken)
    {
        var byDay = new Dictionary<DateOnly, DistinctInputs>();
        if (split.HasClosedDays)
        {
            var (from, to, stale) = (split.From, split.ClosedTo, split.Stale);
            var span = audience.WholeEnterprise ? DistinctRollupSpan.EnterpriseDay : DistinctRollupSpan.AgentDay;
            var rows = db.DistinctRollupRows.AsNoTracking()
                .Where(r => r.LocalDate >= from && r.LocalDate <= to && r.Span == span && !stale.Contains(r.LocalDate));
            foreach (var day in (await DecodeAsync(rows, audience.Includes, cancellationToken)).GroupBy(r => r.Day))
            {
                byDay[day.Key] = OneOrMerged([.. day.Select(r => r.Inputs)]);
            }
        }

        var live = await LiveAsync(db, context, split.LiveDays.Distinct().Order().Select(d => new ReportPeriod(d, d)), cancellationToken);
        foreach (var day in live.Where(l => audience.Includes(l.Inputs.AgentId)).GroupBy(l => l.Day))
        {
            byDay[day.Key] = OneOrMerged([.. day.Select(l => l.Inputs)]);
        }

        return byDay;
    }

    /// <summary>
    /// A day's inputs as one entry: an enterprise day is one rolled set already, whose ids are distinct, so it is not
    /// copied through a merge (a year's trend reads 365 of them).
    /// </summary>
    private static DistinctInputs OneOrMerged(List<DistinctInputs> entries) => entries.Count == 1 ? entries[0] : DistinctInputs.Merge(null, entries);

    /// <summary>The rows of the agents <paramref name="includes"/> accepts, decoded.</summary>
    private static async Task<IEnumerable<(DateOnly Day, DistinctInputs Inputs)>> DecodeAsync(
        IQueryable<DistinctRollupRow> rows, Func<int?, bool> includes, CancellationToken cancellationToken)
    {
        var read = await rows.Select(r => new { r.LocalDate, r.AgentId, r.ValidUsers, r.OrderingUsers, r.InvalidWaits }).ToListAsync(cancellationToken);
        return read
            .Where(r => includes(r.AgentId))
            .Select(r => (r.LocalDate, new DistinctInputs(
                r.AgentId, RollupBlob.DecodeIds(r.ValidUsers), RollupBlob.DecodeIds(r.OrderingUsers), RollupBlob.DecodeWaits(r.InvalidWaits))));
    }

    /// <summary>Inputs of live ranges from facts, each entry dated by its range's first day.</summary>
    private async Task<List<(DateOnly Day, DistinctInputs Inputs)>> LiveAsync(
        CustomerServiceDbContext db, ReportContext context, IEnumerable<ReportPeriod> spans, CancellationToken cancellationToken)
    {
        var live = new List<(DateOnly Day, DistinctFactInputs Facts)>();
        foreach (var span in spans)
        {
            var (fromUtc, toUtc) = span.UtcRange(context.Zone);
            live.Add((span.From, await facts.ReadAsync(db, fromUtc, toUtc, cancellationToken)));
        }

        if (live.Count == 0)
        {
            return [];
        }

        // Resolved together: a key never rolled gets one temporary id across every span.
        var ids = await ReportUserKeyIds.ResolveAsync(db, live.SelectMany(l => l.Facts.Keys).Distinct(StringComparer.Ordinal), cancellationToken);
        return [.. live.SelectMany(l => l.Facts.ToInputs(ids).Select(i => (l.Day, i)))];
    }
}
