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
}
