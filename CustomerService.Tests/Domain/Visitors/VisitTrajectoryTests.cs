using CustomerService.Domain.Visitors;

namespace CustomerService.Tests.Domain.Visitors;

public sealed class VisitTrajectoryTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Views_less_than_30_minutes_apart_are_one_visit_and_a_longer_gap_starts_the_next()
    {
        var visits = VisitTrajectory.Split([View(0, "/"), View(5, "/p/1"), View(34, "/cart"), View(100, "/"), View(101, "/order")]);

        Assert.Equal([1, 2], visits.Select(v => v.Number));
        Assert.Equal([3, 2], visits.Select(v => v.Pages.Count));
        Assert.Equal(TimeSpan.FromMinutes(34), visits[0].Dwell);
        Assert.Equal("https://shop.example.com/", visits[1].Landing.Url);
    }

    [Fact]
    public void Exactly_30_minutes_apart_is_still_the_same_visit()
    {
        Assert.Single(VisitTrajectory.Split([View(0, "/"), View(30, "/p/1")]));
    }

    [Fact]
    public void No_views_is_no_visit()
    {
        Assert.Empty(VisitTrajectory.Split([]));
    }

    private static PageView View(int minute, string path) => new(
        1, "https://shop.example.com" + path, null, null, Start.AddMinutes(minute), TrafficSource.Direct, null, UserAgentInfo.Unknown, null, null);

    [Fact]
    public void The_same_page_reported_again_within_a_minute_is_the_same_view()
    {
        var view = View(0, "/p/1");

        Assert.True(view.IsRepeatedBy("https://shop.example.com/p/1", Start.AddSeconds(59)));
        Assert.False(view.IsRepeatedBy("https://shop.example.com/p/1", Start.AddMinutes(1)));
        Assert.False(view.IsRepeatedBy("https://shop.example.com/p/2", Start.AddSeconds(5)));
    }

    [Fact]
    public void Splitting_no_page_list_is_a_programming_error() =>
        Assert.Equal("views", Assert.Throws<ArgumentNullException>(() => VisitTrajectory.Split(null!)).ParamName);
}
