using CustomerService.Domain.Organisation;

namespace CustomerService.Tests.Domain.Organisation;

/// <summary>SPEC F11 聊天设置: one account's console preferences.</summary>
public sealed class ChatPreferencesTests
{
    [Fact]
    public void Without_a_row_enter_sends_a_sound_plays_and_nothing_pops_up() =>
        Assert.Equal(new ChatPreferenceValues(SendKey.Enter, NewMessageSound: true, ForcePopup: false), ChatPreferences.Defaults);

    [Fact]
    public void Preferences_belong_to_their_account_and_keep_every_value()
    {
        var values = new ChatPreferenceValues(SendKey.CtrlEnter, NewMessageSound: false, ForcePopup: true);

        var preferences = new ChatPreferences(7, values);

        Assert.Equal((7, SendKey.CtrlEnter, false, true), (preferences.AccountId, preferences.SendKey, preferences.NewMessageSound, preferences.ForcePopup));
        Assert.Equal(values, preferences.Values);
    }

    [Fact]
    public void Changing_replaces_every_value()
    {
        var preferences = new ChatPreferences(7, ChatPreferences.Defaults);
        var values = new ChatPreferenceValues(SendKey.CtrlEnter, NewMessageSound: false, ForcePopup: true);

        preferences.Change(values);

        Assert.Equal(values, preferences.Values);
    }

    [Fact]
    public void Changing_to_no_values_is_a_programming_error() =>
        Assert.Throws<ArgumentNullException>(() => new ChatPreferences(7, ChatPreferences.Defaults).Change(null!));
}
