namespace CustomerService.Domain.Reporting;

/// <summary>
/// The response-time histogram of the rollups (SPEC I4): 0–10 s, 10–30 s, 30–60 s, 1–3 min, 3–10 min, 10–30 min,
/// 30 min+. Each bucket holds its lower bound and excludes its upper one. Percentiles are estimates, shown with “≈”.
/// </summary>
public static class ResponseBuckets
{
    /// <summary>Lower bounds in milliseconds; the last bucket is open.</summary>
    private static readonly long[] LowerBounds = [0, 10_000, 30_000, 60_000, 180_000, 600_000, 1_800_000];

    public static int Count => LowerBounds.Length;

    /// <summary>The bucket of a response time; a negative time (clock skew) falls in the first bucket.</summary>
    public static int IndexOf(long milliseconds)
    {
        var index = 0;
        while (index + 1 < LowerBounds.Length && milliseconds >= LowerBounds[index + 1])
        {
            index++;
        }

        return index;
    }

    /// <summary>
    /// The <paramref name="p"/>-quantile (0..1) in seconds, unrounded, interpolated linearly inside the bucket where the
    /// rank p × n falls: lower + (rank − responses below the bucket) / responses in it × width. The open last bucket has
    /// no width to interpolate over, so a quantile falling there is its lower bound, 30 min (an understatement, which
    /// the “≈” already admits). Null when there are no responses.
    /// </summary>
    public static double? Percentile(IReadOnlyList<long> bucketCounts, double p)
    {
        ArgumentNullException.ThrowIfNull(bucketCounts);
        ArgumentOutOfRangeException.ThrowIfNotEqual(bucketCounts.Count, LowerBounds.Length, nameof(bucketCounts));
        // Written so that NaN fails too.
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p));
        }

        var total = bucketCounts.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = p * total;
        long below = 0;
        var index = 0;
        // The first non-empty bucket whose responses reach the rank; p = 0 lands on the lowest non-empty bucket's bound.
        while (bucketCounts[index] == 0 || below + bucketCounts[index] < rank)
        {
            below += bucketCounts[index];
            index++;
        }

        var lower = LowerBounds[index];
        if (index == LowerBounds.Length - 1)
        {
            return lower / 1000.0;
        }

        var width = LowerBounds[index + 1] - lower;
        return (lower + ((rank - below) / bucketCounts[index] * width)) / 1000.0;
    }
}
