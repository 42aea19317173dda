using CustomerService.Domain.Common;

namespace CustomerService.Domain.Organisation;

/// <summary>
/// The enterprise's own settings row (seed 002 “企业信息”, “工作时间”): the public image shown at the top of the
/// visitor window, and organisation-wide switches. There is exactly one.
/// </summary>
public class EnterpriseProfile : IAudited
{
    public const int SingletonId = 1;
    public const int NameMaxLength = 64;
    public const int TextMaxLength = 200;
    public const int AboutMaxLength = 2000;
    public const int DefaultAttributionWindowDays = 7;
    public const int MaxAttributionWindowDays = 30;

    private EnterpriseProfile()
    {
        CompanyName = TimeZoneId = string.Empty;
    }

    public EnterpriseProfile(string companyName, string timeZoneId)
    {
        Id = SingletonId;
        CompanyName = companyName;
        TimeZoneId = timeZoneId;
        ChangeWorkingHours(WorkingHours.Default);
        AgentsStartOnline = true;
    }

    public int Id { get; private set; }
    public string CompanyName { get; private set; }
    public string? Address { get; private set; }
    public string? Phone { get; private set; }
    public string? Website { get; private set; }
    public string? LogoUrl { get; private set; }

    /// <summary>关于企业: shown in the visitor window's “about” tab.</summary>
    public string? About { get; private set; }

    /// <summary>IANA or Windows id; working hours and daily reports use this clock.</summary>
    public string TimeZoneId { get; private set; }

    public WorkingHours WorkingHours => new(
        new DaySchedule(WeekdaysOpen, WeekdaysStart, WeekdaysEnd),
        new DaySchedule(WeekendsOpen, WeekendsStart, WeekendsEnd));

    // Stored flat: one column per value keeps both providers' schemas plain.
    public bool WeekdaysOpen { get; private set; }
    public TimeOnly WeekdaysStart { get; private set; }
    public TimeOnly WeekdaysEnd { get; private set; }
    public bool WeekendsOpen { get; private set; }
    public TimeOnly WeekendsStart { get; private set; }
    public TimeOnly WeekendsEnd { get; private set; }

    /// <summary>
    /// How long before an order a consultation still earns it (SPEC I0 Orders, K; default 7 days), and how long after
    /// one an order counts as 咨询前下单.
    /// </summary>
    public int AttributionWindowDays { get; private set; } = DefaultAttributionWindowDays;

    public TimeSpan AttributionWindow => TimeSpan.FromDays(AttributionWindowDays);

    /// <summary>An agent who logs in starts Online unless this is off (SPEC N3).</summary>
    public bool AgentsStartOnline { get; private set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static RuleViolation? CheckInfo(EnterpriseInfo info) =>
        string.IsNullOrWhiteSpace(info.CompanyName) ? new RuleViolation("Required", "Enterprise.CompanyName")
        : info.CompanyName.Trim().Length > NameMaxLength ? new RuleViolation("TooLong", "Enterprise.CompanyName", NameMaxLength)
        : new[] { info.Address, info.Phone, info.Website, info.LogoUrl }.Any(v => v is { Length: > TextMaxLength })
            ? new RuleViolation("TooLong", "Enterprise.Field", TextMaxLength)
        : info.About is { Length: > AboutMaxLength } ? new RuleViolation("TooLong", "Enterprise.About", AboutMaxLength)
        : info.Website is { Length: > 0 } && !Uri.TryCreate(info.Website, UriKind.Absolute, out _)
            ? new RuleViolation("UrlFormat")
        : info.LogoUrl is { Length: > 0 } logo && !ImageAddress.IsAllowed(logo.Trim()) ? new RuleViolation("UrlFormat")
        : FindTimeZone(info.TimeZoneId) is null ? new RuleViolation("TimeZoneUnknown", info.TimeZoneId)
        : info.AttributionWindowDays is < 1 or > MaxAttributionWindowDays
            ? new RuleViolation("AttributionWindowRange", 1, MaxAttributionWindowDays)
        : null;

    public void UpdateInfo(EnterpriseInfo info)
    {
        RuleViolationException.ThrowIf(CheckInfo(info));
        CompanyName = info.CompanyName.Trim();
        Address = Blank(info.Address);
        Phone = Blank(info.Phone);
        Website = Blank(info.Website);
        LogoUrl = Blank(info.LogoUrl);
        About = Blank(info.About);
        TimeZoneId = info.TimeZoneId;
        AgentsStartOnline = info.AgentsStartOnline;
        AttributionWindowDays = info.AttributionWindowDays;
    }

    public void ChangeWorkingHours(WorkingHours hours)
    {
        RuleViolationException.ThrowIf(hours.Check());
        (WeekdaysOpen, WeekdaysStart, WeekdaysEnd) = (hours.Weekdays.Open, hours.Weekdays.Start, hours.Weekdays.End);
        (WeekendsOpen, WeekendsStart, WeekendsEnd) = (hours.Weekends.Open, hours.Weekends.Start, hours.Weekends.End);
    }

    public TimeZoneInfo TimeZone => FindTimeZone(TimeZoneId) ?? TimeZoneInfo.Utc;

    public bool IsWorkingTime(DateTime utcNow) =>
        WorkingHours.IsOpenAt(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), TimeZone));

    private static TimeZoneInfo? FindTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record EnterpriseInfo(
    string CompanyName,
    string? Address,
    string? Phone,
    string? Website,
    string? LogoUrl,
    string? About,
    string TimeZoneId,
    bool AgentsStartOnline,
    int AttributionWindowDays = EnterpriseProfile.DefaultAttributionWindowDays);
