using CustomerService.Domain.Reporting;

namespace CustomerService.Tests.Domain.Reporting;

/// <summary>关键绩效排名: standard competition ranking within a group; no value, no rank.</summary>
public sealed class FigureRankingTests
{
    [Fact]
    public void More_is_better_for_counts_and_equal_values_share_a_rank_and_the_next_rank_skips()
    {
        // 30 is best (1); the two 20s share 2; 10 comes after three agents, so 4; 5 is 5th.
        var ranks = FigureRanking.Rank([10, 20, 30, 20, 5], RankOrder.HigherIsBetter);

        Assert.Equal(new int?[] { 4, 2, 1, 2, 5 }, ranks);
    }

    [Fact]
    public void Less_is_better_for_response_times()
    {
        // 12 s answers fastest (1); 12.5 s second; the two 40 s share 3.
        var ranks = FigureRanking.Rank([40, 12, 40, 12.5], RankOrder.LowerIsBetter);

        Assert.Equal(new int?[] { 3, 1, 3, 2 }, ranks);
    }

    [Fact]
    public void An_agent_without_a_value_is_not_ranked_and_does_not_push_others_down()
    {
        var ranks = FigureRanking.Rank([null, 0.5, null, 0.9], RankOrder.HigherIsBetter);

        Assert.Equal(new int?[] { null, 2, null, 1 }, ranks);
    }

    [Fact]
    public void Everyone_equal_is_everyone_first()
    {
        Assert.Equal(new int?[] { 1, 1, 1 }, FigureRanking.Rank([7, 7, 7], RankOrder.LowerIsBetter));
    }

    [Fact]
    public void Nobody_gives_no_ranks()
    {
        Assert.Empty(FigureRanking.Rank([], RankOrder.HigherIsBetter));
    }
}
