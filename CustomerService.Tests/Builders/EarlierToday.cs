namespace CustomerService.Tests.Builders;

/// <summary>
/// A moment a little before now that is still today in the demo enterprise's zone (Asia/Shanghai), for browser tests
/// whose pages default to today: “five minutes ago” at 00:02 local would be yesterday and the page would not show it.
/// </summary>
public static class EarlierToday
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTime Utc(TimeSpan ago)
    {
        var now = DateTime.UtcNow;
        var local = TimeZoneInfo.ConvertTimeFromUtc(now, Shanghai);
        var startOfToday = TimeZoneInfo.ConvertTimeToUtc(local.Date, Shanghai);
        var earlier = now - ago;
        return earlier > startOfToday ? earlier : startOfToday + (now - startOfToday) / 2;
    }
}
