namespace CustomerService.Domain.Conversations;

/// <summary>How urgent an unanswered visitor is on his tile's timer (issue 15, SPEC F2): readable at a glance.</summary>
public enum WaitUrgency
{
    Neutral,
    Amber,
    Red,
}

/// <summary>
/// The thresholds of the console's wait timers, from the conversation settings: neutral, then amber from
/// <see cref="AmberSeconds"/> (JD's 30-second response), red from <see cref="RedSeconds"/>.
/// </summary>
public sealed record WaitThresholds(int AmberSeconds, int RedSeconds)
{
    public static WaitThresholds Default { get; } = new(30, 60);

    public WaitUrgency Of(TimeSpan waited) =>
        waited.TotalSeconds >= RedSeconds ? WaitUrgency.Red
        : waited.TotalSeconds >= AmberSeconds ? WaitUrgency.Amber
        : WaitUrgency.Neutral;
}
