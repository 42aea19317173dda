using CustomerService.Domain.Conversations;
using CustomerService.Domain.Kpi;

namespace CustomerService.Tests.Domain.Kpi;

/// <summary>seed 002 工时统计: 在线时长 = Online + Busy, 登录时长 = Online + Busy + Away, within the day so far.</summary>
public sealed class WorkHoursTests
{
    private static readonly DateTime Midnight = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Online_time_counts_online_and_busy_and_login_time_adds_away()
    {
        StatusStretch[] stretches =
        [
            new(AgentStatus.Online, At(9), At(10)),
            new(AgentStatus.Busy, At(10), At(10.5)),
            new(AgentStatus.Away, At(10.5), At(11)),
            new(AgentStatus.Online, At(11), null),
        ];

        var hours = WorkHours.Of(stretches, Midnight, At(12));

        Assert.Equal(TimeSpan.FromHours(2.5), hours.OnlineTime);
        Assert.Equal(TimeSpan.FromHours(3), hours.LoginTime);
        Assert.Equal(TimeSpan.FromHours(0.5), hours.Busy);
    }

    [Fact]
    public void A_stretch_begun_yesterday_counts_from_midnight_and_an_open_one_until_now()
    {
        StatusStretch[] stretches = [new(AgentStatus.Online, Midnight.AddHours(-2), null)];

        var hours = WorkHours.Of(stretches, Midnight, At(1));

        Assert.Equal(TimeSpan.FromHours(1), hours.OnlineTime);
    }

    [Fact]
    public void Offline_is_never_counted()
    {
        StatusStretch[] stretches = [new(AgentStatus.Offline, At(1), At(5))];

        Assert.Equal(WorkHours.Zero, WorkHours.Of(stretches, Midnight, At(6)));
    }

    private static DateTime At(double hours) => Midnight.AddHours(hours);

    [Fact]
    public void A_stretch_wholly_before_or_after_the_window_counts_nothing()
    {
        StatusStretch[] stretches =
        [
            new(AgentStatus.Online, Midnight.AddHours(-3), Midnight.AddHours(-1)),
            new(AgentStatus.Busy, At(13), At(14)),
            new(AgentStatus.Away, At(12), null),
        ];

        var hours = WorkHours.Of(stretches, Midnight, At(12));

        Assert.Equal(WorkHours.Zero, hours);
    }

    [Fact]
    public void A_stretch_ending_exactly_when_the_window_opens_counts_nothing()
    {
        StatusStretch[] stretches = [new(AgentStatus.Online, Midnight.AddHours(-1), Midnight)];

        Assert.Equal(TimeSpan.Zero, WorkHours.Of(stretches, Midnight, At(1)).LoginTime);
    }

    [Fact]
    public void A_stretch_ending_after_the_window_counts_until_the_window_closes()
    {
        StatusStretch[] stretches = [new(AgentStatus.Away, At(11), At(15))];

        var hours = WorkHours.Of(stretches, Midnight, At(12));

        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.Zero), (hours.Away, hours.OnlineTime));
    }

    [Fact]
    public void Summing_no_stretch_list_is_a_programming_error() =>
        Assert.Throws<ArgumentNullException>(() => WorkHours.Of(null!, Midnight, Midnight.AddDays(1)));
}
