using CustomerService.Domain.Visitors;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Visitors.Trajectory;

namespace CustomerService.Web.Features.Console;

/// <summary>
/// What the console's side panel and dialogs read about the visitor and the colleagues (SPEC F5, F7, D4), checked
/// against this circuit's console: who the agent is and which conversations he has. Scoped; holds nothing itself.
/// </summary>
public sealed class ConsoleReads(
    CircuitStore<ConsoleState> store,
    ConsoleQueries queries,
    ConversationEngine engine,
    VisitorTrajectoryQuery trajectory,
    Security.DataScopeFilter dataScope)
{
    private ConsoleState State => store.State;

    private int AgentId => State.AgentId;

    /// <summary>Everyone the agent could hand a conversation to, with status and load; <see cref="TransferTargets"/> filters.</summary>
    public async Task<IReadOnlyList<TransferCandidate>> TransferCandidatesAsync(long conversationId)
    {
        var presence = await engine.GetPresenceAsync();
        var directory = await queries.DirectoryAsync();
        var tile = State.Conversations.GetValueOrDefault(conversationId) ?? (State.Monitored?.Id == conversationId ? State.Monitored : null);
        var participants = tile?.Participants.Select(p => p.AgentId).ToHashSet() ?? [];
        return [.. presence
            .Where(p => p.AgentId != AgentId && directory.ContainsKey(p.AgentId))
            .Select(p => new TransferCandidate(
                p.AgentId, directory[p.AgentId].ExternalName, directory[p.AgentId].InternalName, directory[p.AgentId].AccountGroup,
                p.Status, p.Load, p.MaxLoad, participants.Contains(p.AgentId), p.IsConsoleConnected))];
    }

    /// <summary>The side panel's summary, for a conversation this console shows.</summary>
    public Task<VisitorSummary?> VisitorSummaryAsync(long conversationId) =>
        State.Conversations.ContainsKey(conversationId) || State.Monitored?.Id == conversationId
            ? queries.VisitorSummaryAsync(conversationId)
            : Task.FromResult<VisitorSummary?>(null);

    /// <summary>
    /// The side panel's summary for a visitor opened from 最近联系人 (issue 15: the panel stayed empty), through his
    /// latest conversation with me, for a visitor in this account's records scope only.
    /// </summary>
    public async Task<VisitorSummary?> ContactSummaryAsync(RecentContact contact)
    {
        if (!await dataScope.MaySeeVisitorAsync(AgentId, Domain.Security.ScopedModule.Records, contact.VisitorId))
        {
            return null;
        }

        var summary = await queries.VisitorSummaryAsync(contact.LastConversationId);
        return summary?.VisitorId == contact.VisitorId ? summary : null;
    }

    /// <summary>
    /// The visitor's history with every agent (SPEC F7) for a visitor in this account's records scope (SPEC B: one of
    /// my conversations or one I served before; my group's for a team lead; anyone for QC and admins); nobody else's
    /// (scoped in the query path, not by hiding the tab).
    /// </summary>
    public async Task<IReadOnlyList<HistoryMessage>> VisitorHistoryAsync(long visitorId)
    {
        var visible = await dataScope.MaySeeVisitorAsync(AgentId, Domain.Security.ScopedModule.Records, visitorId);
        return visible ? await queries.VisitorHistoryAsync(visitorId) : [];
    }

    /// <summary>用户轨迹 (SPEC E3, F7) of a visitor whose history this agent may read.</summary>
    public async Task<IReadOnlyList<Visit>> VisitorTrajectoryAsync(long visitorId)
    {
        var visible = await dataScope.MaySeeVisitorAsync(AgentId, Domain.Security.ScopedModule.Records, visitorId);
        return visible ? await trajectory.VisitsAsync(visitorId) : [];
    }
}
