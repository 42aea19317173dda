namespace CustomerService.Domain.Routing;

/// <summary>
/// What max load (最大接待量, SPEC C2, D2.3) limits: the active conversations an agent owns plus his invitations still
/// waiting for an answer (主动邀请, D13). An outstanding invitation holds a slot until it is answered or runs out,
/// because accepting it opens a conversation already assigned to him: were the slot free meanwhile, routing could fill
/// it and the accept would take him over his max load. Routing, transfers, new invitations and the presence board all
/// count load this way, so they can never disagree about whether he has room.
/// </summary>
public readonly record struct AgentLoad
{
    public AgentLoad(int activeConversations, int pendingInvitations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(activeConversations);
        ArgumentOutOfRangeException.ThrowIfNegative(pendingInvitations);
        ActiveConversations = activeConversations;
        PendingInvitations = pendingInvitations;
    }

    public int ActiveConversations { get; }

    public int PendingInvitations { get; }

    /// <summary>The slots taken: what is compared with max load everywhere.</summary>
    public int Total => ActiveConversations + PendingInvitations;

    /// <summary>Whether a new conversation, transfer or invitation fits under <paramref name="maxLoad"/>.</summary>
    public bool HasRoomUnder(int maxLoad) => Total < maxLoad;

    /// <summary>
    /// Whether one of his pending invitations may turn into a conversation: its own slot is already counted, so the
    /// rest must fit. False only when his max load was lowered (or he took a transfer) since he invited.
    /// </summary>
    public bool MayTakeAcceptedInvitationUnder(int maxLoad) => PendingInvitations > 0 && Total - 1 < maxLoad;
}
