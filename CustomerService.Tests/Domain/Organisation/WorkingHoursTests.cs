using CustomerService.Domain.Organisation;

namespace CustomerService.Tests.Domain.Organisation;

/// <summary>SPEC C5 工作时间: weekday and weekend schedules.</summary>
public sealed class WorkingHoursTests
{
    [Fact]
    public void By_default_weekdays_are_open_nine_to_six_and_weekends_closed()
    {
        Assert.Equal(new DaySchedule(true, new TimeOnly(9, 0), new TimeOnly(18, 0)), WorkingHours.Default.Weekdays);
        Assert.Equal(new DaySchedule(false, new TimeOnly(10, 0), new TimeOnly(17, 0)), WorkingHours.Default.Weekends);
    }

    [Fact]
    public void Weekend_hours_that_end_before_they_start_are_refused()
    {
        var backwards = WorkingHours.Default with { Weekends = new DaySchedule(true, new TimeOnly(17, 0), new TimeOnly(10, 0)) };

        Assert.Equal("WorkingHoursOrder", backwards.Check()?.ToString());
    }
}
