using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Domain.Organisation;
using CustomerService.Web.Features.Settings.WorkingHours;
using Microsoft.EntityFrameworkCore;
using Hours = CustomerService.Domain.Organisation.WorkingHours;

namespace CustomerService.Tests.Features.Settings.WorkingHours;

public sealed class WorkingHoursServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private WorkingHoursService Service => _database.GetRequiredService<WorkingHoursService>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddEnterpriseAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Saved_working_hours_are_read_back_with_the_enterprise_time_zone()
    {
        var hours = new Hours(
            new DaySchedule(true, new TimeOnly(8, 30), new TimeOnly(21, 0)),
            new DaySchedule(true, new TimeOnly(10, 0), new TimeOnly(16, 0)));

        var saved = await Service.SaveAsync(hours);

        Assert.True(saved.Succeeded);
        var view = await Service.GetAsync();
        Assert.Equal(hours, view!.Hours);
        Assert.Equal("Asia/Shanghai", view.TimeZoneId);
    }

    [Fact]
    public async Task Working_hours_ending_before_they_start_are_refused_and_nothing_changes()
    {
        var hours = new Hours(
            new DaySchedule(true, new TimeOnly(18, 0), new TimeOnly(9, 0)),
            new DaySchedule(false, new TimeOnly(10, 0), new TimeOnly(17, 0)));

        var saved = await Service.SaveAsync(hours);

        Assert.Equal("WorkingHoursOrder", saved.Violation?.Code);
        await using var db = _database.NewContext();
        Assert.Equal(Hours.Default, (await db.EnterpriseProfiles.SingleAsync()).WorkingHours);
    }

    [Fact]
    public async Task Working_hours_ending_when_they_start_are_refused()
    {
        var same = new TimeOnly(9, 0);

        var saved = await Service.SaveAsync(new Hours(Hours.Default.Weekdays, new DaySchedule(true, same, same)));

        Assert.Equal("WorkingHoursOrder", saved.Violation?.Code);
    }
}
