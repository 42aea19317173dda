namespace CustomerService.Web.Features.Branding;

/// <summary>
/// The built-in set (系统预置表情) the settings page lists. Emoji characters are text: a message carrying one stays text.
/// The console picker uses this list; the visitor page (chat/composer.js) keeps a copy of the same characters.
/// </summary>
public static class SystemEmoji
{
    public static readonly IReadOnlyList<string> All =
    [
        "😀", "😁", "😂", "🤣", "😊", "😍", "😘", "😎", "🤔", "😅", "😢", "😭", "😡", "😱", "😴", "🙄", "😉", "🙂", "🙃", "😇",
        "🥰", "😋", "😜", "🤗", "👍", "👎", "👌", "🙏", "👏", "💪", "🤝", "✌️", "👋", "❤️", "💔", "🎉", "🎁", "🌹", "☕", "🍉",
        "🔥", "⭐", "✅", "❌", "❓", "❗", "💯", "📦",
    ];
}
