namespace CustomerService.Web.Features.Settings.ConsultationTypes;

public sealed class ConsultationTypeFormModel
{
    public string Name { get; set; } = string.Empty;

    /// <summary>Null for a top-level type.</summary>
    public int? ParentId { get; set; }
}
