using CustomerService.Domain.Conversations;

namespace CustomerService.Web.Features.Console;

/// <summary>A colleague as the transfer dialog lists him.</summary>
public sealed record TransferCandidate(
    int AgentId,
    string ExternalName,
    string InternalName,
    string AccountGroup,
    AgentStatus Status,
    int Load,
    int MaxLoad,
    bool IsParticipant,
    bool IsConsoleConnected = true)
{
    public bool IsAtMaxLoad => Load >= MaxLoad;
}

/// <summary>
/// Who a conversation may be offered to (SPEC D4): colleagues who are Online or Busy, at a console, and not in it
/// already. Away and Offline ones, and those whose console closed (grace period, issue 15), are not offered at all (the
/// engine would refuse them too). Online first, then by load.
/// </summary>
public static class TransferTargets
{
    public static IReadOnlyList<TransferCandidate> Eligible(IEnumerable<TransferCandidate> candidates) =>
        [.. candidates
            .Where(c => c.Status is AgentStatus.Online or AgentStatus.Busy && c.IsConsoleConnected && !c.IsParticipant)
            .OrderBy(c => c.Status)
            .ThenBy(c => c.Load)
            .ThenBy(c => c.ExternalName, StringComparer.Ordinal)];
}
