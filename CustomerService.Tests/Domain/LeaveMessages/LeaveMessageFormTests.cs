using CustomerService.Domain.LeaveMessages;

namespace CustomerService.Tests.Domain.LeaveMessages;

/// <summary>SPEC E2/N2: the visitor's leave-message form checked against the enterprise's 留言设置.</summary>
public sealed class LeaveMessageFormTests
{
    private static readonly LeaveMessageOptions AllRequired = LeaveMessageSettings.DefaultOptions with
    {
        Name = LeaveMessageFieldMode.Required,
        Phone = LeaveMessageFieldMode.Required,
        Email = LeaveMessageFieldMode.Required,
        Content = LeaveMessageFieldMode.Required,
    };

    [Fact]
    public void A_complete_form_passes()
    {
        Assert.Null(LeaveMessageForm.Check(AllRequired, "张三", "138 0013 8000", "zhang@example.com", "请联系我"));
    }

    [Theory]
    [InlineData(null, "13800138000", "a@example.com", "内容", "LeaveMessage.Name")]
    [InlineData("张三", " ", "a@example.com", "内容", "LeaveMessage.Phone")]
    [InlineData("张三", "13800138000", "", "内容", "LeaveMessage.Email")]
    [InlineData("张三", "13800138000", "a@example.com", null, "LeaveMessage.Content")]
    public void A_missing_required_field_is_named(string? name, string? phone, string? email, string? content, string field)
    {
        var violation = LeaveMessageForm.Check(AllRequired, name, phone, email, content);

        Assert.Equal("Required", violation?.Code);
        Assert.Equal(field, violation!.Arguments.Single());
    }

    [Fact]
    public void Optional_fields_may_be_left_empty()
    {
        Assert.Null(LeaveMessageForm.Check(LeaveMessageSettings.DefaultOptions, null, "", null, "请联系我"));
    }

    [Fact]
    public void A_malformed_email_is_refused_even_when_optional()
    {
        Assert.Equal("EmailFormat", LeaveMessageForm.Check(LeaveMessageSettings.DefaultOptions, null, null, "not-an-email", "内容")?.Code);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("123")]
    [InlineData("1380013800013800138000")]
    public void A_malformed_phone_is_refused(string phone)
    {
        Assert.Equal("PhoneFormat", LeaveMessageForm.Check(LeaveMessageSettings.DefaultOptions, null, phone, null, "内容")?.Code);
    }

    [Fact]
    public void Content_of_five_hundred_characters_passes_and_one_more_is_too_long()
    {
        Assert.Null(LeaveMessageForm.Check(LeaveMessageSettings.DefaultOptions, null, null, null, new string('留', 500)));

        var violation = LeaveMessageForm.Check(LeaveMessageSettings.DefaultOptions, null, null, null, new string('留', 501));

        Assert.Equal("TooLong", violation?.Code);
        Assert.Equal(["LeaveMessage.Content", 500], violation!.Arguments);
    }

    [Fact]
    public void Hidden_fields_are_not_checked()
    {
        var hidden = LeaveMessageSettings.DefaultOptions with
        {
            Name = LeaveMessageFieldMode.Hidden,
            Phone = LeaveMessageFieldMode.Hidden,
            Email = LeaveMessageFieldMode.Hidden,
        };

        Assert.Null(LeaveMessageForm.Check(hidden, new string('名', 100), "abc", "not-an-email", "内容"));
    }

    [Fact]
    public void Nothing_is_accepted_when_leaving_messages_is_switched_off()
    {
        var off = LeaveMessageSettings.DefaultOptions with { Enabled = false };

        Assert.Equal("LeaveMessageDisabled", LeaveMessageForm.Check(off, "张三", null, null, "内容")?.Code);
    }

    [Fact]
    public void Settings_that_hide_every_field_are_refused()
    {
        var nothing = new LeaveMessageOptions(true, LeaveMessageFieldMode.Hidden, LeaveMessageFieldMode.Hidden,
            LeaveMessageFieldMode.Hidden, LeaveMessageFieldMode.Hidden, null);

        Assert.Equal("LeaveMessageNoFields", LeaveMessageSettings.Check(nothing)?.Code);
    }

    [Fact]
    public void Of_several_wrong_fields_the_first_in_the_forms_order_is_reported()
    {
        var longName = new string('张', 33);

        Assert.Equal("TooLong", LeaveMessageForm.Check(AllRequired, longName, null, "bad", null)?.Code);
        Assert.Equal("Required(LeaveMessage.Phone)", LeaveMessageForm.Check(AllRequired, "张三", null, "bad", null)?.ToString());
        Assert.Equal("PhoneFormat", LeaveMessageForm.Check(AllRequired, "张三", "call me", null, null)?.ToString());
        Assert.Equal("Required(LeaveMessage.Email)", LeaveMessageForm.Check(AllRequired, "张三", "13800138000", null, null)?.ToString());
        Assert.Equal("EmailFormat", LeaveMessageForm.Check(AllRequired, "张三", "13800138000", "bad", new string('长', 501))?.ToString());
        Assert.Equal("Required(LeaveMessage.Content)", LeaveMessageForm.Check(AllRequired, "张三", "13800138000", "a@example.com", " ")?.ToString());
    }

    [Fact]
    public void A_name_names_its_field_and_limit() =>
        Assert.Equal("TooLong(LeaveMessage.Name, 32)", LeaveMessageForm.Check(AllRequired, new string('张', 33), "13800138000", "a@example.com", "内容")?.ToString());

    [Fact]
    public void Missing_settings_are_a_programming_error()
    {
        Assert.Throws<ArgumentNullException>(() => LeaveMessageForm.Check((LeaveMessageOptions)null!, "张三", null, null, "内容"));
        Assert.Throws<ArgumentNullException>(() => LeaveMessageForm.Check((LeaveMessageSettings)null!, "张三", null, null, "内容"));
    }

    [Fact]
    public void The_stored_settings_are_checked_like_their_options() =>
        Assert.Equal(
            "Required(LeaveMessage.Content)",
            LeaveMessageForm.Check(new LeaveMessageSettings(LeaveMessageSettings.DefaultOptions), null, null, null, "")?.ToString());
}

