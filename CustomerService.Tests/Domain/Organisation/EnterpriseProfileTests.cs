using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;

namespace CustomerService.Tests.Domain.Organisation;

/// <summary>SPEC C5 and seed 002 “企业信息”, “工作时间”: the enterprise's details and its working hours.</summary>
public sealed class EnterpriseProfileTests
{
    private const string Shanghai = "Asia/Shanghai";

    private static EnterpriseInfo Info(string name = "示例商城", string? website = null, string timeZone = Shanghai) =>
        new(name, " 上海市 ", " ", website, null, " 关于我们 ", timeZone, AgentsStartOnline: false);

    [Fact]
    public void A_new_enterprise_has_the_default_hours_and_agents_start_online()
    {
        var profile = new EnterpriseProfile("示例商城", Shanghai);

        Assert.Equal(WorkingHours.Default, profile.WorkingHours);
        Assert.True(profile.AgentsStartOnline);
    }

    [Fact]
    public void Updating_the_info_stores_trimmed_values_and_blank_ones_as_none()
    {
        var profile = new EnterpriseProfile("旧名", Shanghai);

        profile.UpdateInfo(Info(name: " 示例商城 ", website: " https://shop.example.com "));

        Assert.Equal(("示例商城", "上海市", null, "https://shop.example.com"), (profile.CompanyName, profile.Address, profile.Phone, profile.Website));
        Assert.Equal(("关于我们", false), (profile.About, profile.AgentsStartOnline));
    }

    [Fact]
    public void Refused_info_changes_nothing()
    {
        var profile = new EnterpriseProfile("示例商城", Shanghai);

        Assert.Throws<RuleViolationException>(() => profile.UpdateInfo(Info(name: " ")));

        Assert.Equal(("示例商城", true), (profile.CompanyName, profile.AgentsStartOnline));
    }

    [Fact]
    public void Each_field_over_its_limit_is_refused()
    {
        Assert.Equal("Enterprise.CompanyName", EnterpriseProfile.CheckInfo(Info(name: new string('名', 65)))?.Arguments[0]);
        Assert.Null(EnterpriseProfile.CheckInfo(Info(name: new string('名', 64))));
        Assert.Equal("Enterprise.Field", EnterpriseProfile.CheckInfo(Info() with { Phone = new string('1', 201) })?.Arguments[0]);
        Assert.Equal("Enterprise.Field", EnterpriseProfile.CheckInfo(Info() with { LogoUrl = new string('a', 201) })?.Arguments[0]);
        Assert.Null(EnterpriseProfile.CheckInfo(Info() with { Address = new string('址', 200) }));
        Assert.Equal("Enterprise.About", EnterpriseProfile.CheckInfo(Info() with { About = new string('关', 2001) })?.Arguments[0]);
        Assert.Null(EnterpriseProfile.CheckInfo(Info() with { About = new string('关', 2000) }));
    }

    [Fact]
    public void A_relative_website_is_refused() =>
        Assert.Equal("UrlFormat", EnterpriseProfile.CheckInfo(Info(website: "shop.example.com"))?.Code);

    [Theory]
    [InlineData("javascript:alert(1)", "UrlFormat")]
    [InlineData("data:image/svg+xml,<svg/>", "UrlFormat")]
    [InlineData("//evil.example/logo.png", "UrlFormat")]
    [InlineData("logo.png", "UrlFormat")]
    [InlineData("/demo/logo.svg", null)]
    [InlineData("https://cdn.example.com/logo.png", null)]
    public void The_logo_every_visitor_sees_is_our_own_route_or_an_http_address(string logo, string? code)
    {
        Assert.Equal(code, EnterpriseProfile.CheckInfo(Info() with { LogoUrl = logo })?.Code);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData(" ")]
    public void An_unknown_time_zone_is_refused(string timeZone) =>
        Assert.Equal("TimeZoneUnknown", EnterpriseProfile.CheckInfo(Info(timeZone: timeZone))?.Code);

    [Fact]
    public void Working_time_is_read_on_the_enterprises_clock()
    {
        var profile = new EnterpriseProfile("示例商城", Shanghai);

        // Monday 2025-03-03: 01:00 UTC is 09:00 in Shanghai, 10:00 UTC is 18:00 (closed).
        Assert.True(profile.IsWorkingTime(new DateTime(2025, 3, 3, 1, 0, 0, DateTimeKind.Utc)));
        Assert.False(profile.IsWorkingTime(new DateTime(2025, 3, 3, 0, 59, 0, DateTimeKind.Utc)));
        Assert.False(profile.IsWorkingTime(new DateTime(2025, 3, 3, 10, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Weekends_follow_their_own_schedule()
    {
        var profile = new EnterpriseProfile("示例商城", Shanghai);
        profile.ChangeWorkingHours(new WorkingHours(
            new DaySchedule(true, new TimeOnly(9, 0), new TimeOnly(18, 0)),
            new DaySchedule(true, new TimeOnly(10, 0), new TimeOnly(12, 0))));

        // Saturday 2025-03-01 and Sunday 2025-03-02, 11:00 and 09:30 in Shanghai.
        Assert.True(profile.IsWorkingTime(new DateTime(2025, 3, 1, 3, 0, 0, DateTimeKind.Utc)));
        Assert.False(profile.IsWorkingTime(new DateTime(2025, 3, 2, 1, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Hours_that_end_before_they_start_are_refused_and_the_old_ones_stay()
    {
        var profile = new EnterpriseProfile("示例商城", Shanghai);
        var backwards = WorkingHours.Default with { Weekdays = new DaySchedule(true, new TimeOnly(18, 0), new TimeOnly(9, 0)) };

        var thrown = Assert.Throws<RuleViolationException>(() => profile.ChangeWorkingHours(backwards));

        Assert.Equal("WorkingHoursOrder", thrown.Violation.Code);
        Assert.Equal(WorkingHours.Default, profile.WorkingHours);
    }

    [Fact]
    public void A_closed_day_may_have_any_times_and_is_never_open()
    {
        var closed = new DaySchedule(false, new TimeOnly(18, 0), new TimeOnly(9, 0));

        Assert.Null(closed.Check());
        Assert.False(closed.Covers(new TimeOnly(12, 0)));
        Assert.Equal("WorkingHoursOrder", new DaySchedule(true, new TimeOnly(9, 0), new TimeOnly(9, 0)).Check()?.Code);
    }

    [Fact]
    public void Each_refused_field_is_reported_with_its_rule_and_limit()
    {
        Assert.Equal("Required(Enterprise.CompanyName)", EnterpriseProfile.CheckInfo(Info(name: " "))?.ToString());
        Assert.Equal("TooLong(Enterprise.CompanyName, 64)", EnterpriseProfile.CheckInfo(Info(name: new string('名', 65)))?.ToString());
        Assert.Equal("TooLong(Enterprise.Field, 200)", EnterpriseProfile.CheckInfo(Info() with { Address = new string('址', 201) })?.ToString());
        Assert.Equal("TooLong(Enterprise.About, 2000)", EnterpriseProfile.CheckInfo(Info() with { About = new string('关', 2001) })?.ToString());
    }

    [Fact]
    public void An_empty_website_is_no_website_rather_than_a_bad_address() =>
        Assert.Null(EnterpriseProfile.CheckInfo(Info(website: "")));

    [Theory]
    [InlineData(0, "AttributionWindowRange(1, 30)")]
    [InlineData(1, null)]
    [InlineData(30, null)]
    [InlineData(31, "AttributionWindowRange(1, 30)")]
    public void The_attribution_window_is_one_to_thirty_days(int days, string? violation) =>
        Assert.Equal(violation, EnterpriseProfile.CheckInfo(Info() with { AttributionWindowDays = days })?.ToString());

    [Fact]
    public void A_new_enterprise_attributes_orders_over_seven_days_and_keeps_a_changed_window()
    {
        var profile = new EnterpriseProfile("示例商城", Shanghai);
        Assert.Equal((7, TimeSpan.FromDays(7)), (profile.AttributionWindowDays, profile.AttributionWindow));

        profile.UpdateInfo(Info() with { AttributionWindowDays = 14 });

        Assert.Equal((14, TimeSpan.FromDays(14)), (profile.AttributionWindowDays, profile.AttributionWindow));
    }
}
