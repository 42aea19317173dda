using CustomerService.Domain.Conversations;

namespace CustomerService.Domain.Kpi;

/// <summary>One stretch of an agent's status log (<see cref="AgentStatusPeriod"/>); an open stretch has no end yet.</summary>
public readonly record struct StatusStretch(AgentStatus Status, DateTime StartedAt, DateTime? EndedAt);

/// <summary>
/// Time an agent spent in each status within a window (seed 002 工时统计 / 工作时长). The seed defines the two totals the
/// console shows for today (SPEC F4): 在线时长 = Online + Busy, 登录时长 = Online + Busy + Away. Offline is never timed.
/// </summary>
public sealed record WorkHours(TimeSpan Online, TimeSpan Busy, TimeSpan Away)
{
    public static WorkHours Zero { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>在线时长: Online and Busy.</summary>
    public TimeSpan OnlineTime => Online + Busy;

    /// <summary>登录时长: Online, Busy and Away.</summary>
    public TimeSpan LoginTime => Online + Busy + Away;

    /// <summary>
    /// Sums the stretches clipped to [<paramref name="from"/>, <paramref name="to"/>): a stretch begun before the window
    /// counts from its start, an open stretch runs until <paramref name="to"/>.
    /// </summary>
    public static WorkHours Of(IEnumerable<StatusStretch> stretches, DateTime from, DateTime to)
    {
        ArgumentNullException.ThrowIfNull(stretches);
        var online = TimeSpan.Zero;
        var busy = TimeSpan.Zero;
        var away = TimeSpan.Zero;
        foreach (var stretch in stretches)
        {
            var start = stretch.StartedAt < from ? from : stretch.StartedAt;
            var end = stretch.EndedAt is { } ended && ended < to ? ended : to;
            if (end <= start)
            {
                continue;
            }

            var length = end - start;
            switch (stretch.Status)
            {
                case AgentStatus.Online:
                    online += length;
                    break;
                case AgentStatus.Busy:
                    busy += length;
                    break;
                case AgentStatus.Away:
                    away += length;
                    break;
                case AgentStatus.Offline:
                    break;
            }
        }

        return new WorkHours(online, busy, away);
    }
}
