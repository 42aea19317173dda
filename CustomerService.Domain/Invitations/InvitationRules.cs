using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;

namespace CustomerService.Domain.Invitations;

/// <summary>What the engine knows about an invitation request at the moment it decides (SPEC D13 bad inputs).</summary>
public sealed record InvitationRequest(
    AgentStatus AgentStatus,
    int AgentLoad,
    int AgentMaxLoad,
    bool VisitorOnline,
    bool VisitorBlacklisted,
    bool VisitorInConversation,
    bool VisitorHasPendingInvitation);

/// <summary>
/// Whether an agent may invite a visitor now (SPEC D13). Order matters only for the message: the first broken rule is
/// the one the agent reads.
/// </summary>
public static class InvitationRules
{
    public static RuleViolation? Check(InvitationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.AgentStatus switch
        {
            // An agent who takes no new conversations (Busy, Away, Offline) would invite a visitor nobody answers.
            AgentStatus.Busy or AgentStatus.Away or AgentStatus.Offline => new RuleViolation("InvitationAgentNotOnline"),
            AgentStatus.Online when request.AgentLoad >= request.AgentMaxLoad => new RuleViolation("InvitationAgentFull"),
            _ when request.VisitorBlacklisted => new RuleViolation("InvitationVisitorBlacklisted"),
            _ when !request.VisitorOnline => new RuleViolation("InvitationVisitorLeft"),
            _ when request.VisitorInConversation => new RuleViolation("InvitationVisitorInConversation"),
            _ when request.VisitorHasPendingInvitation => new RuleViolation("InvitationVisitorAlreadyInvited"),
            _ => null,
        };
    }
}
