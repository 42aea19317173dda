namespace CustomerService.Domain.Conversations;

/// <summary>有效咨询 / 无效咨询 (SPEC D5).</summary>
public enum ConsultationValidity
{
    Valid,
    Invalid,
}
