using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Phrases;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Demo;

/// <summary>
/// What a new agent reaches for first in the demo (issue 15): enterprise canned phrases (常用语, with a 【提示】 and
/// titles short enough for <c>/keyword</c>), a two-level consultation type tree (咨询总结), and an enterprise name and
/// logo instead of the bootstrap default 「我的企业」. Seeded with the demo organisation, never on real data.
/// </summary>
public static class DemoConsoleContent
{
    public const string CompanyName = "演示商城";
    public const string LogoUrl = "/demo/logo.svg";

    /// <summary>Group name → phrases (title = the <c>/keyword</c>, content possibly starting with a 【hint】).</summary>
    public static readonly IReadOnlyList<(string Group, IReadOnlyList<(string Title, string Content)> Phrases)> Phrases =
    [
        ("接待用语",
        [
            ("欢迎", "您好，欢迎光临演示商城，请问有什么可以帮您？"),
            ("稍等", "【查询需要时间时先安抚】请您稍等，我马上为您查询。"),
            ("结束", "感谢您的咨询，祝您购物愉快！如有问题随时联系我们。"),
        ]),
        ("售后处理",
        [
            ("发货", "【先确认订单号】您的订单会在付款后 48 小时内发货，发货后可在“我的订单”查看物流。"),
            ("退货", "商品签收后 7 天内支持无理由退货，请在“我的订单”中申请，我们审核后会通知您寄回。"),
        ]),
    ];

    /// <summary>Parent type → its children (SPEC D10: a multi-level tree).</summary>
    public static readonly IReadOnlyList<(string Parent, IReadOnlyList<string> Children)> Types =
    [
        ("商品咨询", ["尺码推荐", "库存查询", "优惠活动"]),
        ("订单物流", ["发货时间", "物流查询", "修改地址"]),
        ("售后服务", ["退货退款", "换货", "质量问题"]),
    ];

    public static async Task SeedAsync(CustomerServiceDbContext db, DateTime utcNow, string timeZoneId, CancellationToken cancellationToken)
    {
        foreach (var (groupName, phrases) in Phrases)
        {
            var group = new CannedPhraseGroup(PhraseOwner.Enterprise, groupName);
            db.CannedPhraseGroups.Add(group);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (title, content) in phrases)
            {
                var phrase = new CannedPhrase(group.Id, title, content);
                phrase.Publish(utcNow);   // 立即生效: agents see them at once
                db.CannedPhrases.Add(phrase);
            }
        }

        foreach (var (parentName, children) in Types)
        {
            var parent = new ConsultationType(0, null, parentName) { CreatedAt = utcNow };
            db.ConsultationTypes.Add(parent);
            await db.SaveChangesAsync(cancellationToken);
            db.ConsultationTypes.AddRange(children.Select(child => new ConsultationType(0, parent.Id, child) { CreatedAt = utcNow }));
        }

        // The demo runs before the bootstrap, which then finds the profile and leaves it alone.
        var profile = await db.EnterpriseProfiles.SingleOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            profile = new EnterpriseProfile(CompanyName, timeZoneId);
            db.EnterpriseProfiles.Add(profile);
        }

        profile.UpdateInfo(new EnterpriseInfo(
            CompanyName, profile.Address ?? "上海市浦东新区演示路 88 号", profile.Phone ?? "400-800-8888", profile.Website ?? "https://demo.example.com", LogoUrl,
            profile.About ?? "演示商城是客服系统的演示企业：在 /demo/shop 扮演访客，在 /console 以客服身份接待。",
            profile.TimeZoneId, profile.AgentsStartOnline, profile.AttributionWindowDays));
        await db.SaveChangesAsync(cancellationToken);
    }
}
