using System.Diagnostics;
using CustomerService.Data;
using CustomerService.Domain.Orders;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Reporting.Orders;
using CustomerService.Web.Features.Reporting.Rollups;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Demo.History;

/// <summary>What a history run did: rows per table, time taken, the database file's size.</summary>
public sealed record HistorySummary(
    DateOnly From, DateOnly To, IReadOnlyDictionary<string, long> Rows, TimeSpan Generating, TimeSpan RollingUp, long DatabaseBytes);

/// <summary>
/// Generates <see cref="HistoryOptions.Days"/> past local days (SPEC N1b) day by day — plan, play through the aggregate,
/// write in bulk, attribute the orders whose window is complete with <see cref="OrderAttributor"/> — and then rolls
/// every generated day up with <see cref="DayRoller"/>, so reports read rollups as after real nights. Memory holds one
/// day and the orders still waiting for their window, whatever the number of days.
/// </summary>
public sealed class HistorySeeder(
    IServiceScopeFactory scopes,
    IDbContextFactory<CustomerServiceDbContext> dbFactory,
    OrderAttributor attributor,
    DayRoller roller,
    ReportingCalendar calendar,
    TimeProvider clock)
{
    /// <exception cref="InvalidOperationException">The database already holds conversations before today.</exception>
    public async Task<HistorySummary> RunAsync(HistoryOptions options, TextWriter? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var generating = Stopwatch.StartNew();
        HistoryStaff staff;
        await using (var scope = scopes.CreateAsyncScope())
        {
            staff = await scope.ServiceProvider.GetRequiredService<HistoryStaffBuilder>().EnsureAsync(options.Agents, cancellationToken);
        }

        calendar.Zone = staff.Zone;
        calendar.AttributionWindow = staff.AttributionWindow;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ReportPeriod.LocalDate(now, staff.Zone);
        var first = today.AddDays(-options.Days);
        var (firstStartUtc, _) = new ReportPeriod(first, first).UtcRange(staff.Zone);
        var (todayStartUtc, _) = new ReportPeriod(today, today).UtcRange(staff.Zone);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Conversations.AnyAsync(c => c.RequestedAt < todayStartUtc, cancellationToken))
        {
            throw new InvalidOperationException("The database already has conversations before today: history is generated only once, on a fresh database.");
        }

        var ids = await ReadIdsAsync(db, cancellationToken);
        using var writer = new HistoryBulkWriter(db);
        var generator = new HistoryDayGenerator(options, staff, ids, now, writer.NumberVisitor);
        var pending = new List<Order>();
        long orders = 0;
        for (var i = 0; i < options.Days; i++)
        {
            var date = first.AddDays(i);
            var day = generator.Generate(date, i);
            writer.Write(day);
            pending.AddRange(day.Orders.Where(o => o.PlacedAt >= firstStartUtc));

            // An order's attribution looks one window back and one forward (咨询前下单): attribute it once both are written.
            var (_, dayEndUtc) = new ReportPeriod(date, date).UtcRange(staff.Zone);
            orders += await AttributeAsync(pending, dayEndUtc - staff.AttributionWindow, staff.AttributionWindow, cancellationToken);
            if (progress is not null && (i + 1) % 30 == 0)
            {
                await progress.WriteLineAsync($"  {i + 1}/{options.Days} days, {writer.Written.GetValueOrDefault("Conversations"):N0} conversations, {generating.Elapsed.TotalSeconds:F0} s");
            }
        }

        orders += await AttributeAsync(pending, DateTime.MaxValue, staff.AttributionWindow, cancellationToken);
        var qcGrades = await HistoryQcGrades.GradeAsync(dbFactory, firstStartUtc, todayStartUtc, staff.Zone, options.Seed, now, cancellationToken);
        generating.Stop();

        var rolling = Stopwatch.StartNew();
        for (var date = first; date < today; date = date.AddDays(1))
        {
            await roller.RollAsync(date, cancellationToken);
        }

        rolling.Stop();
        var rows = new Dictionary<string, long>(writer.Written) { ["Orders"] = orders, ["QcGrades"] = qcGrades };
        rows["RollupRows"] = await db.RollupRows.LongCountAsync(cancellationToken);
        rows["RollupDays"] = await db.RollupDays.LongCountAsync(cancellationToken);
        return new HistorySummary(first, today.AddDays(-1), rows, generating.Elapsed, rolling.Elapsed, DatabaseBytes(db));
    }

    /// <summary>Stores and attributes the pending orders placed before <paramref name="before"/>, oldest first.</summary>
    private async Task<int> AttributeAsync(List<Order> pending, DateTime before, TimeSpan window, CancellationToken cancellationToken)
    {
        var ready = pending.Where(o => o.PlacedAt < before).OrderBy(o => o.PlacedAt).ToList();
        if (ready.Count == 0)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Orders.AddRange(ready);
        await attributor.AttributeAsync(db, ready, window, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        pending.RemoveAll(o => o.PlacedAt < before);
        return ready.Count;
    }

    /// <summary>The engine's id sequences as its recovery reads them (maxima of the stored rows).</summary>
    private static async Task<HistoryIds> ReadIdsAsync(CustomerServiceDbContext db, CancellationToken cancellationToken) => new()
    {
        Conversation = await db.Conversations.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0,
        Message = await db.Messages.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0,
        Transfer = await db.Transfers.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0,
        LeaveMessage = await db.LeaveMessages.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0,
        QueueTicket = await db.Conversations.MaxAsync(c => c.QueueSequence, cancellationToken) ?? 0,
    };

    private static long DatabaseBytes(CustomerServiceDbContext db)
    {
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return new[] { path, path + "-wal" }.Where(File.Exists).Sum(p => new FileInfo(p).Length);
    }
}
