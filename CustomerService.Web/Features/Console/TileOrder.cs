namespace CustomerService.Web.Features.Console;

/// <summary>
/// How 我的咨询 is ordered and what Ctrl+Tab picks (SPEC F2). Urgency is how long a visitor has been waiting for an
/// answer: waiting conversations come first, longest wait first; then answered ones in the order they arrived; ended
/// ones (kept for 快捷关闭) last.
/// </summary>
public static class TileOrder
{
    public static IReadOnlyList<ConversationTile> ForList(IEnumerable<ConversationTile> tiles) =>
        [.. tiles
            .OrderBy(t => t.IsEnded ? 2 : t.IsWaiting ? 0 : 1)
            .ThenBy(t => t.IsWaiting ? t.UnansweredSince : null)
            .ThenBy(t => t.IsEnded ? t.EndedAt : t.AssignedAt ?? t.RequestedAt)
            .ThenBy(t => t.Id)];

    /// <summary>
    /// The conversation Ctrl+Tab jumps to: the longest-waiting one; when that is already open, the next waiting one, so
    /// pressing again walks through everyone waiting. Null when nobody waits (or only the open one does).
    /// </summary>
    public static long? MostUrgent(IEnumerable<ConversationTile> tiles, long? currentId)
    {
        var waiting = tiles.Where(t => t.IsWaiting).OrderBy(t => t.UnansweredSince).ThenBy(t => t.Id).Select(t => t.Id).ToList();
        if (waiting.Count == 0)
        {
            return null;
        }

        var index = currentId is { } current ? waiting.IndexOf(current) : -1;
        if (index < 0)
        {
            return waiting[0];
        }

        return waiting.Count == 1 ? null : waiting[(index + 1) % waiting.Count];
    }
}
