namespace CustomerService.Domain.Conversations;

/// <summary>SPEC D4: a transfer hands the conversation over; an invitation adds a colleague to it.</summary>
public enum TransferKind
{
    Transfer,
    Invite,
}

public enum TransferOutcome
{
    Pending,
    Accepted,
    Declined,

    /// <summary>Withdrawn by the engine: the conversation ended, or the target went Away or Offline.</summary>
    Cancelled,
}
