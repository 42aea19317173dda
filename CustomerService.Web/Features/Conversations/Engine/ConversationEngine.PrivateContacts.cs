using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Web.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Conversations.Engine;

/// <summary>
/// 私密联系人 / 专属客服 (seed 001, SPEC D2.2). Who may bind or release is decided in the same step that changes the
/// binding, against the loop's own map: checked outside the loop, two agents clicking 设为专属客服 at once both saw the
/// visitor free and the later one silently took him from the earlier.
/// </summary>
public sealed partial class ConversationEngine
{
    /// <summary>
    /// Binds a visitor to an agent as his private contact. A visitor already bound to a colleague stays his
    /// (<c>PrivateContactTaken</c>); binding him again to the same agent changes nothing.
    /// </summary>
    /// <param name="visibleToAgent">
    /// The agent's records scope (SPEC B): a visitor outside it looks unknown, as everywhere else. Null only where the
    /// caller itself is the authority (demo data, tests).
    /// </param>
    public Task BindPrivateContactAsync(int agentId, long visitorId, VisibleData? visibleToAgent = null) => Submit(async batch =>
    {
        if (_privateContacts.TryGetValue(visitorId, out var owner))
        {
            RuleViolationException.ThrowIf(owner == agentId ? null : new RuleViolation("PrivateContactTaken"));
            return;
        }

        var visitors = visibleToAgent?.Visitors(batch.Db) ?? batch.Db.Visitors;
        if (!await visitors.AnyAsync(v => v.Id == visitorId, batch.CancellationToken))
        {
            throw new RuleViolationException(new RuleViolation("VisitorUnknown"));
        }

        await RequireAgentAsync(batch, agentId);
        batch.Db.PrivateContacts.Add(new PrivateContact(visitorId, agentId, batch.Now));
        _privateContacts[visitorId] = agentId;
    });

    /// <summary>Releases a private contact: his own agent may, or anyone <paramref name="mayReleaseAnyone"/> (an admin).</summary>
    public Task UnbindPrivateContactAsync(int actorId, long visitorId, bool mayReleaseAnyone = false) => Submit(async batch =>
    {
        if (!_privateContacts.TryGetValue(visitorId, out var owner))
        {
            throw new RuleViolationException(new RuleViolation("PrivateContactNotBound"));
        }

        if (owner != actorId && !mayReleaseAnyone)
        {
            throw new RuleViolationException(new RuleViolation("PrivateContactNotYours"));
        }

        if (await batch.Db.PrivateContacts.FindAsync([visitorId], batch.CancellationToken) is { } stored)
        {
            batch.Db.PrivateContacts.Remove(stored);
        }

        _privateContacts.Remove(visitorId);
    });
}
