using CustomerService.Domain.Qc;

namespace CustomerService.Tests.Domain.Qc;

/// <summary>Bands (SPEC H2: 优 ≥ 85, 良 75 – &lt; 85, 合格 60 – &lt; 75, 差 &lt; 60) from exact scores, and averages of grades.</summary>
public sealed class QcScoreTests
{
    [Theory]
    [InlineData(10000, 10000, QcBand.Excellent)]
    [InlineData(8500, 10000, QcBand.Excellent)]
    [InlineData(8499, 10000, QcBand.Good)]
    [InlineData(7500, 10000, QcBand.Good)]
    [InlineData(7499, 10000, QcBand.Pass)]
    [InlineData(6000, 10000, QcBand.Pass)]
    [InlineData(5999, 10000, QcBand.Poor)]
    [InlineData(0, 10000, QcBand.Poor)]
    public void Band_edges(long points, long possible, QcBand band)
    {
        // 84.99, 85, 75, 74.99, 60, 59.99: the edges belong to the band above.
        Assert.Equal(band, QcScore.Of(points, possible).Band);
    }

    [Fact]
    public void A_score_that_displays_as_85_but_is_below_it_stays_good()
    {
        // 100 × 16999 / 20000 = 84.995: shown as 85.0, banded 良 (SPEC I0: the band from the exact score).
        var score = QcScore.Of(16999, 20000);

        Assert.Equal(85.0m, score.Rounded);
        Assert.Equal(QcBand.Good, score.Band);
        Assert.Equal("85.0", score.ToString());
    }

    [Fact]
    public void A_conversations_score_is_the_average_of_its_grades()
    {
        // 85 and 84 → 84.5: 良.
        var average = QcScore.Average([QcScore.Of(85, 100), QcScore.Of(84, 100)])!.Value;

        Assert.Equal(84.5m, average.Value);
        Assert.Equal(QcBand.Good, average.Band);
    }

    [Fact]
    public void An_average_of_thirds_lands_exactly_on_an_edge()
    {
        // 200/3 + 100 + 265/3 = 765/3 over three grades = 85 exactly: 优, though no term is a finite decimal.
        var average = QcScore.Average([QcScore.Of(2, 3), QcScore.Of(3, 3), QcScore.Of(53, 60)])!.Value;

        Assert.Equal(QcBand.Excellent, average.Band);
        Assert.Equal(85m, average.Value);
        Assert.Equal((85, 1), ((int)average.Numerator, (int)average.Denominator));
    }

    [Fact]
    public void No_grades_have_no_average()
    {
        Assert.Null(QcScore.Average([]));
        Assert.Throws<ArgumentNullException>(() => QcScore.Average(null!));
    }

    [Fact]
    public void A_third_has_a_decimal_value_for_sums_and_one_decimal_for_display()
    {
        var score = QcScore.Of(2, 3);

        Assert.Equal(66.666666666666666666666666667m, score.Value);
        Assert.Equal(66.7m, score.Rounded);
        Assert.Equal(0m, QcScore.Zero.Value);
        Assert.Equal(QcBand.Poor, QcScore.Zero.Band);
    }

    [Fact]
    public void Impossible_fractions_are_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QcScore.Of(-1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => QcScore.Of(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => QcScore.Of(11, 10));
        Assert.Equal(100m, QcScore.Of(10, 10).Value);
    }
}
