namespace CustomerService.Domain.Routing;

/// <summary>Why the visitor gets the leave-message form instead of an agent or a queue (SPEC D2).</summary>
public enum LeaveMessageReason
{
    /// <summary>Rule 1.</summary>
    Blacklisted,

    /// <summary>Rule 8: nobody in the group is Online or Busy; the form shows the working-hours notice.</summary>
    NoAgentOnline,

    /// <summary>Rule 2: the private-contact agent is Away or Offline, or does not take conversations at all.</summary>
    PrivateContactUnavailable,
}
