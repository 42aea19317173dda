using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Qc;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Qc;

/// <summary>
/// Grading beside the transcript (SPEC H2, H3): the panel's reads, saving a grade, disputing and answering. Every call
/// takes the caller's account id and decides on the server what he may do (issue 13: refused on the page, on a direct
/// post and on the circuit's service call alike). A conversation the caller may not see is “not found”
/// (<c>QcConversationNotFound</c>), whatever his role; grading needs Admin or QC (SPEC B).
/// </summary>
public sealed class QcGradingService(
    IDbContextFactory<CustomerServiceDbContext> dbFactory, DataScopeFilter dataScope, QcNotifier notifier, TimeProvider clock)
{
    /// <summary>The panel of one conversation, or null when the caller may not see it.</summary>
    public async Task<QcPanel?> PanelAsync(int accountId, long conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await QcReader.LoadAsync(db, accountId, cancellationToken);
        var visible = await dataScope.ForAsync(accountId, ScopedModule.Records, cancellationToken);
        var conversation = await visible.Conversations(db).AsNoTracking().Where(c => c.Id == conversationId)
            .Select(c => new { c.Id, c.AgentId, Ended = c.EndedAt != null }).SingleOrDefaultAsync(cancellationToken);
        if (reader is null || conversation is null)
        {
            return null;
        }

        var settings = await SettingsAsync(db, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var all = db.QcGrades.Where(g => g.ConversationId == conversationId);
        var scores = await ConversationQcScores.OfAsync(db, [conversationId], cancellationToken);
        var seen = await QcGradeReader.ViewsAsync(db, VisibleGrades(db, visible, all), reader, settings.DisputeDeadline, now, cancellationToken);
        var standards = reader.MayGrade ? await QcStandardsService.ChoicesAsync(db, cancellationToken) : [];
        return new QcPanel(
            conversationId,
            reader.MayGrade,
            conversation.Ended,
            conversation.AgentId is not null,
            standards,
            seen.SingleOrDefault(g => g.InspectorId == accountId),
            [.. seen.OrderBy(g => g.GradedAt).ThenBy(g => g.Id)],
            scores.TryGetValue(conversationId, out var score) ? score : null);
    }

    /// <summary>
    /// Grades the conversation with <paramref name="standardId"/>'s current version (the default standard when null), or
    /// edits the caller's own grade of it with that grade's version. Returns the grade's id.
    /// </summary>
    public async Task<Outcome<long>> SaveAsync(
        int accountId, long conversationId, int? standardId, IReadOnlyList<decimal?> scores, string? comment,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scores);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await QcReader.LoadAsync(db, accountId, cancellationToken);
        var visible = await dataScope.ForAsync(accountId, ScopedModule.Records, cancellationToken);
        var conversation = await visible.Conversations(db).AsNoTracking().Where(c => c.Id == conversationId)
            .Select(c => new { c.Id, c.AgentId, c.RequestedAt, Ended = c.EndedAt != null }).SingleOrDefaultAsync(cancellationToken);
        if (reader is null || conversation is null)
        {
            return new RuleViolation("QcConversationNotFound");
        }

        if (!reader.MayGrade)
        {
            return new RuleViolation("QcMayNotGrade");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.QcGrades.AsTracking()
            .SingleOrDefaultAsync(g => g.ConversationId == conversationId && g.InspectorId == accountId, cancellationToken);
        if (existing is not null)
        {
            var version = await db.QcStandardVersions.AsNoTracking().SingleAsync(v => v.Id == existing.StandardVersionId, cancellationToken);
            var edited = existing.Edit(accountId, version.Dimensions, scores, comment, now);
            if (!edited.Succeeded)
            {
                return edited.Violation!;
            }

            await db.SaveChangesAsync(cancellationToken);
            return existing.Id;
        }

        var standard = await db.QcStandards.AsNoTracking().Include(s => s.Versions)
            .Where(s => standardId == null ? s.IsDefault : s.Id == standardId).FirstOrDefaultAsync(cancellationToken);
        if (standard is null)
        {
            return new RuleViolation("QcStandardNotFound");
        }

        var current = standard.CurrentVersion;
        var created = QcGrade.Create(
            new QcGradeTarget(conversation.Id, conversation.AgentId, conversation.RequestedAt, conversation.Ended),
            accountId, current.Id, current.Dimensions, scores, comment, now);
        if (!created.Succeeded)
        {
            return created.Violation!;
        }

        var grade = created.Value!;
        db.QcGrades.Add(grade);
        notifier.Graded(db, grade, reader);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (conversation, inspector) index: the same inspector saved twice at once. Nothing was written.
            return new RuleViolation("QcAlreadyGraded");
        }

        notifier.Published(grade.AgentId);
        return grade.Id;
    }

    /// <summary>The graded agent disputes his grade (SPEC H3): once, with a reason, within the deadline setting.</summary>
    public async Task<Outcome> DisputeAsync(int accountId, long gradeId, string? reason, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var grade = await VisibleGradeForChangeAsync(db, accountId, gradeId, cancellationToken);
        if (grade is null)
        {
            return new RuleViolation("QcGradeNotFound");
        }

        var settings = await SettingsAsync(db, cancellationToken);
        var outcome = grade.Dispute(accountId, reason, settings.DisputeDeadline, clock.GetUtcNow().UtcDateTime);
        if (outcome.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return outcome;
    }

    /// <summary>The grade's author upholds it (<paramref name="revisedScores"/> null) or revises its scores.</summary>
    public async Task<Outcome> AnswerAsync(
        int accountId, long gradeId, IReadOnlyList<decimal?>? revisedScores, string? comment, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await QcReader.LoadAsync(db, accountId, cancellationToken);
        var grade = await VisibleGradeForChangeAsync(db, accountId, gradeId, cancellationToken);
        if (reader is null || grade is null)
        {
            return new RuleViolation("QcGradeNotFound");
        }

        if (!reader.MayGrade)
        {
            return new RuleViolation("QcMayNotGrade");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Outcome outcome;
        if (revisedScores is null)
        {
            outcome = grade.Uphold(accountId, comment, now);
        }
        else
        {
            var version = await db.QcStandardVersions.AsNoTracking().SingleAsync(v => v.Id == grade.StandardVersionId, cancellationToken);
            outcome = grade.Revise(accountId, version.Dimensions, revisedScores, comment, now);
        }

        if (!outcome.Succeeded)
        {
            return outcome;
        }

        notifier.Answered(db, grade, reader);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Published(grade.AgentId);
        return Outcome.Ok;
    }

    /// <summary>Grades whose agent the reader may see (SPEC B: Admin and QC all, TeamLead his group's, Sales his own).</summary>
    internal static IQueryable<QcGrade> VisibleGrades(CustomerServiceDbContext db, VisibleData visible, IQueryable<QcGrade> grades)
    {
        if (visible.Scope == DataScope.All)
        {
            return grades;
        }

        var agents = visible.Accounts(db);
        return grades.Where(g => agents.Any(a => a.Id == g.AgentId));
    }

    internal static async Task<QcSettings> SettingsAsync(CustomerServiceDbContext db, CancellationToken cancellationToken) =>
        await db.QcSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? QcSettings.CreateDefault();

    private async Task<QcGrade?> VisibleGradeForChangeAsync(CustomerServiceDbContext db, int accountId, long gradeId, CancellationToken cancellationToken)
    {
        var visible = await dataScope.ForAsync(accountId, ScopedModule.Records, cancellationToken);
        return await VisibleGrades(db, visible, db.QcGrades.AsTracking()).SingleOrDefaultAsync(g => g.Id == gradeId, cancellationToken);
    }
}
