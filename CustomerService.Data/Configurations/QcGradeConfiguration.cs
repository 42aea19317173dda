using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Qc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CustomerService.Data.Configurations;

internal sealed class QcGradeConfiguration : IEntityTypeConfiguration<QcGrade>
{
    /// <summary>A handful of small whole numbers, only read with the grade: one text column ("27,24,,16"; empty = N/A).</summary>
    private static readonly ValueConverter<IReadOnlyList<int?>, string> ScoresConverter = new(
        scores => string.Join(',', scores.Select(s => s.HasValue ? s.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)),
        text => text.Split(',', StringSplitOptions.None)
            .Select(s => s.Length == 0 ? (int?)null : int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList());

    private static readonly ValueComparer<IReadOnlyList<int?>> ScoresComparer = new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
        scores => scores == null ? 0 : scores.Aggregate(0, (hash, s) => HashCode.Combine(hash, s)),
        scores => scores == null ? null! : scores.ToList());

    public void Configure(EntityTypeBuilder<QcGrade> builder)
    {
        builder.Property(g => g.Scores).HasConversion(ScoresConverter, ScoresComparer).HasMaxLength(200);
        builder.Property(g => g.RevisedScores!).HasConversion(ScoresConverter, ScoresComparer).HasMaxLength(200);
        builder.Property(g => g.Comment).HasMaxLength(QcGrade.CommentMaxLength);
        builder.Property(g => g.AnswerComment).HasMaxLength(QcGrade.CommentMaxLength);
        builder.Property(g => g.DisputeReason).HasMaxLength(QcGrade.DisputeReasonMaxLength);
        builder.Property(g => g.DisputeState).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(g => g.OriginalScore);
        builder.Ignore(g => g.EffectiveScore);

        builder.HasOne<Conversation>().WithMany().HasForeignKey(g => g.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(g => g.AgentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(g => g.InspectorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<QcStandardVersion>().WithMany().HasForeignKey(g => g.StandardVersionId).OnDelete(DeleteBehavior.Restrict);

        // One grade per inspector per conversation (SPEC H3); also finds a conversation's grades.
        builder.HasIndex(g => new { g.ConversationId, g.InspectorId }).IsUnique();
        // The report fact loader reads grades by their conversation's request time (SPEC I0) with the score columns.
        builder.HasIndex(g => new { g.ConversationRequestedAt, g.ConversationId, g.Points, g.Possible, g.RevisedPoints, g.RevisedPossible }, "IX_QcGrades_Reporting");
        builder.HasIndex(g => new { g.AgentId, g.GradedAt });
        builder.HasIndex(g => new { g.InspectorId, g.GradedAt });
        builder.HasIndex(g => new { g.DisputeState, g.DisputedAt });
    }
}
