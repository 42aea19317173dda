namespace CustomerService.Domain.Records;

/// <summary>
/// The lists of 互动记录's left navigation (SPEC G1, seed 002 互动记录说明): 有效咨询 with its nine sub-lists and 无效咨询.
/// 全部留言 is the leave-message inbox (<c>/leave-messages</c>), not a conversation list.
/// </summary>
public enum RecordList
{
    /// <summary>Every consultation: what a search over both 有效 and 无效 returns.</summary>
    All,

    /// <summary>有效咨询.</summary>
    Valid,

    /// <summary>已购买咨询 (SPEC I0): valid and followed by a 咨询订单 of the same user within the window.</summary>
    Purchased,

    /// <summary>未购买咨询: valid, not purchased.</summary>
    NotPurchased,

    /// <summary>已总结: valid and summarised.</summary>
    Summarized,

    /// <summary>未总结: valid, not summarised.</summary>
    Unsummarized,

    /// <summary>商品环节.</summary>
    StageProduct,

    /// <summary>购物车.</summary>
    StageCart,

    /// <summary>订单页.</summary>
    StageOrder,

    /// <summary>支付页.</summary>
    StagePayment,

    /// <summary>其他环节.</summary>
    StageOther,

    /// <summary>无效咨询.</summary>
    Invalid,
}
