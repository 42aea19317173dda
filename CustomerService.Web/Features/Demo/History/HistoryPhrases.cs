namespace CustomerService.Web.Features.Demo.History;

/// <summary>Small tables of what visitors and agents of an online shop say, for generated transcripts.</summary>
internal static class HistoryPhrases
{
    public static readonly string[] VisitorOpenings =
    [
        "你好，在吗？", "请问这款还有货吗？", "这个商品什么时候发货？", "我想问一下尺码怎么选", "有优惠券可以用吗？",
        "我的订单怎么还没发货", "快递显示已签收但我没收到", "能开发票吗？", "这个和另一款有什么区别？", "可以修改收货地址吗？",
        "质量有问题想退货", "会员积分怎么用？", "请问包邮吗？", "这款是正品吗？", "下单后多久能到？",
    ];

    public static readonly string[] VisitorFollowUps =
    [
        "好的", "那大概几天能到？", "颜色有色差吗？", "可以便宜一点吗？", "我身高170，体重65公斤", "订单号发你了",
        "明白了，谢谢", "那我再看看", "还有别的颜色吗？", "退货运费谁出？", "好的，我等你消息", "能帮我催一下吗？",
        "收到，我现在下单", "发票抬头写公司名可以吗？", "麻烦快一点，谢谢",
    ];

    public static readonly string[] AgentAnswers =
    [
        "您好，很高兴为您服务，请问有什么可以帮您？", "亲，这款现在有货的，下单后48小时内发货哦", "亲，建议您选M码，偏大一码",
        "现在下单满299减30，可以叠加店铺优惠券", "我帮您查一下订单，请稍等", "已经帮您联系仓库加急处理了",
        "支持七天无理由退换货，质量问题运费由我们承担", "可以开具电子发票，下单时填写抬头即可", "全国大部分地区包邮，偏远地区除外",
        "亲，我们是品牌官方店铺，保证正品", "一般3到5天送达，请您耐心等待", "地址已经帮您修改好了", "积分可以在结算时抵扣现金",
        "抱歉给您带来不便，我们马上为您处理", "还有其他可以帮您的吗？",
    ];

    public static readonly string[] AgentGreetings = ["您好，请问有什么可以帮您？", "亲，在的，请讲", "您好，我是您的专属客服"];

    public static readonly string[] LeaveMessages =
    [
        "晚上下的单，麻烦明天尽快发货", "想咨询一下大批量采购的价格，请回电", "收到的商品有破损，请联系我处理",
        "请帮我取消订单，谢谢", "需要开增值税专用发票", "想换一个颜色，请联系我",
    ];

    public static readonly string[] SummaryNotes = ["已解答", "客户考虑中", "已下单", "已登记售后", "需跟进", "已处理完毕"];

    public static readonly string[] CustomerNames = ["张先生", "李女士", "王小姐", "刘先生", "陈女士", "赵先生", "周小姐", "吴先生"];

    public static readonly string[] Pages =
    [
        "/products/coat-2026", "/products/sneaker-x", "/products/phone-case", "/cart", "/order/confirm", "/help/shipping",
    ];
}
