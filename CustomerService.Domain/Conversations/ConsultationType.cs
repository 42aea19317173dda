namespace CustomerService.Domain.Conversations;

/// <summary>A node of the consultation type tree (咨询类型, SPEC D10); a null parent means a top-level type.</summary>
public sealed record ConsultationType(int Id, int? ParentId, string Name)
{
    /// <summary>
    /// When the type was added (UTC), for 新增咨询类型 (SPEC I0: types created in the period). Null for types added before
    /// the product recorded it: they were never new in any period it can report.
    /// </summary>
    public DateTime? CreatedAt { get; init; }
}
