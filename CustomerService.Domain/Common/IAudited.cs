namespace CustomerService.Domain.Common;

/// <summary>Rows whose creation and last change time are stamped by the persistence layer.</summary>
public interface IAudited
{
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
}
