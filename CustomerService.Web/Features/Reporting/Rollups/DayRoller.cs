using CustomerService.Data;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting.Facts;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting.Rollups;

/// <summary>
/// Rolls one closed local day up (SPEC I4): reads its facts, lets <see cref="DailyRollup"/> sum them per hour, agent and
/// group, adds one whole-day row per agent and group (what reports over ranges read) and one for the enterprise (what
/// its trend reads), rolls the inputs of the distinct figures per agent and for the enterprise
/// (<see cref="DistinctRollupRow"/>) and the origin tallies (<see cref="OriginRollupRow"/>), recomputes the month's
/// rows, and replaces the day's rows in one transaction. Idempotent: the same facts give the same rows. The day's
/// late-fact marks are read before the facts are consumed; a mark written while the roll runs stays and the day is
/// rolled again.
/// </summary>
public sealed class DayRoller(
    IDbContextFactory<CustomerServiceDbContext> dbFactory,
    ReportFactLoader loader,
    DistinctInputReader distinctInputs,
    OriginInputReader originInputs,
    TimeProvider clock)
{
    public async Task<int> RollAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.EnterpriseProfiles.AsNoTracking().SingleAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var lastMark = await db.RollupDirtyMarks.Where(m => m.LocalDate == day).MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        var (fromUtc, toUtc) = new ReportPeriod(day, day).UtcRange(profile.TimeZone);
        var facts = await loader.LoadAsync(db, fromUtc, toUtc, profile.AttributionWindow, cancellationToken);
        var rows = WithWholeDayRows(day, DailyRollup.Roll(day, profile.TimeZone, facts, now));
        var distinct = await distinctInputs.ReadAsync(db, fromUtc, toUtc, cancellationToken);
        var origins = OriginRows(day, await originInputs.TallyByAgentAsync(db, fromUtc, toUtc, profile.AttributionWindow, profile.TimeZone, cancellationToken));

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.RollupRows.Where(r => r.LocalDate == day).ExecuteDeleteAsync(cancellationToken);
            await db.DistinctRollupRows.Where(r => r.LocalDate == day).ExecuteDeleteAsync(cancellationToken);
            await db.OriginRollupRows.Where(r => r.LocalDate == day).ExecuteDeleteAsync(cancellationToken);
            db.OriginRollupRows.AddRange(origins);
            var ids = await ReportUserKeyIds.AssignAsync(db, distinct.Keys, cancellationToken);
            var distinctRows = DistinctDayRows(day, distinct.ToInputs(ids));
            db.DistinctRollupRows.AddRange(distinctRows);
            db.DistinctRollupRows.AddRange(await DistinctMonthRowsAsync(db, day, distinctRows, cancellationToken));
            await db.RollupDirtyMarks.Where(m => m.LocalDate == day && m.Id <= lastMark).ExecuteDeleteAsync(cancellationToken);
            db.RollupRows.AddRange(rows);
            db.RollupRows.AddRange(await MonthRowsAsync(db, day, rows, cancellationToken));
            var state = await db.RollupDays.SingleOrDefaultAsync(d => d.LocalDate == day, cancellationToken);
            if (state is null)
            {
                db.RollupDays.Add(new RollupDay(day, now, rows.Count));
            }
            else
            {
                state.Rolled(now, rows.Count);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        });
        return rows.Count;
    }

    /// <summary>Each agent's origin tally, and their merge under no agent (what an enterprise report reads).</summary>
    private static List<OriginRollupRow> OriginRows(DateOnly day, Dictionary<int, OriginTally> byAgent)
    {
        var ordered = byAgent.OrderBy(kv => kv.Key).ToList();
        List<OriginRollupRow> rows = [.. ordered.Select(kv => new OriginRollupRow(day, kv.Key, kv.Value))];
        if (rows.Count > 0)
        {
            rows.Add(new OriginRollupRow(day, null, OriginTally.Merge(ordered.Select(kv => kv.Value))));
        }

        return rows;
    }

    /// <summary>
    /// The hourly rows plus, per (agent, group), their sum under <see cref="RollupRow.WholeDay"/>, and the sum of those
    /// for the whole enterprise (<see cref="RollupRow.EnterpriseDay"/>).
    /// </summary>
    public static List<RollupRow> WithWholeDayRows(DateOnly day, IReadOnlyList<RollupRow> hourly)
    {
        var wholeDay = RollupRow.Summed(day, RollupRow.WholeDay, hourly);
        return [.. hourly, .. wholeDay, .. RollupRow.EnterpriseTotal(day, wholeDay)];
    }

    /// <summary>Each agent's (and no agent's) inputs of the day, and their merge for the whole enterprise.</summary>
    private static List<DistinctRollupRow> DistinctDayRows(DateOnly day, List<DistinctInputs> byAgent)
    {
        List<DistinctRollupRow> rows = [.. byAgent.Select(inputs => new DistinctRollupRow(day, inputs))];
        if (byAgent.Count > 0)
        {
            rows.Add(new DistinctRollupRow(day, DistinctInputs.Merge(null, byAgent), DistinctRollupSpan.EnterpriseDay));
        }

        return rows;
    }

    /// <summary>
    /// Replaces the month's <see cref="DistinctRollupSpan.AgentMonth"/> rows by each agent's days merged: the stored
    /// days but <paramref name="day"/>, whose rows are <paramref name="dayRows"/> (not saved yet).
    /// </summary>
    private static async Task<List<DistinctRollupRow>> DistinctMonthRowsAsync(
        CustomerServiceDbContext db, DateOnly day, List<DistinctRollupRow> dayRows, CancellationToken cancellationToken)
    {
        var month = new DateOnly(day.Year, day.Month, 1);
        await db.DistinctRollupRows.Where(r => r.Span == DistinctRollupSpan.AgentMonth && r.LocalDate == month).ExecuteDeleteAsync(cancellationToken);
        var next = month.AddMonths(1);
        var otherDays = await db.DistinctRollupRows.AsNoTracking()
            .Where(r => r.LocalDate >= month && r.LocalDate < next && r.Span == DistinctRollupSpan.AgentDay && r.LocalDate != day)
            .ToListAsync(cancellationToken);
        return [.. otherDays.Concat(dayRows.Where(r => r.Span == DistinctRollupSpan.AgentDay))
            .GroupBy(r => r.AgentId)
            .OrderBy(g => g.Key)
            .Select(g => new DistinctRollupRow(month, DistinctInputs.Merge(g.Key, g.Select(r => r.ToInputs())), DistinctRollupSpan.AgentMonth))];
    }

    /// <summary>
    /// Recomputes the whole-month rows of <paramref name="day"/>'s month from its stored whole-day rows, for a database
    /// whose days were rolled before whole-month rows existed (a kept benchmark database); a day's roll does it itself.
    /// </summary>
    public async Task RollMonthAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Through the execution strategy, as every roll: SQL Server's retrying strategy refuses a bare transaction.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.RollupRows.AddRange(await MonthRowsAsync(db, day, [], cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        });
    }

    /// <summary>
    /// Replaces the month's <see cref="RollupRow.WholeMonth"/> rows by the sum of its whole-day rows: the stored ones of
    /// its other days and <paramref name="dayRows"/> of the day being rolled (not saved yet; none: the stored day's).
    /// </summary>
    private static async Task<List<RollupRow>> MonthRowsAsync(CustomerServiceDbContext db, DateOnly day, IReadOnlyList<RollupRow> dayRows, CancellationToken cancellationToken)
    {
        var month = new DateOnly(day.Year, day.Month, 1);
        await db.RollupRows.Where(r => r.Hour == RollupRow.WholeMonth && r.LocalDate == month).ExecuteDeleteAsync(cancellationToken);
        var next = month.AddMonths(1);
        var otherDays = await db.RollupRows.AsNoTracking()
            .Where(r => r.Hour == RollupRow.WholeDay && r.LocalDate >= month && r.LocalDate < next && (dayRows.Count == 0 || r.LocalDate != day))
            .ToListAsync(cancellationToken);
        return RollupRow.Summed(month, RollupRow.WholeMonth, otherDays.Concat(dayRows.Where(r => r.Hour == RollupRow.WholeDay)));
    }
}
