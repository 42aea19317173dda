namespace CustomerService.Domain.Conversations;

/// <summary>What is wrong with a consultation summary (SPEC D10). The name doubles as a stable error code.</summary>
public enum SummaryProblem
{
    /// <summary>Neither a type nor a note: nothing to save.</summary>
    Empty,

    /// <summary>The enterprise forces summaries, and a forced summary must be classified.</summary>
    TypeRequired,

    UnknownType,
    NoteTooLong,
}
