using CustomerService.Domain.Invitations;

namespace CustomerService.Tests.Domain.Invitations;

/// <summary>邀请设置: bounds of the values and the automatic rule (off by default).</summary>
public sealed class InvitationSettingsTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Automatic_invitations_are_off_by_default()
    {
        var settings = InvitationSettings.CreateDefault();

        Assert.False(settings.AutoInviteEnabled);
        Assert.False(settings.AutoInvites("https://shop/cart", Now.AddHours(-1), Now));
    }

    [Fact]
    public void The_rule_fires_on_a_matching_page_after_the_delay_and_not_before()
    {
        var settings = InvitationSettings.CreateDefault();
        settings.Update("欢迎咨询", 60, autoInviteEnabled: true, pageContains: "/CART", autoAfterSeconds: 30);

        Assert.False(settings.AutoInvites("https://shop/cart?id=1", Now.AddSeconds(-29), Now));
        Assert.True(settings.AutoInvites("https://shop/cart?id=1", Now.AddSeconds(-30), Now));
        Assert.False(settings.AutoInvites("https://shop/product/1", Now.AddSeconds(-300), Now));
    }

    [Fact]
    public void An_empty_page_filter_means_every_page()
    {
        var settings = InvitationSettings.CreateDefault();
        settings.Update("欢迎咨询", 60, autoInviteEnabled: true, pageContains: "  ", autoAfterSeconds: 5);

        Assert.Null(settings.AutoInvitePageContains);
        Assert.True(settings.AutoInvites("https://shop/anything", Now.AddSeconds(-5), Now));
    }

    [Theory]
    [InlineData("", 60, 30, "Required")]
    [InlineData("好", 9, 30, "Range")]
    [InlineData("好", 601, 30, "Range")]
    [InlineData("好", 60, 4, "Range")]
    [InlineData("好", 60, 3601, "Range")]
    public void Out_of_bounds_values_are_refused_and_the_settings_stay(string text, int lifetime, int after, string code)
    {
        var settings = InvitationSettings.CreateDefault();

        Assert.Equal(code, InvitationSettings.Check(text, lifetime, null, after)!.Code);
        Assert.Throws<CustomerService.Domain.Common.RuleViolationException>(() => settings.Update(text, lifetime, true, null, after));
        Assert.False(settings.AutoInviteEnabled);
        Assert.Equal(60, settings.LifetimeSeconds);
    }
}
