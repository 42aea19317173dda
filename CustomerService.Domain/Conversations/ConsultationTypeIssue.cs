namespace CustomerService.Domain.Conversations;

/// <summary>One problem, with the offending type's id when it concerns a single type.</summary>
public sealed record ConsultationTypeIssue(ConsultationTypeProblem Problem, int? TypeId = null);
