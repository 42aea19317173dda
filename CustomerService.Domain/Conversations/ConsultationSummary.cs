namespace CustomerService.Domain.Conversations;

/// <summary>咨询总结 (SPEC D10): a consultation type from the tree and/or a free note.</summary>
public sealed record ConsultationSummary(int? TypeId, string? Note);
