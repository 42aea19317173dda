using System.ComponentModel.DataAnnotations;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>Configuration section <c>Engine</c>.</summary>
public sealed class EngineOptions
{
    public const string Section = "Engine";

    /// <summary>How long an agent's console may be gone (refresh, network) before he becomes Offline (SPEC D1).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PresenceGracePeriod { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often timers (auto-replies, idle closing, presence) and the queue sweep run.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a queued visitor may show no sign of life (no open event stream, no request) before his request is
    /// abandoned, so visitors behind him move up (SPEC D3).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan QueuedVisitorTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Most requests committed in one transaction; more throughput per commit, longer waits behind a big one.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 256;
}
