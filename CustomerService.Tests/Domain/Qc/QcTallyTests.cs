using CustomerService.Domain.Qc;

namespace CustomerService.Tests.Domain.Qc;

/// <summary>QC statistics of one line (SPEC H3): count, average of six-decimal terms, bands and dispute outcomes.</summary>
public sealed class QcTallyTests
{
    [Fact]
    public void Scores_add_up_to_an_average_with_one_decimal_and_a_count_per_band()
    {
        var tally = new QcTally();

        // 85 (优), 200/3 = 66.666667 (合格), 75 (良), 0 (差): Σ = 226.666667, / 4 = 56.66… → 56.7.
        tally.AddScore(QcScore.Of(85, 100));
        tally.AddScore(QcScore.Of(2, 3));
        tally.AddScore(QcScore.Of(75, 100));
        tally.AddScore(QcScore.Zero);

        Assert.Equal((4L, 226.666667m, 56.7m), (tally.Graded, tally.ScoreSum, tally.Average!.Value));
        Assert.Equal((1L, 1L, 1L, 1L), (tally.Excellent, tally.Good, tally.Pass, tally.Poor));
    }

    [Fact]
    public void Half_a_tenth_rounds_away_from_zero()
    {
        var tally = new QcTally();

        tally.AddScore(QcScore.Of(7825, 10000));
        tally.AddScore(QcScore.Of(7925, 10000));

        // (78.25 + 79.25) / 2 = 78.75 → 78.8.
        Assert.Equal(78.8m, tally.Average);
    }

    [Fact]
    public void Nothing_graded_has_no_average()
    {
        var tally = new QcTally();

        Assert.Equal((0L, 0m), (tally.Graded, tally.ScoreSum));
        Assert.Null(tally.Average);
    }

    [Fact]
    public void Disputes_count_by_outcome_and_undisputed_grades_not_at_all()
    {
        var tally = new QcTally();

        tally.AddDispute(QcDisputeState.None);
        tally.AddDispute(QcDisputeState.Open);
        tally.AddDispute(QcDisputeState.Upheld);
        tally.AddDispute(QcDisputeState.Upheld);
        tally.AddDispute(QcDisputeState.Revised);

        Assert.Equal((4L, 1L, 2L, 1L), (tally.Disputed, tally.DisputesOpen, tally.DisputesUpheld, tally.DisputesRevised));
    }
}
