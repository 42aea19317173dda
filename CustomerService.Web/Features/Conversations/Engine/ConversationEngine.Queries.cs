using CustomerService.Domain.Conversations;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>
/// Reads of the live state. They go through the same loop as changes, so what they return is consistent with the events a
/// caller has seen: subscribe first, then read, and nothing falls between the two.
/// </summary>
public sealed partial class ConversationEngine
{
    public Task<ConversationView?> GetConversationAsync(long conversationId) => Submit(async batch =>
        LiveOrNull(conversationId) is { } live ? await ViewAsync(batch, live) : null);

    /// <summary>The visitor's open conversation, if any (SPEC N2: a returning visitor is recognised).</summary>
    public Task<ConversationView?> GetOpenConversationOfVisitorAsync(long visitorId) => Submit(async batch =>
        _openByVisitor.TryGetValue(visitorId, out var id) && LiveOrNull(id) is { } live ? await ViewAsync(batch, live) : null);

    /// <summary>The agent's open conversations, the ones he owns and the ones he joined (SPEC F1 我的咨询).</summary>
    public Task<IReadOnlyList<ConversationView>> GetConversationsOfAgentAsync(int agentId) => Submit(async batch =>
    {
        var views = new List<ConversationView>();
        foreach (var live in _live.Values.Where(l => l.Entity.ParticipantOf(agentId) is not null).OrderBy(l => l.Entity.RequestedAt))
        {
            views.Add(await ViewAsync(batch, live));
        }

        return (IReadOnlyList<ConversationView>)views;
    });

    /// <summary>Every open conversation (SPEC F1 同事会话, F9 colleagues); the caller checks the viewer may see them.</summary>
    public Task<IReadOnlyList<ConversationView>> GetOpenConversationsAsync() => Submit(async batch =>
    {
        var views = new List<ConversationView>();
        foreach (var live in _live.Values.OrderBy(l => l.Entity.RequestedAt))
        {
            views.Add(await ViewAsync(batch, live));
        }

        return (IReadOnlyList<ConversationView>)views;
    });

    public Task<IReadOnlyList<AgentPresenceView>> GetPresenceAsync() => Submit(async batch =>
    {
        var roster = await batch.RosterAsync();
        var loads = Loads();
        return (IReadOnlyList<AgentPresenceView>)roster.Agents.Values
            .Where(a => a.IsEnabled)
            .Select(a => new AgentPresenceView(a.Id, StatusOf(a.Id), _presence.GetValueOrDefault(a.Id)?.Since, loads.GetValueOrDefault(a.Id), a.MaxLoad)
            {
                IsConsoleConnected = IsConsoleConnected(a.Id),
            })
            .ToList();
    });

    /// <summary>Waiting visitors per reception group (SPEC F4), private-contact queues counted with the group asked.</summary>
    public Task<IReadOnlyDictionary<int, int>> GetQueueLengthsAsync() => Submit(_ => Task.FromResult(
        (IReadOnlyDictionary<int, int>)_live.Values.Where(l => l.IsQueued)
            .GroupBy(l => l.Entity.ReceptionGroupId)
            .ToDictionary(g => g.Key, g => g.Count())));

    public Task<IReadOnlyList<TransferView>> GetPendingTransfersForAsync(int agentId) => Submit(async batch =>
    {
        var roster = await batch.RosterAsync();
        return (IReadOnlyList<TransferView>)_live.Values
            .Select(l => l.Entity.PendingTransfer)
            .OfType<ConversationTransfer>()
            .Where(t => t.ToAgentId == agentId
                || (t.ToGroupId is { } g && t.FromAgentId != agentId && roster.MembersOf(g).Any(m => m.AgentId == agentId)))
            .Select(t => TransferViewOf(roster, t))
            .ToList();
    });

    /// <summary>Private contacts bound to anyone, for settings and the console.</summary>
    public Task<bool> IsBlacklistedAsync(long visitorId, string? ip) => Submit(_ => Task.FromResult(IsBlacklisted(visitorId, ip)));

    public Task<AgentStatus> GetStatusAsync(int agentId) => Submit(_ => Task.FromResult(StatusOf(agentId)));
}
