using CustomerService.Domain.Reporting;
using static CustomerService.Tests.Builders.ReportSamples;

namespace CustomerService.Tests.Domain.Reporting;

/// <summary>
/// QC figures in the rollup (SPEC I0, N5 qc*): by the conversation's request time, credited to its final agent, a
/// conversation's score = the average of its grades', the band from the exact score. Expected figures worked by hand.
/// </summary>
public sealed class DailyRollupQcTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateOnly Day = new(2026, 3, 10);

    private static readonly ReportFacts Facts = new()
    {
        Consultations =
        [
            Consultation(1, 7, 1, Local(10, 10, 15)),
            Consultation(2, 8, 1, Local(10, 11, 0)),
            Consultation(3, 7, 2, Local(10, 10, 30)),
            Consultation(4, 7, 1, Local(9, 23, 0)),
            Consultation(5, 7, 1, Local(10, 10, 45)),
            Consultation(6, 8, 1, Local(10, 11, 20)),
            Consultation(7, 9, 1, Local(10, 11, 30)),
        ],
        QcGrades =
        [
            // c1: 85 and 84 → 84.5, 良.
            new(1, 85, 100), new(1, 84, 100),
            // c2: 59, 差.
            new(2, 59, 100),
            // c3: a failed critical dimension, 0 of 100: 差.
            new(3, 0, 100),
            // c4 was requested the day before: not this day's.
            new(4, 100, 100),
            // Not a consultation (nobody took it): ignored.
            new(99, 100, 100),
            // c6: (200/3 + 265/3 + 100) / 3 = 85 exactly: 优.
            new(6, 2, 3), new(6, 53, 60), new(6, 3, 3),
            // c7: 200/3 = 66.666667 in the sum (six decimals), 合格.
            new(7, 2, 3),
        ],
    };

    [Fact]
    public void Each_graded_conversation_counts_once_for_its_final_agent_in_its_request_hour_and_group()
    {
        var rows = DailyRollup.Roll(Day, Shanghai, Facts, Local(11, 0, 0)).Where(r => r.QcGraded > 0).ToList();

        Assert.Equal(
            [(10, 7, 1, 1L, 84.5m, 0L, 1L, 0L, 0L), (10, 7, 2, 1L, 0m, 0L, 0L, 0L, 1L), (11, 8, 1, 2L, 144m, 1L, 0L, 0L, 1L), (11, 9, 1, 1L, 66.666667m, 0L, 0L, 1L, 0L)],
            rows.Select(r => (r.Hour, r.AgentId!.Value, r.ReceptionGroupId!.Value, r.QcGraded, r.QcScoreSum, r.QcExcellent, r.QcGood, r.QcPass, r.QcPoor)));
    }

    [Fact]
    public void The_figures_average_the_conversations_scores_and_count_the_bands()
    {
        var rows = DailyRollup.Roll(Day, Shanghai, Facts, Local(11, 0, 0));

        var total = ReportFigures.From(RollupTotals.Sum(rows), DistinctFigures.None);
        var agent7 = ReportFigures.From(RollupTotals.Sum(rows.Where(r => r.AgentId == 7)), DistinctFigures.None, ReportSubject.Agent);
        var agent8 = ReportFigures.From(RollupTotals.Sum(rows.Where(r => r.AgentId == 8)), DistinctFigures.None, ReportSubject.Agent);

        // (84.5 + 0 + 59 + 85 + 66.666667) / 5 = 295.166667 / 5 = 59.0333… → 59.0.
        Assert.Equal((5L, 59.0, 1L, 1L, 1L, 2L), (total.QcGraded, total.QcAverage!.Value, total.QcExcellent, total.QcGood, total.QcPass, total.QcPoor));
        // Agent 7: (84.5 + 0) / 2 = 42.25 → 42.3 (half away from zero). Agent 8: (59 + 85) / 2 = 72.
        Assert.Equal((2L, 42.3), (agent7.QcGraded, agent7.QcAverage!.Value));
        Assert.Equal((2L, 72.0), (agent8.QcGraded, agent8.QcAverage!.Value));
    }

    [Fact]
    public void Without_grades_the_average_is_null_not_0()
    {
        var rows = DailyRollup.Roll(Day, Shanghai, new ReportFacts { Consultations = Facts.Consultations }, Local(11, 0, 0));

        var figures = ReportFigures.From(RollupTotals.Sum(rows), DistinctFigures.None);

        Assert.Equal(0, figures.QcGraded);
        Assert.Null(figures.QcAverage);
    }

    private static DateTime Local(int day, int hour, int minute) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 3, day, hour, minute, 0, DateTimeKind.Unspecified), Shanghai);
}
