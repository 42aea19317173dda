using CustomerService.Domain.Common;
using CustomerService.Web.Features.Conversations.Engine;

namespace CustomerService.Web.Features.Invitations;

/// <summary>
/// The console's 邀请 button: asks the engine, with what the presence poll knows (is he still on the site, on which
/// entry's page). A refusal comes back as the broken rule, for a localized message; nothing is stored then.
/// </summary>
public sealed class VisitorInviter(ConversationEngine engine, OnlineVisitors online)
{
    public async Task<Outcome<PendingInvitationView>> InviteAsync(int agentId, long visitorId, string? text)
    {
        var presence = online.Find(visitorId);
        try
        {
            return await engine.InviteAsync(new InviteRequest(agentId, visitorId, presence?.EntryCode, text));
        }
        catch (RuleViolationException exception)
        {
            return exception.Violation;
        }
    }
}
