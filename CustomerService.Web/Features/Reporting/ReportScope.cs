using System.Globalization;

namespace CustomerService.Web.Features.Reporting;

/// <summary>What a scope selector picks (SPEC I3).</summary>
public enum ReportScopeKind
{
    /// <summary>Everything the caller may see: the enterprise for an admin, his account group for a team lead, himself for a sales agent.</summary>
    Reach,

    /// <summary>One account group (账号分组) within reach.</summary>
    AccountGroup,

    /// <summary>One agent within reach.</summary>
    Agent,
}

/// <summary>
/// A KPI scope as it travels in a page's or download's query string (<c>scope=group-3</c>, <c>scope=agent-12</c>; none =
/// <see cref="ReportScopeKind.Reach"/>). Whether the caller may have it is decided by
/// <see cref="ReportAudienceResolver.WithinReachAsync"/>, never by which options a page offered.
/// </summary>
public readonly record struct ReportScope(ReportScopeKind Kind, int Id)
{
    public static ReportScope Reach { get; } = new(ReportScopeKind.Reach, 0);

    public static ReportScope AccountGroup(int id) => new(ReportScopeKind.AccountGroup, id);

    public static ReportScope Agent(int id) => new(ReportScopeKind.Agent, id);

    /// <summary>Reads a query value; an empty one is <see cref="Reach"/>; an unreadable one is no scope at all.</summary>
    public static bool TryParse(string? text, out ReportScope scope)
    {
        scope = Reach;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return false;
        }

        switch (text[..dash])
        {
            case "group":
                scope = AccountGroup(id);
                return true;
            case "agent":
                scope = Agent(id);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The query value; <see cref="Reach"/> is the empty string.</summary>
    public override string ToString() => Kind switch
    {
        ReportScopeKind.AccountGroup => string.Create(CultureInfo.InvariantCulture, $"group-{Id}"),
        ReportScopeKind.Agent => string.Create(CultureInfo.InvariantCulture, $"agent-{Id}"),
        _ => string.Empty,
    };
}
