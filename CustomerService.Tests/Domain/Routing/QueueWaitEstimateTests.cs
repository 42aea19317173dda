using CustomerService.Domain.Routing;

namespace CustomerService.Tests.Domain.Routing;

/// <summary>SPEC D3 estimated wait: position × average handling time ÷ concurrent slots.</summary>
public sealed class QueueWaitEstimateTests
{
    [Fact]
    public void Wait_grows_with_position_and_shrinks_with_serving_slots()
    {
        var estimate = QueueWaitEstimate.Estimate(position: 3, TimeSpan.FromMinutes(5), concurrentSlots: 10);

        Assert.Equal(TimeSpan.FromSeconds(90), estimate);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void Default_handling_time_is_used_without_recent_history(int? averageSeconds)
    {
        TimeSpan? average = averageSeconds is { } s ? TimeSpan.FromSeconds(s) : null;

        var estimate = QueueWaitEstimate.Estimate(position: 1, average, concurrentSlots: 1);

        Assert.Equal(QueueWaitEstimate.DefaultAverageHandlingTime, estimate);
    }

    [Fact]
    public void No_serving_slots_counts_as_one_so_the_estimate_stays_finite()
    {
        var estimate = QueueWaitEstimate.Estimate(position: 2, TimeSpan.FromMinutes(1), concurrentSlots: 0);

        Assert.Equal(TimeSpan.FromMinutes(2), estimate);
    }

    [Fact]
    public void Estimate_is_rounded_up_to_whole_seconds()
    {
        var estimate = QueueWaitEstimate.Estimate(position: 1, TimeSpan.FromSeconds(10), concurrentSlots: 3);

        Assert.Equal(TimeSpan.FromSeconds(4), estimate);
    }

    [Fact]
    public void Position_below_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QueueWaitEstimate.Estimate(0, null, 1));
    }
}
