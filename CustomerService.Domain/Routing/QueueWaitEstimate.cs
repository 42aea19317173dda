namespace CustomerService.Domain.Routing;

/// <summary>
/// Estimated wait shown to a queued visitor (SPEC D3).
/// <para>
/// Formula: <c>position × averageHandlingTime ÷ concurrentSlots</c>, rounded up to whole seconds. An agent serves
/// several conversations at once (max load), so slots free up at about <c>slots ÷ averageHandlingTime</c>; the visitor
/// at position p waits for p of them. <c>concurrentSlots</c> is the summed max load of the group's members who are
/// Online and participate (Busy agents free slots but take nobody new); at least 1 is assumed so an unstaffed moment
/// still gives a finite figure. Without recent history the average handling time defaults to
/// <see cref="DefaultAverageHandlingTime"/>.
/// </para>
/// </summary>
public static class QueueWaitEstimate
{
    /// <summary>A typical pre-sale chat length; used until the group has ended conversations to average.</summary>
    public static readonly TimeSpan DefaultAverageHandlingTime = TimeSpan.FromMinutes(3);

    public static TimeSpan Estimate(int position, TimeSpan? recentAverageHandlingTime, int concurrentSlots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);

        var handlingTime = recentAverageHandlingTime is { } recent && recent > TimeSpan.Zero
            ? recent
            : DefaultAverageHandlingTime;
        var slots = Math.Max(concurrentSlots, 1);
        var seconds = Math.Ceiling(position * handlingTime.TotalSeconds / slots);
        return TimeSpan.FromSeconds(seconds);
    }
}
