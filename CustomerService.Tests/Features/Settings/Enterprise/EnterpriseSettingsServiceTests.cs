using CustomerService.Data;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Domain.Organisation;
using CustomerService.Web.Features.Settings.Enterprise;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Features.Settings.Enterprise;

public sealed class EnterpriseSettingsServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private EnterpriseSettingsService Service => _database.GetRequiredService<EnterpriseSettingsService>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.AddEnterpriseAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Enterprise_information_is_saved_and_read_back()
    {
        var info = new EnterpriseInfo("示例商城", "上海市浦东新区", "021-12345678", "https://shop.example.com",
            "https://shop.example.com/logo.png", "我们卖鞋。", "Asia/Tokyo", false);

        var saved = await Service.SaveAsync(info);

        Assert.True(saved.Succeeded, saved.Violation?.ToString());
        Assert.Equal(info, (await Service.GetAsync())!.Info);
    }

    [Fact]
    public void Every_offered_time_zone_is_accepted_by_the_enterprise_rules()
    {
        foreach (var zone in EnterpriseSettingsService.TimeZoneChoices)
        {
            Assert.Null(EnterpriseProfile.CheckInfo(new EnterpriseInfo("示例商城", null, null, null, null, null, zone, true)));
        }
    }

    [Fact]
    public async Task An_invalid_website_is_refused_and_nothing_changes()
    {
        var saved = await Service.SaveAsync(new EnterpriseInfo("新名字", null, null, "not a url", null, null, "Asia/Shanghai", true));

        Assert.Equal("UrlFormat", saved.Violation?.Code);
        await using var db = _database.NewContext();
        Assert.Equal("演示企业", (await db.EnterpriseProfiles.SingleAsync()).CompanyName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public async Task An_attribution_window_outside_one_to_thirty_days_is_refused_and_nothing_changes(int days)
    {
        var saved = await Service.SaveAsync(new EnterpriseInfo("演示企业", null, null, null, null, null, "Asia/Shanghai", true, days));

        Assert.Equal("AttributionWindowRange", saved.Violation?.Code);
        await using var db = _database.NewContext();
        Assert.Equal(7, (await db.EnterpriseProfiles.SingleAsync()).AttributionWindowDays);
    }

    [Fact]
    public async Task A_new_time_zone_moves_the_reporting_calendar_at_once()
    {
        var saved = await Service.SaveAsync(new EnterpriseInfo("演示企业", null, null, null, null, null, "Europe/London", true, 14));

        Assert.True(saved.Succeeded);
        Assert.Equal("Europe/London", _database.GetRequiredService<ReportingCalendar>().Zone.Id);
        await using var db = _database.NewContext();
        Assert.Equal(14, (await db.EnterpriseProfiles.SingleAsync()).AttributionWindowDays);
    }
}
