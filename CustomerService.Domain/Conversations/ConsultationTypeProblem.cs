namespace CustomerService.Domain.Conversations;

/// <summary>What is wrong with a consultation type tree (SPEC D10). The name doubles as a stable error code.</summary>
public enum ConsultationTypeProblem
{
    TooManyTypes,
    NameRequired,
    NameTooLong,
    DuplicateId,
    UnknownParent,
    ParentCycle,
    DuplicateSiblingName,
}
