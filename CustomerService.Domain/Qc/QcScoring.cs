using CustomerService.Domain.Common;

namespace CustomerService.Domain.Qc;

/// <summary>
/// A checked set of scores for a version's dimensions and what they add up to (SPEC H2). <see cref="Scores"/> has one
/// entry per dimension in position order, null where the inspector marked it N/A. <see cref="Points"/> / <see
/// cref="Possible"/> are Σ scores / Σ max over the applicable dimensions; <see cref="Points"/> is 0 when a critical
/// dimension fell below half its max.
/// </summary>
public sealed record QcScoreSheet(IReadOnlyList<int?> Scores, int Points, int Possible, bool FailedCritical)
{
    /// <summary>100 × <see cref="Points"/> / <see cref="Possible"/>, exact.</summary>
    public QcScore Score => QcScore.Of(Points, Possible);
}

/// <summary>SPEC H2, the grading formula, as a pure function.</summary>
public static class QcScoring
{
    /// <summary>
    /// Checks <paramref name="scores"/> against <paramref name="dimensions"/> (one per dimension, in order; null = N/A)
    /// and adds them up. Refused: a missing score, N/A where the dimension does not allow it, a negative, fractional
    /// or over-max score, or every dimension N/A (nothing left to grade on).
    /// </summary>
    public static Outcome<QcScoreSheet> Score(IReadOnlyList<QcDimension> dimensions, IReadOnlyList<decimal?> scores)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count != dimensions.Count)
        {
            return new RuleViolation("QcScoresMismatch");
        }

        var checkedScores = new int?[dimensions.Count];
        var points = 0;
        var possible = 0;
        var failedCritical = false;
        for (var i = 0; i < dimensions.Count; i++)
        {
            var dimension = dimensions[i];
            if (scores[i] is not { } raw)
            {
                if (!dimension.AllowsNotApplicable)
                {
                    return new RuleViolation("QcScoreRequired", dimension.Name);
                }

                continue;
            }

            if (raw < 0 || raw > dimension.MaxScore)
            {
                return new RuleViolation("QcScoreOutOfRange", dimension.Name, dimension.MaxScore);
            }

            if (raw != decimal.Truncate(raw))
            {
                return new RuleViolation("QcScoreNotWhole", dimension.Name);
            }

            var score = (int)raw;
            checkedScores[i] = score;
            points += score;
            possible += dimension.MaxScore;

            // “Below half its max”: 2 × score < max, so 15 of 30 passes and 14 of 29 fails without a fraction.
            failedCritical |= dimension.IsCritical && 2 * score < dimension.MaxScore;
        }

        if (possible == 0)
        {
            return new RuleViolation("QcAllNotApplicable");
        }

        return new QcScoreSheet(checkedScores, failedCritical ? 0 : points, possible, failedCritical);
    }
}
