using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>Issue 15: the console's wait-timer thresholds, kept in the conversation settings.</summary>
public sealed class WaitThresholdsTests
{
    [Fact]
    public void New_settings_turn_amber_at_30_seconds_and_red_at_60()
    {
        Assert.Equal(new WaitThresholds(30, 60), ConversationSettings.CreateDefault().WaitThresholds);
    }

    [Fact]
    public void Red_must_come_after_amber_and_a_refused_change_changes_nothing()
    {
        var settings = ConversationSettings.CreateDefault();

        Assert.Equal("Range", ConversationSettings.CheckWaitThresholds(60, 60)!.Code);
        Assert.Equal("Range", ConversationSettings.CheckWaitThresholds(0, 60)!.Code);
        Assert.Throws<RuleViolationException>(() => settings.ChangeWaitThresholds(90, 45));
        Assert.Equal(new WaitThresholds(30, 60), settings.WaitThresholds);

        settings.ChangeWaitThresholds(20, 45);
        Assert.Equal(new WaitThresholds(20, 45), settings.WaitThresholds);
    }
}
