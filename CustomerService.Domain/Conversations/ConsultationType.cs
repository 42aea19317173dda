namespace CustomerService.Domain.Conversations;

/// <summary>A node of the consultation type tree (咨询类型, SPEC D10); a null parent means a top-level type.</summary>
public sealed record ConsultationType(int Id, int? ParentId, string Name);
