namespace CustomerService.Domain.Customers;

/// <summary>
/// SPEC J1 (seed 002 CRM说明 1.概要): customers in scope, new today and last week with the growth against the period
/// before, star levels (none = 未分配, 1–5) and contact methods (mobile, e-mail, other = neither).
/// </summary>
public sealed record CrmOverview(
    int Total,
    int NewToday,
    int NewYesterday,
    int NewLastWeek,
    int NewWeekBefore,
    IReadOnlyList<int> StarCounts,
    int WithPhone,
    int WithEmail,
    int Other)
{
    /// <summary>Today against yesterday, as a fraction; null when yesterday had none.</summary>
    public decimal? TodayGrowth => Growth(NewToday, NewYesterday);

    /// <summary>Last week (Monday to Sunday) against the week before it; null when that week had none.</summary>
    public decimal? LastWeekGrowth => Growth(NewLastWeek, NewWeekBefore);

    public static decimal? Growth(int current, int previous) =>
        previous == 0 ? null : (current - previous) / (decimal)previous;

    /// <summary>The Monday that starts the week before the one holding <paramref name="today"/> (上周: Monday to Sunday).</summary>
    public static DateOnly LastWeekStart(DateOnly today)
    {
        var sinceMonday = ((int)today.DayOfWeek + 6) % 7;
        return today.AddDays(-sinceMonday - 7);
    }
}
