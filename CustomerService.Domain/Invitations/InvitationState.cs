namespace CustomerService.Domain.Invitations;

/// <summary>Where an invitation (主动邀请, SPEC D13) stands. Only <see cref="Pending"/> changes; every other state is final.</summary>
public enum InvitationState
{
    Pending,
    Accepted,
    Declined,

    /// <summary>The visitor let it run out (ignored it, or left the site): recorded like a decline, with its own name.</summary>
    Expired,

    /// <summary>
    /// The inviting agent could no longer take the visitor — he went Away or Offline before an answer, or when the
    /// visitor accepted he was gone, disabled or full — so the visitor was routed like any other request instead.
    /// </summary>
    Withdrawn,
}
