namespace CustomerService.Domain.Conversations;

/// <summary>Why a visitor's rating was not accepted (SPEC D9). The name doubles as a stable error code.</summary>
public enum RatingRejection
{
    /// <summary>No open invitation, and the enterprise does not let visitors rate on their own initiative.</summary>
    VisitorRatingDisabled,

    /// <summary>No open invitation, and the visitor has not yet sent the required number of messages.</summary>
    NotEnoughVisitorMessages,

    /// <summary>No open invitation, and the visitor already used his one unprompted rating.</summary>
    AlreadyRated,
}
