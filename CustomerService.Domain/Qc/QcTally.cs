namespace CustomerService.Domain.Qc;

/// <summary>
/// QC statistics of one agent, group or inspector (SPEC H3): how many scores, their average and the count per band, and
/// the disputes with their outcome. Scores are summed rounded to six decimals, as the rollup stores them, so the
/// statistics page and the N5 qc* figures agree to the last digit.
/// </summary>
public sealed class QcTally
{
    public const int SumDecimals = 6;

    public long Graded { get; private set; }
    public decimal ScoreSum { get; private set; }
    public long Excellent { get; private set; }
    public long Good { get; private set; }
    public long Pass { get; private set; }
    public long Poor { get; private set; }
    public long Disputed { get; private set; }
    public long DisputesOpen { get; private set; }
    public long DisputesUpheld { get; private set; }
    public long DisputesRevised { get; private set; }

    /// <summary>Σ / count to one decimal, half away from zero; null when nothing was graded (SPEC I0).</summary>
    public decimal? Average => Graded == 0 ? null : Math.Round(ScoreSum / Graded, 1, MidpointRounding.AwayFromZero);

    public void AddScore(QcScore score)
    {
        Graded++;
        ScoreSum += Math.Round(score.Value, SumDecimals, MidpointRounding.AwayFromZero);
        switch (score.Band)
        {
            case QcBand.Excellent:
                Excellent++;
                break;
            case QcBand.Good:
                Good++;
                break;
            case QcBand.Pass:
                Pass++;
                break;
            case QcBand.Poor:
                Poor++;
                break;
        }
    }

    public void AddDispute(QcDisputeState state)
    {
        switch (state)
        {
            case QcDisputeState.None:
                return;
            case QcDisputeState.Open:
                DisputesOpen++;
                break;
            case QcDisputeState.Upheld:
                DisputesUpheld++;
                break;
            case QcDisputeState.Revised:
                DisputesRevised++;
                break;
        }

        Disputed++;
    }
}
