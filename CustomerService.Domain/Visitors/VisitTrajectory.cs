namespace CustomerService.Domain.Visitors;

/// <summary>One visit (来访) of a visitor: consecutive page views with no gap longer than the session timeout.</summary>
public sealed record Visit(int Number, DateTime StartedAt, DateTime LastViewAt, IReadOnlyList<PageView> Pages)
{
    /// <summary>From the first page to the last one seen (seed 002 用户轨迹 “停留时长”); the last page's own dwell is unknown.</summary>
    public TimeSpan Dwell => LastViewAt - StartedAt;

    public PageView Landing => Pages[0];
}

/// <summary>
/// SPEC E3: splits a visitor's page views into visits, the way web analytics count them: a new visit starts after
/// <see cref="SessionTimeout"/> without a page view. Visit numbers count from the visitor's first visit.
/// </summary>
public static class VisitTrajectory
{
    public static readonly TimeSpan SessionTimeout = TimeSpan.FromMinutes(30);

    public static IReadOnlyList<Visit> Split(IEnumerable<PageView> views)
    {
        ArgumentNullException.ThrowIfNull(views);
        var visits = new List<Visit>();
        var current = new List<PageView>();
        foreach (var view in views.OrderBy(v => v.ViewedAt).ThenBy(v => v.Id))
        {
            if (current.Count > 0 && view.ViewedAt - current[^1].ViewedAt > SessionTimeout)
            {
                visits.Add(Close(visits.Count + 1, current));
                current = [];
            }

            current.Add(view);
        }

        if (current.Count > 0)
        {
            visits.Add(Close(visits.Count + 1, current));
        }

        return visits;
    }

    private static Visit Close(int number, List<PageView> pages) => new(number, pages[0].ViewedAt, pages[^1].ViewedAt, pages);
}
