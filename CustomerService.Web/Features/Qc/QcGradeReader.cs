using CustomerService.Data;
using CustomerService.Domain.Qc;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Qc;

/// <summary>Turns grade rows into <see cref="QcGradeView"/>s with names, versions and what the reader may do with each.</summary>
internal static class QcGradeReader
{
    public static async Task<List<QcGradeView>> ViewsAsync(
        CustomerServiceDbContext db, IQueryable<QcGrade> grades, QcReader reader, TimeSpan disputeDeadline, DateTime utcNow,
        CancellationToken cancellationToken)
    {
        var rows = await (
                from g in grades.AsNoTracking()
                join agent in db.Accounts on g.AgentId equals agent.Id
                join inspector in db.Accounts on g.InspectorId equals inspector.Id
                select new { Grade = g, AgentName = agent.InternalName, InspectorName = inspector.InternalName })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var versionIds = rows.Select(r => r.Grade.StandardVersionId).Distinct().ToList();
        var versions = await db.QcStandardVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToListAsync(cancellationToken);
        var standardIds = versions.Select(v => v.StandardId).Distinct().ToList();
        var standardNames = await db.QcStandards.AsNoTracking().Where(s => standardIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var versionById = versions.ToDictionary(v => v.Id);
        var zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
        DateTime Local(DateTime utc) => EnterpriseClock.ToLocal(utc, zone);

        return [.. rows.Select(r =>
        {
            var g = r.Grade;
            var version = versionById[g.StandardVersionId];
            return new QcGradeView(
                g.Id, g.ConversationId, Local(g.ConversationRequestedAt), g.AgentId, r.AgentName,
                g.InspectorId, r.InspectorName, standardNames.GetValueOrDefault(version.StandardId, string.Empty), version.Number,
                [.. version.Dimensions.Select(QcDimensionView.Of)], g.Scores, g.OriginalScore, g.RevisedScores,
                g.RevisedPoints is { } points && g.RevisedPossible is { } possible ? QcScore.Of(points, possible) : null,
                g.Comment, Local(g.GradedAt), g.DisputeState, g.DisputeReason, g.DisputedAt is { } disputed ? Local(disputed) : null,
                g.AnswerComment, g.AnsweredAt is { } answered ? Local(answered) : null,
                CanEdit: g.InspectorId == reader.AccountId && g.DisputeState == QcDisputeState.None,
                CanDispute: g.AgentId == reader.AccountId && g.DisputeState == QcDisputeState.None && utcNow <= g.GradedAt + disputeDeadline,
                CanAnswer: g.InspectorId == reader.AccountId && g.DisputeState == QcDisputeState.Open);
        })];
    }
}
