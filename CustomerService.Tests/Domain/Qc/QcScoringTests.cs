using CustomerService.Domain.Qc;

namespace CustomerService.Tests.Domain.Qc;

/// <summary>SPEC H2 by hand on the demo standard 默认标准 (服务态度 30, 专业能力 30, 响应速度 20, 解决问题 20).</summary>
public sealed class QcScoringTests
{
    private static readonly IReadOnlyList<QcDimension> Demo =
    [
        new(0, "服务态度", 30),
        new(1, "专业能力", 30),
        new(2, "响应速度", 20),
        new(3, "解决问题", 20, allowsNotApplicable: true),
    ];

    [Fact]
    public void Scores_out_of_100_points_give_their_sum()
    {
        // 27 + 24 + 18 + 16 = 85 of 30 + 30 + 20 + 20 = 100 → 85.
        var sheet = QcScoring.Score(Demo, [27m, 24m, 18m, 16m]).Value!;

        Assert.Equal((85, 100, false), (sheet.Points, sheet.Possible, sheet.FailedCritical));
        Assert.Equal([27, 24, 18, 16], sheet.Scores);
        Assert.Equal(85m, sheet.Score.Value);
        Assert.Equal(QcBand.Excellent, sheet.Score.Band);
    }

    [Fact]
    public void A_dimension_marked_not_applicable_leaves_both_sums()
    {
        // 27 + 24 + 18 = 69 of 30 + 30 + 20 = 80 → 100 × 69 / 80 = 86.25.
        var sheet = QcScoring.Score(Demo, [27m, 24m, 18m, null]).Value!;

        Assert.Equal((69, 80), (sheet.Points, sheet.Possible));
        Assert.Equal([27, 24, 18, null], sheet.Scores);
        Assert.Equal(86.25m, sheet.Score.Value);
        Assert.Equal(86.3m, sheet.Score.Rounded);
    }

    [Fact]
    public void A_scale_other_than_100_is_brought_to_100()
    {
        // 7 + 4 = 11 of 10 + 5 = 15 → 100 × 11 / 15 = 73.33…: 合格 (60 – < 75).
        IReadOnlyList<QcDimension> small = [new(0, "A", 10), new(1, "B", 5)];

        var score = QcScoring.Score(small, [7m, 4m]).Value!.Score;

        Assert.Equal(73.3m, score.Rounded);
        Assert.Equal(QcBand.Pass, score.Band);
    }

    [Fact]
    public void A_critical_dimension_below_half_its_max_makes_the_grade_0()
    {
        IReadOnlyList<QcDimension> critical = [new(0, "服务态度", 30, isCritical: true), new(1, "专业能力", 30), new(2, "响应速度", 40)];

        // 14 of 30 is below 15: 0, though the others are full.
        var failed = QcScoring.Score(critical, [14m, 30m, 40m]).Value!;
        // 15 of 30 is exactly half, not below: 15 + 30 + 40 = 85.
        var passed = QcScoring.Score(critical, [15m, 30m, 40m]).Value!;

        Assert.Equal((0, 100, true), (failed.Points, failed.Possible, failed.FailedCritical));
        Assert.Equal(QcScore.Zero, failed.Score);
        Assert.Equal((85, false), (passed.Points, passed.FailedCritical));
    }

    [Fact]
    public void Half_of_an_odd_max_is_compared_without_rounding()
    {
        IReadOnlyList<QcDimension> odd = [new(0, "A", 29, isCritical: true), new(1, "B", 71)];

        // 2 × 14 = 28 < 29: below half. 2 × 15 = 30 ≥ 29: not.
        Assert.True(QcScoring.Score(odd, [14m, 71m]).Value!.FailedCritical);
        Assert.False(QcScoring.Score(odd, [15m, 71m]).Value!.FailedCritical);
    }

    [Fact]
    public void A_critical_dimension_marked_not_applicable_does_not_zero_the_grade()
    {
        IReadOnlyList<QcDimension> dimensions = [new(0, "A", 50, allowsNotApplicable: true, isCritical: true), new(1, "B", 50)];

        var sheet = QcScoring.Score(dimensions, [null, 40m]).Value!;

        Assert.Equal((40, 50, false), (sheet.Points, sheet.Possible, sheet.FailedCritical));
        Assert.Equal(80m, sheet.Score.Value);
    }

    [Fact]
    public void Full_and_zero_marks_are_inside_the_bounds()
    {
        Assert.Equal(100, QcScoring.Score(Demo, [30m, 30m, 20m, 20m]).Value!.Points);
        Assert.Equal(0, QcScoring.Score(Demo, [0m, 0m, 0m, 0m]).Value!.Points);
    }

    [Theory]
    [InlineData(31, "QcScoreOutOfRange")]
    [InlineData(-1, "QcScoreOutOfRange")]
    [InlineData(12.5, "QcScoreNotWhole")]
    public void A_score_above_its_max_negative_or_fractional_is_refused(double first, string code)
    {
        var outcome = QcScoring.Score(Demo, [(decimal)first, 24m, 18m, 16m]);

        Assert.False(outcome.Succeeded);
        Assert.Equal(code, outcome.Violation!.Code);
        Assert.Equal("服务态度", outcome.Violation.Arguments[0]);
    }

    [Fact]
    public void Not_applicable_where_the_dimension_does_not_allow_it_is_refused()
    {
        var outcome = QcScoring.Score(Demo, [null, 24m, 18m, 16m]);

        Assert.Equal("QcScoreRequired", outcome.Violation!.Code);
        Assert.Equal("服务态度", outcome.Violation.Arguments[0]);
    }

    [Fact]
    public void Every_dimension_not_applicable_leaves_nothing_to_grade()
    {
        IReadOnlyList<QcDimension> optional = [new(0, "A", 10, allowsNotApplicable: true), new(1, "B", 10, allowsNotApplicable: true)];

        Assert.Equal("QcAllNotApplicable", QcScoring.Score(optional, [null, null]).Violation!.Code);
    }

    [Fact]
    public void Scores_must_match_the_dimensions_one_to_one()
    {
        Assert.Equal("QcScoresMismatch", QcScoring.Score(Demo, [27m, 24m, 18m]).Violation!.Code);
        Assert.Equal("QcScoresMismatch", QcScoring.Score(Demo, [27m, 24m, 18m, 16m, 1m]).Violation!.Code);
    }

    [Fact]
    public void Null_arguments_are_errors()
    {
        Assert.Throws<ArgumentNullException>(() => QcScoring.Score(null!, []));
        Assert.Throws<ArgumentNullException>(() => QcScoring.Score(Demo, null!));
    }
}
