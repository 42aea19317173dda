namespace CustomerService.Domain.Reporting;

/// <summary>Which end of a figure is the good one: more consultations rank first, shorter response times rank first.</summary>
public enum RankOrder
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>
/// 关键绩效排名 (seed 002; SPEC I1): agents ranked on one figure within a group. Equal values share a rank and the next
/// rank skips (1, 2, 2, 4: “standard competition ranking”, what a manager expects from a league table). An agent with no
/// value for the figure (a rate whose denominator is 0: “–”) is not ranked: he is not last, he has nothing to compare.
/// </summary>
public static class FigureRanking
{
    public static IReadOnlyList<int?> Rank(IReadOnlyList<double?> values, RankOrder order)
    {
        ArgumentNullException.ThrowIfNull(values);
        var ranks = new int?[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value)
            {
                continue;
            }

            var better = values.Count(other => other is { } o && (order == RankOrder.HigherIsBetter ? o > value : o < value));
            ranks[i] = better + 1;
        }

        return ranks;
    }
}
