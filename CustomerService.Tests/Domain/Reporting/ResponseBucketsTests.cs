using CustomerService.Domain.Reporting;

namespace CustomerService.Tests.Domain.Reporting;

/// <summary>SPEC I4 response histogram: 0–10 s, 10–30 s, 30–60 s, 1–3 min, 3–10 min, 10–30 min, 30 min+.</summary>
public sealed class ResponseBucketsTests
{
    [Theory]
    [InlineData(-5, 0)]
    [InlineData(0, 0)]
    [InlineData(9_999, 0)]
    [InlineData(10_000, 1)]
    [InlineData(29_999, 1)]
    [InlineData(30_000, 2)]
    [InlineData(59_999, 2)]
    [InlineData(60_000, 3)]
    [InlineData(179_999, 3)]
    [InlineData(180_000, 4)]
    [InlineData(599_999, 4)]
    [InlineData(600_000, 5)]
    [InlineData(1_799_999, 5)]
    [InlineData(1_800_000, 6)]
    [InlineData(86_400_000, 6)]
    public void A_bucket_holds_its_lower_bound_and_not_its_upper_one(long milliseconds, int bucket)
    {
        Assert.Equal(bucket, ResponseBuckets.IndexOf(milliseconds));
    }

    [Fact]
    public void There_are_seven_buckets()
    {
        Assert.Equal(7, ResponseBuckets.Count);
    }

    [Theory]
    // 4 responses under 10 s: the median's rank 2 is halfway through the bucket → 5 s.
    [InlineData(new long[] { 4, 0, 0, 0, 0, 0, 0 }, 0.5, 5.0)]
    // Empty buckets are skipped: rank 1 of 2 in 30–60 s → 30 + 1/2 × 30 = 45 s.
    [InlineData(new long[] { 0, 0, 2, 0, 0, 0, 0 }, 0.5, 45.0)]
    // Rank 1 reaches the end of the first bucket exactly → 10 s; rank 1.5 is halfway into 10–30 s → 20 s.
    [InlineData(new long[] { 1, 1, 0, 0, 0, 0, 0 }, 0.5, 10.0)]
    [InlineData(new long[] { 1, 1, 0, 0, 0, 0, 0 }, 0.75, 20.0)]
    // p = 0 is the lower bound of the lowest non-empty bucket; p = 1 the upper bound of the highest closed one.
    [InlineData(new long[] { 0, 3, 0, 0, 0, 0, 0 }, 0.0, 10.0)]
    [InlineData(new long[] { 1, 0, 2, 0, 0, 0, 0 }, 1.0, 60.0)]
    // 1–3 min: rank 1 of 4 → 60 + 1/4 × 120 = 90 s. 3–10 min: rank 0.5 of 1 → 180 + 1/2 × 420 = 390 s.
    [InlineData(new long[] { 0, 0, 0, 4, 0, 0, 0 }, 0.25, 90.0)]
    [InlineData(new long[] { 0, 0, 0, 0, 1, 0, 0 }, 0.5, 390.0)]
    // 10–30 min: rank 1 of 2 → 600 + 1/2 × 1200 = 1200 s.
    [InlineData(new long[] { 0, 0, 0, 0, 0, 2, 0 }, 0.5, 1200.0)]
    // The open last bucket answers its lower bound, 30 min.
    [InlineData(new long[] { 0, 0, 0, 0, 0, 0, 5 }, 0.9, 1800.0)]
    [InlineData(new long[] { 1, 0, 0, 0, 0, 0, 1 }, 0.9, 1800.0)]
    // Ten responses, 9 under 10 s: p90's rank 9 ends the first bucket → 10 s; p50's rank 5 → 5/9 × 10 = 5.56 s.
    [InlineData(new long[] { 9, 0, 0, 0, 0, 0, 1 }, 0.9, 10.0)]
    public void Percentiles_interpolate_inside_the_bucket(long[] counts, double p, double seconds)
    {
        Assert.Equal(seconds, ResponseBuckets.Percentile(counts, p)!.Value, precision: 9);
    }

    [Fact]
    public void The_median_of_nine_fast_and_one_slow_response_is_five_and_five_ninths_seconds()
    {
        Assert.Equal(50.0 / 9, ResponseBuckets.Percentile([9, 0, 0, 0, 0, 0, 1], 0.5)!.Value, precision: 9);
    }

    [Fact]
    public void No_responses_no_percentile()
    {
        Assert.Null(ResponseBuckets.Percentile([0, 0, 0, 0, 0, 0, 0], 0.5));
    }

    [Fact]
    public void Bad_arguments_are_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ResponseBuckets.Percentile([1, 2, 3], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResponseBuckets.Percentile([1, 0, 0, 0, 0, 0, 0, 0], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResponseBuckets.Percentile([1, 0, 0, 0, 0, 0, 0], -0.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResponseBuckets.Percentile([1, 0, 0, 0, 0, 0, 0], 1.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResponseBuckets.Percentile([1, 0, 0, 0, 0, 0, 0], double.NaN));
        Assert.Throws<ArgumentNullException>(() => ResponseBuckets.Percentile(null!, 0.5));
    }
}
