using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>SPEC D6, D8, D9: the bounds of the enterprise's conversation settings.</summary>
public sealed class ConversationSettingsTests
{
    private static readonly AutoReplyTexts Texts = new("欢迎", "还在吗？", "请稍候");

    [Theory]
    [InlineData(9, 60, 15)]
    [InlineData(3601, 60, 15)]
    [InlineData(60, 9, 15)]
    [InlineData(60, 3601, 15)]
    [InlineData(60, 60, -1)]
    [InlineData(60, 60, 1441)]
    public void Auto_reply_delays_and_idle_closing_out_of_range_are_refused(int visitorNoReply, int agentWait, int idleClose)
    {
        var settings = ConversationSettings.CreateDefault();

        var refused = Assert.Throws<RuleViolationException>(() => settings.ChangeAutoReplies(Texts, visitorNoReply, agentWait, force: true, idleClose));

        Assert.Equal("Range", refused.Violation.Code);
        Assert.Equal(ConversationSettings.CreateDefault().WelcomeText, settings.WelcomeText);
        Assert.False(settings.ForceEnterpriseAutoReplies);
    }

    [Theory]
    [InlineData(10, 10, 0)]
    [InlineData(3600, 3600, 1440)]
    public void Auto_reply_bounds_themselves_are_accepted(int visitorNoReply, int agentWait, int idleClose)
    {
        Assert.Null(ConversationSettings.CheckAutoReplies(Texts, visitorNoReply, agentWait, idleClose));
    }

    [Fact]
    public void An_auto_reply_over_five_hundred_characters_is_too_long()
    {
        var violation = ConversationSettings.CheckAutoReplies(Texts with { AgentWait = new string('等', 501) }, 60, 60, 15);

        Assert.Equal(new RuleViolation("TooLong", "AutoReply.Text", 500).ToString(), violation?.ToString());
    }

    [Fact]
    public void Forcing_the_enterprise_texts_overrides_every_personal_text()
    {
        var settings = ConversationSettings.CreateDefault();
        var personal = new AgentAutoReply(7);
        personal.Change(new AutoReplyTexts("我是小美", null, null));

        Assert.Equal("我是小美", settings.TextsFor(personal).Welcome);
        settings.ChangeAutoReplies(Texts, 60, 60, force: true, 15);
        Assert.Equal(Texts, settings.TextsFor(personal));
    }

    [Fact]
    public void Evaluation_message_count_above_one_hundred_is_refused()
    {
        var settings = ConversationSettings.CreateDefault();

        Assert.Null(ConversationSettings.CheckEvaluation(new EvaluationSettings(true, 100, false)));
        var refused = Assert.Throws<RuleViolationException>(() => settings.ChangeEvaluation(new EvaluationSettings(true, 101, false)));

        Assert.Equal("Range", refused.Violation.Code);
        Assert.Equal(1, settings.MinVisitorMessagesToRate);
    }

    [Fact]
    public void Changing_the_evaluation_settings_keeps_all_three_values()
    {
        var settings = ConversationSettings.CreateDefault();

        settings.ChangeEvaluation(new EvaluationSettings(false, 3, true));

        Assert.Equal(new EvaluationSettings(false, 3, true), settings.Evaluation);
    }

    [Theory]
    [InlineData(15, 2048)]
    [InlineData(10241, 2048)]
    [InlineData(1024, 15)]
    [InlineData(1024, 20481)]
    public void Upload_limits_out_of_range_are_refused_and_the_old_limits_stay(int imageKb, int fileKb)
    {
        var settings = ConversationSettings.CreateDefault();

        var refused = Assert.Throws<RuleViolationException>(() => settings.ChangeUploadLimits(imageKb, fileKb));

        Assert.Equal("Range", refused.Violation.Code);
        Assert.Equal((1024, 2048), (settings.ImageMaxKilobytes, settings.FileMaxKilobytes));
    }

    [Fact]
    public void Upload_limits_within_range_are_kept()
    {
        var settings = ConversationSettings.CreateDefault();

        settings.ChangeUploadLimits(512, 10240);

        Assert.Equal((512, 10240), (settings.ImageMaxKilobytes, settings.FileMaxKilobytes));
    }

    [Fact]
    public void Without_personal_texts_an_agent_gets_the_enterprise_texts()
    {
        var settings = ConversationSettings.CreateDefault();
        settings.ChangeAutoReplies(Texts, 60, 60, force: false, 15);

        Assert.Equal(Texts, settings.TextsFor(null));
    }

    [Fact]
    public void Each_empty_personal_text_falls_back_to_the_enterprise_text_and_each_filled_one_wins()
    {
        var settings = ConversationSettings.CreateDefault();
        settings.ChangeAutoReplies(Texts, 60, 60, force: false, 15);
        var welcomeOnly = new AgentAutoReply(7);
        welcomeOnly.Change(new AutoReplyTexts("我是小美", "  ", null));
        var waitOnly = new AgentAutoReply(8);
        waitOnly.Change(new AutoReplyTexts(null, null, "马上好"));

        Assert.Equal(new AutoReplyTexts("我是小美", "还在吗？", "请稍候"), settings.TextsFor(welcomeOnly));
        Assert.Equal(new AutoReplyTexts("欢迎", "还在吗？", "马上好"), settings.TextsFor(waitOnly));
    }

    [Fact]
    public void Personal_texts_are_stored_trimmed_and_blank_ones_as_none()
    {
        var personal = new AgentAutoReply(7);

        personal.Change(new AutoReplyTexts("  我是小美 ", " ", "马上好"));

        Assert.Equal(("我是小美", null, "马上好"), (personal.WelcomeText, personal.VisitorNoReplyText, personal.AgentWaitText));
    }

    [Theory]
    [InlineData(501, 0, 0)]
    [InlineData(0, 501, 0)]
    [InlineData(0, 0, 501)]
    public void A_personal_text_over_five_hundred_characters_is_refused_and_nothing_changes(int welcome, int noReply, int wait)
    {
        var personal = new AgentAutoReply(7);
        personal.Change(new AutoReplyTexts("原来的", null, null));

        var thrown = Assert.Throws<RuleViolationException>(() => personal.Change(
            new AutoReplyTexts(new string('欢', welcome), new string('在', noReply), new string('等', wait))));

        Assert.Equal("TooLong", thrown.Violation.Code);
        Assert.Equal("原来的", personal.WelcomeText);
    }

    [Fact]
    public void Auto_replies_of_exactly_five_hundred_characters_are_accepted()
    {
        var longest = new string('好', ConversationSettings.AutoReplyMaxLength);

        Assert.Null(ConversationSettings.CheckAutoReplies(new AutoReplyTexts(longest, longest, longest), 60, 60, 15));
    }

    [Theory]
    [InlineData(501, 0)]
    [InlineData(0, 501)]
    public void Enterprise_welcome_or_no_reply_text_over_five_hundred_characters_is_refused(int welcome, int noReply)
    {
        var texts = new AutoReplyTexts(new string('欢', welcome), new string('在', noReply), null);

        Assert.Equal("TooLong", ConversationSettings.CheckAutoReplies(texts, 60, 60, 15)?.Code);
    }

    [Fact]
    public void Changing_the_auto_replies_stores_trimmed_texts_the_delays_and_idle_closing()
    {
        var settings = ConversationSettings.CreateDefault();

        settings.ChangeAutoReplies(new AutoReplyTexts(" 欢迎 ", null, " 请稍候 "), 30, 45, force: true, 20);

        Assert.Equal(("欢迎", "", "请稍候"), (settings.WelcomeText, settings.VisitorNoReplyText, settings.AgentWaitText));
        Assert.Equal((30, 45, true, 20), (settings.VisitorNoReplySeconds, settings.AgentWaitSeconds, settings.ForceEnterpriseAutoReplies, settings.IdleCloseMinutes));
    }

    [Fact]
    public void Refused_auto_replies_change_nothing()
    {
        var settings = ConversationSettings.CreateDefault();

        Assert.Throws<RuleViolationException>(() => settings.ChangeAutoReplies(Texts, 5, 60, force: true, 15));

        Assert.Equal((180, false), (settings.VisitorNoReplySeconds, settings.ForceEnterpriseAutoReplies));
    }

    [Theory]
    [InlineData(null, "文本", null, "Required")]
    [InlineData(" ", null, "https://shop.example.com/", "Required")]
    [InlineData("九个字的页签标题啊", "文本", null, "TooLong")]
    [InlineData("售后", " ", " ", "CustomTabEmpty")]
    [InlineData("售后", null, "ftp://shop.example.com/", "UrlFormat")]
    [InlineData("售后", null, "/relative", "UrlFormat")]
    public void A_custom_tab_without_a_title_or_content_or_with_a_bad_link_is_refused(string? title, string? text, string? url, string code) =>
        Assert.Equal(code, ConversationSettings.CheckCustomTab(title, text, url)?.Code);

    [Fact]
    public void A_custom_tab_text_or_link_over_its_limit_is_refused()
    {
        Assert.Equal("TooLong", ConversationSettings.CheckCustomTab("售后", new string('文', 2001), null)?.Code);
        Assert.Equal("UrlFormat", ConversationSettings.CheckCustomTab("售后", null, "https://shop.example.com/" + new string('a', 500))?.Code);
    }

    [Theory]
    [InlineData("八个字的页签标题", "文本", null)]
    [InlineData("售后", null, "http://shop.example.com/help")]
    [InlineData(null, null, null)]
    public void A_custom_tab_with_a_short_title_and_text_or_link_or_no_tab_at_all_is_accepted(string? title, string? text, string? url) =>
        Assert.Null(ConversationSettings.CheckCustomTab(title, text, url));

    [Fact]
    public void A_custom_tab_at_its_limits_is_accepted()
    {
        Assert.Null(ConversationSettings.CheckCustomTab("售后", new string('文', 2000), null));
        Assert.Null(ConversationSettings.CheckCustomTab("售后", null, "https://s.cn/" + new string('a', 487)));
    }

    [Fact]
    public void Changing_the_custom_tab_stores_it_trimmed_and_an_empty_title_removes_it()
    {
        var settings = ConversationSettings.CreateDefault();

        settings.ChangeCustomTab(" 售后 ", " 七天无理由退货 ", " https://shop.example.com/help ");
        var stored = (settings.CustomTabTitle, settings.CustomTabText, settings.CustomTabUrl);
        settings.ChangeCustomTab(null, null, null);

        Assert.Equal(("售后", "七天无理由退货", "https://shop.example.com/help"), stored);
        Assert.Equal((null, null, null), (settings.CustomTabTitle, settings.CustomTabText, settings.CustomTabUrl));
    }

    [Fact]
    public void A_custom_tab_with_text_only_stores_no_link()
    {
        var settings = ConversationSettings.CreateDefault();

        settings.ChangeCustomTab("售后", "文本", "");

        Assert.Equal(("文本", null), (settings.CustomTabText, settings.CustomTabUrl));
    }

    [Fact]
    public void Evaluation_message_counts_from_zero_to_one_hundred_are_accepted()
    {
        Assert.Null(ConversationSettings.CheckEvaluation(new EvaluationSettings(true, 0, false)));
        Assert.Null(ConversationSettings.CheckEvaluation(new EvaluationSettings(true, 100, false)));
    }

    [Fact]
    public void Requiring_a_summary_on_close_can_be_switched_on_and_off()
    {
        var settings = ConversationSettings.CreateDefault();

        settings.RequireSummaryOnClose(true);
        var on = settings.SummaryRequiredOnClose;
        settings.RequireSummaryOnClose(false);

        Assert.Equal((true, false), (on, settings.SummaryRequiredOnClose));
    }

    [Fact]
    public void A_new_enterprise_starts_with_the_default_texts_delays_rating_and_upload_limits()
    {
        var settings = ConversationSettings.CreateDefault();

        Assert.Equal(
            (1, "您好，很高兴为您服务，请问有什么可以帮您？", "您好，请问您还在吗？如有问题请随时留言。", "客服正在为您查询，请稍候。"),
            (settings.Id, settings.WelcomeText, settings.VisitorNoReplyText, settings.AgentWaitText));
        Assert.Equal((180, 60, 15, false), (settings.VisitorNoReplySeconds, settings.AgentWaitSeconds, settings.IdleCloseMinutes, settings.ForceEnterpriseAutoReplies));
        Assert.Equal(new EvaluationSettings(true, 1, false), settings.Evaluation);
        Assert.Equal((1024, 2048), (settings.ImageMaxKilobytes, settings.FileMaxKilobytes));
        Assert.Equal((null, null, null, false), (settings.CustomTabTitle, settings.CustomTabText, settings.CustomTabUrl, settings.SummaryRequiredOnClose));
    }

    [Fact]
    public void Enterprise_auto_replies_left_empty_are_stored_as_empty_texts_that_send_nothing()
    {
        var settings = ConversationSettings.CreateDefault();

        settings.ChangeAutoReplies(new AutoReplyTexts(null, null, null), 60, 60, force: false, 0);

        Assert.Equal(("", "", ""), (settings.WelcomeText, settings.VisitorNoReplyText, settings.AgentWaitText));
    }

    [Theory]
    [InlineData(9, 60, 15, "Range(AutoReply.Delay, 10, 3600)")]
    [InlineData(60, 3601, 15, "Range(AutoReply.Delay, 10, 3600)")]
    [InlineData(60, 60, 1441, "Range(AutoReply.IdleClose, 0, 1440)")]
    public void An_out_of_range_delay_names_its_field_and_bounds(int visitorNoReply, int agentWait, int idleClose, string expected) =>
        Assert.Equal(expected, ConversationSettings.CheckAutoReplies(Texts, visitorNoReply, agentWait, idleClose)?.ToString());

    [Fact]
    public void An_over_long_text_is_reported_before_an_out_of_range_delay()
    {
        var texts = Texts with { Welcome = new string('欢', 501) };

        Assert.Equal("TooLong(AutoReply.Text, 500)", ConversationSettings.CheckAutoReplies(texts, 9, 9, -1)?.ToString());
    }

    [Fact]
    public void The_no_reply_delay_is_reported_before_the_wait_delay_and_both_before_idle_closing()
    {
        Assert.Equal("Range(AutoReply.Delay, 10, 3600)", ConversationSettings.CheckAutoReplies(Texts, 9, 60, -1)?.ToString());
        Assert.Equal("Range(AutoReply.Delay, 10, 3600)", ConversationSettings.CheckAutoReplies(Texts, 60, 9, -1)?.ToString());
    }

    [Fact]
    public void An_out_of_range_evaluation_count_names_its_field_and_bounds() =>
        Assert.Equal(
            "Range(Evaluation.MinVisitorMessages, 0, 100)",
            ConversationSettings.CheckEvaluation(new EvaluationSettings(true, 101, false))?.ToString());

    [Fact]
    public void Out_of_range_upload_limits_name_their_field_and_bounds_image_first()
    {
        Assert.Equal("Range(ChatWindow.ImageMaxKilobytes, 16, 10240)", ConversationSettings.CheckUploadLimits(15, 20481)?.ToString());
        Assert.Equal("Range(ChatWindow.FileMaxKilobytes, 16, 20480)", ConversationSettings.CheckUploadLimits(1024, 20481)?.ToString());
    }

    [Theory]
    [InlineData(null, "文本", null, "Required(ChatWindow.CustomTabTitle)")]
    [InlineData("九个字的页签标题啊", "文本", null, "TooLong(ChatWindow.CustomTabTitle, 8)")]
    [InlineData("售后", null, null, "CustomTabEmpty")]
    public void A_refused_custom_tab_names_its_field(string? title, string? text, string? url, string expected) =>
        Assert.Equal(expected, ConversationSettings.CheckCustomTab(title, text, url)?.ToString());

    [Fact]
    public void A_custom_tab_text_over_two_thousand_characters_names_its_field() =>
        Assert.Equal("TooLong(ChatWindow.CustomTabText, 2000)", ConversationSettings.CheckCustomTab("售后", new string('文', 2001), null)?.ToString());

    [Fact]
    public void A_refused_custom_tab_keeps_the_old_tab()
    {
        var settings = ConversationSettings.CreateDefault();
        settings.ChangeCustomTab("售后", "七天无理由退货", null);

        Assert.Throws<RuleViolationException>(() => settings.ChangeCustomTab("售后", null, "ftp://shop.example.com/"));

        Assert.Equal(("售后", "七天无理由退货", null), (settings.CustomTabTitle, settings.CustomTabText, settings.CustomTabUrl));
    }

    [Fact]
    public void A_custom_tab_with_a_link_only_stores_no_text()
    {
        var settings = ConversationSettings.CreateDefault();

        settings.ChangeCustomTab("售后", "  ", "https://shop.example.com/help");

        Assert.Equal((null, "https://shop.example.com/help"), (settings.CustomTabText, settings.CustomTabUrl));
    }

    [Fact]
    public void Missing_texts_or_evaluation_settings_are_programming_errors()
    {
        Assert.Throws<ArgumentNullException>(() => ConversationSettings.CheckAutoReplies(null!, 60, 60, 15));
        Assert.Throws<ArgumentNullException>(() => ConversationSettings.CheckEvaluation(null!));
        Assert.Throws<ArgumentNullException>(() => new AgentAutoReply(7).Change(null!));
    }

    [Fact]
    public void A_negative_evaluation_count_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EvaluationSettings(true, -1, false));
}

