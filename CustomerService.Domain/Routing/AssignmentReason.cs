namespace CustomerService.Domain.Routing;

/// <summary>Which SPEC D2 rule picked the agent; kept for the conversation's audit trail and for tests.</summary>
public enum AssignmentReason
{
    /// <summary>Rule 2.</summary>
    PrivateContact,

    /// <summary>Rule 5, 熟客优先.</summary>
    ReturningVisitor,

    /// <summary>Rule 6.</summary>
    RoundRobin,

    /// <summary>The visitor accepted this agent's invitation (主动邀请, SPEC D13): no routing took place.</summary>
    Invitation,
}
