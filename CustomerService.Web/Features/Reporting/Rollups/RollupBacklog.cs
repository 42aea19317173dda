using CustomerService.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Reporting.Rollups;

/// <summary>
/// Which closed days need rolling (SPEC I4): days never rolled since the first fact (yesterday after midnight, or every
/// day after the time zone changed or the app was down at night) and days marked by late facts.
/// </summary>
public sealed class RollupBacklog(IDbContextFactory<CustomerServiceDbContext> dbFactory, ReportingCalendar calendar, TimeProvider clock)
{
    public async Task<IReadOnlyList<DateOnly>> DaysAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = calendar.LocalDate(clock.GetUtcNow().UtcDateTime);
        var marked = await db.RollupDirtyMarks.Where(m => m.LocalDate < today).Select(m => m.LocalDate).Distinct().ToListAsync(cancellationToken);

        var firstFact = new[]
            {
                await db.Conversations.MinAsync(c => (DateTime?)c.RequestedAt, cancellationToken),
                await db.AgentStatusPeriods.MinAsync(p => (DateTime?)p.StartedAt, cancellationToken),
                await db.LeaveMessages.MinAsync(m => (DateTime?)m.CreatedAt, cancellationToken),
                await db.Orders.MinAsync(o => (DateTime?)o.PlacedAt, cancellationToken),
            }
            .Where(t => t is not null).Min();
        if (firstFact is null)
        {
            return marked.Order().ToList();
        }

        var first = calendar.LocalDate(firstFact.Value);
        var rolled = (await db.RollupDays.Where(d => d.LocalDate >= first && d.LocalDate < today).Select(d => d.LocalDate).ToListAsync(cancellationToken))
            .ToHashSet();
        var missing = new List<DateOnly>();
        for (var day = first; day < today; day = day.AddDays(1))
        {
            if (!rolled.Contains(day))
            {
                missing.Add(day);
            }
        }

        return missing.Union(marked).Order().ToList();
    }
}
