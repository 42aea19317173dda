using System.ComponentModel.DataAnnotations;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>Configuration section <c>VisitorApi</c>: rate limits of the visitor endpoints (SPEC M).</summary>
public sealed class VisitorApiOptions
{
    public const string Section = "VisitorApi";

    /// <summary>Messages, uploads and ratings one visitor token may post per window.</summary>
    [Range(1, 100_000)]
    public int PostsPerTokenPerWindow { get; set; } = 20;

    /// <summary>All visitor requests from one IP per window (a shop's office may share one IP).</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerIpPerWindow { get; set; } = 600;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Session starts one IP may make per <see cref="SessionStartWindow"/>: each may take an agent's slot, so a script
    /// starting sessions in a loop would otherwise fill every agent. Load tests on one machine raise it.
    /// </summary>
    [Range(1, 10_000_000)]
    public int SessionStartsPerIpPerWindow { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SessionStartWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How old a widget signature may be (SPEC E1); older ones make the visitor anonymous.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan SignatureMaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A comment line on idle event streams so proxies keep them open.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan StreamKeepAlive { get; set; } = TimeSpan.FromSeconds(15);
}
