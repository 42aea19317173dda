using CustomerService.Data;
using CustomerService.Domain.Qc;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Qc;

/// <summary>
/// A conversation's QC score (SPEC H2: the average of its grades' scores, a revision counting instead of the original),
/// exact, as the records list shows it and filters on it. Grades are few beside conversations (inspectors sample), so
/// scores are computed from the grades of the rows or of the period rather than stored.
/// </summary>
public static class ConversationQcScores
{
    public static async Task<Dictionary<long, QcScore>> OfAsync(CustomerServiceDbContext db, IReadOnlyCollection<long> conversationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (conversationIds.Count == 0)
        {
            return [];
        }

        var grades = await db.QcGrades.AsNoTracking().Where(g => conversationIds.Contains(g.ConversationId))
            .Select(g => new { g.ConversationId, Points = g.RevisedPoints ?? g.Points, Possible = g.RevisedPossible ?? g.Possible })
            .ToListAsync(cancellationToken);
        return grades.GroupBy(g => g.ConversationId)
            .ToDictionary(g => g.Key, g => QcScore.Average(g.Select(x => QcScore.Of(x.Points, x.Possible)))!.Value);
    }

    /// <summary>The conversations requested in [from, to) whose score falls in <paramref name="band"/>.</summary>
    public static async Task<IReadOnlyCollection<long>> InBandAsync(
        CustomerServiceDbContext db, DateTime fromUtc, DateTime toUtc, QcBand band, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var graded = await db.QcGrades.AsNoTracking()
            .Where(g => g.ConversationRequestedAt >= fromUtc && g.ConversationRequestedAt < toUtc)
            .Select(g => g.ConversationId).Distinct().ToListAsync(cancellationToken);
        var scores = await OfAsync(db, graded, cancellationToken);
        return [.. scores.Where(kv => kv.Value.Band == band).Select(kv => kv.Key)];
    }
}
