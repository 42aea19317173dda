using CustomerService.Domain.Organisation;

namespace CustomerService.Domain.Records;

/// <summary>购物环节 of a consultation (SPEC G1): where in the shop the visitor was when he asked.</summary>
public enum ConsultationStage
{
    Product,
    Cart,
    Order,
    Payment,
    Other,
}

public static class ConsultationStages
{
    /// <summary>
    /// SPEC G1: the key-page type of the page the conversation started from — Product → 商品, Cart → 购物车, OrderFill and
    /// OrderSuccess → 订单页, Payment → 支付页, anything else (no key page, home, list, other) → 其他.
    /// </summary>
    public static ConsultationStage Of(KeyPageType? startPage) => startPage switch
    {
        KeyPageType.Product => ConsultationStage.Product,
        KeyPageType.Cart => ConsultationStage.Cart,
        KeyPageType.OrderFill or KeyPageType.OrderSuccess => ConsultationStage.Order,
        KeyPageType.Payment => ConsultationStage.Payment,
        KeyPageType.Home or KeyPageType.List or KeyPageType.Other or null => ConsultationStage.Other,
        _ => ConsultationStage.Other,
    };

    /// <summary>The key-page types that make up a stage; <see cref="ConsultationStage.Other"/> is “none of the others”.</summary>
    public static IReadOnlyList<KeyPageType> PageTypesOf(ConsultationStage stage) => stage switch
    {
        ConsultationStage.Product => [KeyPageType.Product],
        ConsultationStage.Cart => [KeyPageType.Cart],
        ConsultationStage.Order => [KeyPageType.OrderFill, KeyPageType.OrderSuccess],
        ConsultationStage.Payment => [KeyPageType.Payment],
        ConsultationStage.Other => [KeyPageType.Home, KeyPageType.List, KeyPageType.Other],
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}
