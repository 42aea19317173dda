using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Qc;
using CustomerService.Domain.Reporting;
using CustomerService.Web.Features.Qc;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Demo.History;

/// <summary>
/// QC grades for the generated history (SPEC N1b): the way an inspector samples, a few valid conversations per agent per
/// week, graded with the default standard through the domain's own rule (<see cref="QcGrade.Create"/>), scores mostly
/// good with a tail of poor ones. Runs after the days are written and before they are rolled up, so the qc* figures of
/// every day include them. Nothing happens without an inspector (a QC account, else an admin) or a default standard.
/// </summary>
public static class HistoryQcGrades
{
    public const int PerAgentPerWeek = 2;

    public static async Task<int> GradeAsync(
        IDbContextFactory<CustomerServiceDbContext> dbFactory, DateTime fromUtc, DateTime toUtc, TimeZoneInfo zone, int seed, DateTime now,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var inspector = await db.Accounts.AsNoTracking().Where(a => a.IsEnabled && (a.Role == AccountRole.QC || a.Role == AccountRole.Admin))
            .OrderByDescending(a => a.Role == AccountRole.QC).ThenBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        var standard = await db.QcStandards.AsNoTracking().Include(s => s.Versions).FirstOrDefaultAsync(s => s.IsDefault, cancellationToken);
        if (inspector is not { } inspectorId || standard is null)
        {
            return 0;
        }

        var pool = await db.Conversations.AsNoTracking()
            .Where(c => c.RequestedAt >= fromUtc && c.RequestedAt < toUtc && c.EndedAt != null && c.AgentId != null
                && c.VisitorMessageCount > 0 && c.AgentMessageCount > 0)
            .Select(c => new { c.Id, AgentId = c.AgentId!.Value, c.RequestedAt, c.EndedAt })
            .ToListAsync(cancellationToken);
        var random = new Random(seed);
        var version = standard.CurrentVersion;
        var dimensions = version.Dimensions;
        var grades = new List<QcGrade>();
        foreach (var week in pool.OrderBy(c => c.Id).GroupBy(c => (c.AgentId, QcGradeLists.WeekStart(ReportPeriod.LocalDate(c.RequestedAt, zone)))))
        {
            var items = week.ToArray();
            random.Shuffle(items);
            foreach (var c in items.Take(PerAgentPerWeek))
            {
                // Most agents do well; one grade in eight is a weak one.
                var weak = random.Next(8) == 0;
                var scores = dimensions.Select(d => (decimal?)(weak ? random.Next(0, d.MaxScore * 7 / 10 + 1) : random.Next(d.MaxScore * 6 / 10, d.MaxScore + 1))).ToList();
                var gradedAt = c.EndedAt!.Value.AddHours(random.Next(2, 48));
                var created = QcGrade.Create(new QcGradeTarget(c.Id, c.AgentId, c.RequestedAt, Ended: true), inspectorId, version.Id, dimensions, scores,
                    null, gradedAt < now ? gradedAt : now);
                grades.Add(created.Value ?? throw new InvalidOperationException($"History grade refused: {created.Violation}"));
            }
        }

        foreach (var batch in grades.Chunk(1000))
        {
            db.QcGrades.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return grades.Count;
    }
}
