using CustomerService.Domain.LeaveMessages;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Settings.LeaveMessage;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Settings.LeaveMessage;

/// <summary>留言设置: one row for the enterprise, defaults until saved, bad input refused without change.</summary>
public sealed class LeaveMessageSettingsServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private LeaveMessageSettingsService Service => _database.GetRequiredService<LeaveMessageSettingsService>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_enterprise_that_never_saved_gets_the_defaults()
    {
        Assert.Equal(LeaveMessageSettings.DefaultOptions, await Service.GetAsync());
    }

    [Fact]
    public async Task Saved_settings_are_read_back_and_kept_in_one_row()
    {
        var options = new LeaveMessageOptions(true, LeaveMessageFieldMode.Required, LeaveMessageFieldMode.Required,
            LeaveMessageFieldMode.Hidden, LeaveMessageFieldMode.Required, " 我们会在一个工作日内回复您。 ");

        Assert.True((await Service.SaveAsync(options)).Succeeded);
        Assert.True((await Service.SaveAsync(options with { Enabled = false })).Succeeded);

        Assert.Equal(options with { Enabled = false, Notice = "我们会在一个工作日内回复您。" }, await Service.GetAsync());
        await using var db = _database.NewContext();
        Assert.Equal(LeaveMessageSettings.SingletonId, (await db.LeaveMessageSettings.SingleAsync()).Id);
    }

    [Fact]
    public async Task A_notice_over_five_hundred_characters_is_refused_and_the_saved_settings_stay()
    {
        var saved = LeaveMessageSettings.DefaultOptions with { Notice = "请留言" };
        await Service.SaveAsync(saved);

        var outcome = await Service.SaveAsync(saved with { Notice = new string('告', 501), Phone = LeaveMessageFieldMode.Required });

        Assert.Equal("TooLong", outcome.Violation?.Code);
        Assert.Equal(saved, await Service.GetAsync());
    }

    [Fact]
    public async Task Hiding_every_field_is_refused_and_nothing_is_stored()
    {
        var hidden = new LeaveMessageOptions(true, LeaveMessageFieldMode.Hidden, LeaveMessageFieldMode.Hidden,
            LeaveMessageFieldMode.Hidden, LeaveMessageFieldMode.Hidden, null);

        Assert.Equal("LeaveMessageNoFields", (await Service.SaveAsync(hidden)).Violation?.Code);

        await using var db = _database.NewContext();
        Assert.False(await db.LeaveMessageSettings.AnyAsync());
    }
}
