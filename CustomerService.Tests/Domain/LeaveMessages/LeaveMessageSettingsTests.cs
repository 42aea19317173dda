using CustomerService.Domain.Common;
using CustomerService.Domain.LeaveMessages;

namespace CustomerService.Tests.Domain.LeaveMessages;

/// <summary>SPEC K 留言设置: the form's switch, its fields' modes and the notice above it.</summary>
public sealed class LeaveMessageSettingsTests
{
    private const LeaveMessageFieldMode Hidden = LeaveMessageFieldMode.Hidden;
    private const LeaveMessageFieldMode Optional = LeaveMessageFieldMode.Optional;
    private const LeaveMessageFieldMode Required = LeaveMessageFieldMode.Required;

    private static readonly LeaveMessageOptions AllHidden = new(true, Hidden, Hidden, Hidden, Hidden, null);

    [Fact]
    public void An_enterprise_that_never_opened_the_page_gets_the_form_with_content_required_and_contacts_optional() =>
        Assert.Equal(new LeaveMessageOptions(true, Optional, Optional, Optional, Required, null), LeaveMessageSettings.DefaultOptions);

    [Fact]
    public void The_settings_are_the_enterprises_single_row_and_keep_every_option()
    {
        var options = new LeaveMessageOptions(false, Required, Hidden, Optional, Required, "客服下班了，请留言");

        var settings = new LeaveMessageSettings(options);

        Assert.Equal(LeaveMessageSettings.SingletonId, settings.Id);
        Assert.Equal(options, settings.Options);
        Assert.Equal((false, Required, Hidden, Optional, Required), (settings.Enabled, settings.NameMode, settings.PhoneMode, settings.EmailMode, settings.ContentMode));
    }

    [Fact]
    public void The_notice_is_trimmed_and_a_blank_one_is_none()
    {
        var settings = new LeaveMessageSettings(LeaveMessageSettings.DefaultOptions with { Notice = " 请留下手机号 " });
        Assert.Equal("请留下手机号", settings.Notice);

        settings.Change(LeaveMessageSettings.DefaultOptions with { Notice = "  " });
        Assert.Null(settings.Notice);
    }

    [Fact]
    public void A_notice_of_five_hundred_characters_is_accepted_and_one_more_is_too_long()
    {
        Assert.Null(LeaveMessageSettings.Check(LeaveMessageSettings.DefaultOptions with { Notice = " " + new string('留', 500) + " " }));
        Assert.Equal(
            "TooLong(LeaveMessage.Notice, 500)",
            LeaveMessageSettings.Check(LeaveMessageSettings.DefaultOptions with { Notice = new string('留', 501) })?.ToString());
    }

    [Fact]
    public void A_form_that_asks_for_nothing_is_refused() =>
        Assert.Equal("LeaveMessageNoFields", LeaveMessageSettings.Check(AllHidden)?.ToString());

    [Fact]
    public void A_form_showing_any_one_field_is_accepted()
    {
        Assert.Null(LeaveMessageSettings.Check(AllHidden with { Name = Optional }));
        Assert.Null(LeaveMessageSettings.Check(AllHidden with { Phone = Required }));
        Assert.Null(LeaveMessageSettings.Check(AllHidden with { Email = Optional }));
        Assert.Null(LeaveMessageSettings.Check(AllHidden with { Content = Required }));
    }

    [Fact]
    public void A_refused_change_keeps_the_old_settings()
    {
        var settings = new LeaveMessageSettings(LeaveMessageSettings.DefaultOptions);

        Assert.Throws<RuleViolationException>(() => settings.Change(AllHidden with { Enabled = false }));

        Assert.Equal(LeaveMessageSettings.DefaultOptions, settings.Options);
    }
}
