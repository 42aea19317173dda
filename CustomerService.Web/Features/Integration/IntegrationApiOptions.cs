using System.ComponentModel.DataAnnotations;

namespace CustomerService.Web.Features.Integration;

/// <summary>Settings of the integration API (section <c>IntegrationApi</c>, SPEC L).</summary>
public sealed class IntegrationApiOptions
{
    public const string Section = "IntegrationApi";

    /// <summary>Requests one API key may make per minute; beyond it the answer is 429 with <c>Retry-After</c>.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 600;
}
