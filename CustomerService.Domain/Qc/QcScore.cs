using System.Numerics;

namespace CustomerService.Domain.Qc;

/// <summary>
/// A score on the 100-point scale held as an exact fraction (SPEC H2: 100 × Σ scores / Σ max; a conversation's score is
/// the average of its grades'). Kept exact because SPEC I0 takes the band “from the exact score, before rounding for
/// display”: 2/3 of the way between two edges must never fall on the wrong side by a rounding step.
/// </summary>
public readonly record struct QcScore
{
    private static readonly BigInteger EightyFive = 85;
    private static readonly BigInteger SeventyFive = 75;
    private static readonly BigInteger Sixty = 60;

    private QcScore(BigInteger numerator, BigInteger denominator)
    {
        var divisor = BigInteger.GreatestCommonDivisor(numerator, denominator);
        Numerator = numerator / divisor;
        Denominator = denominator / divisor;
    }

    /// <summary>Of the score reduced to lowest terms; the score is <see cref="Numerator"/> / <see cref="Denominator"/>.</summary>
    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public static QcScore Zero { get; } = new(0, 1);

    /// <summary>100 × <paramref name="points"/> / <paramref name="possible"/>: one grade's score.</summary>
    public static QcScore Of(long points, long possible)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(possible);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(points, possible);
        return new QcScore(100 * (BigInteger)points, possible);
    }

    /// <summary>The average of <paramref name="scores"/> (a conversation's score, SPEC H2); null when there are none.</summary>
    public static QcScore? Average(IEnumerable<QcScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        BigInteger numerator = 0;
        BigInteger denominator = 1;
        var count = 0;
        foreach (var score in scores)
        {
            numerator = numerator * score.Denominator + score.Numerator * denominator;
            denominator *= score.Denominator;
            count++;
        }

        return count == 0 ? null : new QcScore(numerator, denominator * count);
    }

    /// <summary>The band, compared exactly (score ≥ edge ⇔ numerator ≥ edge × denominator).</summary>
    public QcBand Band =>
        Numerator >= EightyFive * Denominator ? QcBand.Excellent
        : Numerator >= SeventyFive * Denominator ? QcBand.Good
        : Numerator >= Sixty * Denominator ? QcBand.Pass
        : QcBand.Poor;

    /// <summary>The score as a decimal (28 significant digits): for sums and display, never for the band.</summary>
    public decimal Value => (decimal)(Numerator / Denominator) + (decimal)(Numerator % Denominator) / (decimal)Denominator;

    /// <summary>For display: one decimal, half away from zero (SPEC I0).</summary>
    public decimal Rounded => Math.Round(Value, 1, MidpointRounding.AwayFromZero);

    public override string ToString() => Rounded.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
