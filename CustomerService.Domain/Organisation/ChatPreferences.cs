namespace CustomerService.Domain.Organisation;

/// <summary>Which key sends the message in the console's input box (SPEC E2/F11); the other one inserts a line break.</summary>
public enum SendKey
{
    Enter = 0,
    CtrlEnter = 1,
}

/// <summary>
/// 聊天设置 (SPEC F11; seed 002 “个人设置 5.聊天设置”): one account's console preferences. Accounts without a row use
/// <see cref="Defaults"/>.
/// </summary>
public class ChatPreferences
{
    private ChatPreferences()
    {
    }

    public ChatPreferences(int accountId, ChatPreferenceValues values)
    {
        AccountId = accountId;
        Change(values);
    }

    /// <summary>Enter sends, a sound on new messages, no forced pop-up.</summary>
    public static ChatPreferenceValues Defaults { get; } = new(SendKey.Enter, NewMessageSound: true, ForcePopup: false);

    public int AccountId { get; private set; }
    public SendKey SendKey { get; private set; }

    /// <summary>新消息提示音.</summary>
    public bool NewMessageSound { get; private set; }

    /// <summary>新消息强制弹窗: bring the console to the front when a visitor writes.</summary>
    public bool ForcePopup { get; private set; }

    public ChatPreferenceValues Values => new(SendKey, NewMessageSound, ForcePopup);

    public void Change(ChatPreferenceValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        SendKey = values.SendKey;
        NewMessageSound = values.NewMessageSound;
        ForcePopup = values.ForcePopup;
    }
}

/// <summary>The values of <see cref="ChatPreferences"/>, as the console reads them.</summary>
public sealed record ChatPreferenceValues(SendKey SendKey, bool NewMessageSound, bool ForcePopup);
