using CustomerService.Domain.Reporting;

namespace CustomerService.Web.Features.Reporting.Api;

/// <summary>订单类型 as the integration API spells it (SPEC N4): afterConsultation, beforeConsultation or none.</summary>
public static class OrderTypeName
{
    public static string Of(OrderType type) => type switch
    {
        OrderType.AfterConsultation => "afterConsultation",
        OrderType.BeforeConsultation => "beforeConsultation",
        OrderType.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
