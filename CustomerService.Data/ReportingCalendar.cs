namespace CustomerService.Data;

/// <summary>
/// The enterprise time zone and attribution window as the data layer needs them to tell a closed local day from today
/// and which days an order's change moves (SPEC I0, I4). The web app sets them at start and whenever the enterprise
/// setting changes; until then they are the product defaults.
/// </summary>
public sealed class ReportingCalendar
{
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    private volatile TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZoneId);

    public TimeZoneInfo Zone
    {
        get => _zone;
        set => _zone = value ?? throw new ArgumentNullException(nameof(value));
    }

    private long _attributionWindowTicks = TimeSpan.FromDays(7).Ticks;

    public TimeSpan AttributionWindow
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _attributionWindowTicks));
        set => Interlocked.Exchange(ref _attributionWindowTicks, value > TimeSpan.Zero ? value.Ticks : throw new ArgumentOutOfRangeException(nameof(value)));
    }

    public DateOnly LocalDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone));
}
