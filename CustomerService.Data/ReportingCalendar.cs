namespace CustomerService.Data;

/// <summary>
/// The enterprise time zone as the data layer needs it to tell a closed local day from today (SPEC I0, I4). The web
/// app sets it at start and whenever the enterprise setting changes; until then it is the product default.
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

    public DateOnly LocalDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone));
}
