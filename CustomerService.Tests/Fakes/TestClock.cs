namespace CustomerService.Tests.Fakes;

/// <summary>
/// A <see cref="TimeProvider"/> that stands still until a test moves it, so time-based rules (audit stamps,
/// lockouts, queue waits, KPI periods) are tested without sleeping. Register it before the app's services:
/// <c>services.AddSingleton&lt;TimeProvider&gt;(clock)</c>.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    /// <summary>Starts at 2026-01-05 09:00 UTC (a Monday, inside usual working hours).</summary>
    public TestClock()
        : this(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;
}
