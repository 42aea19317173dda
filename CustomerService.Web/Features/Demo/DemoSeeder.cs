using CustomerService.Data;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Qc;
using CustomerService.Web.Features.Organisation;
using CustomerService.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerService.Web.Features.Demo;

/// <summary>
/// The SPEC N1 demo organisation, so a new user can play visitor and agent a minute after <c>dotnet run</c>.
/// Runs only on a database without accounts; never touches real data.
/// </summary>
public sealed class DemoSeeder(
    CustomerServiceDbContext db, AccountCreator accounts, OrganisationBootstrap bootstrap, TimeProvider clock,
    IOptions<EnterpriseDefaultsOptions> defaults, ILogger<DemoSeeder> logger)
{
    public const string Password = "Passw0rd!";

    /// <summary>SPEC N1b: the integration API key of the demo enterprise, stored hashed like any other.</summary>
    public const string ApiKey = "demo-api-key-0123456789";

    public const string ApiKeyName = "演示密钥";

    /// <summary>SPEC N1b: the demo entries' signing secrets (production entries get random ones).</summary>
    public static readonly IReadOnlyDictionary<string, string> EntrySecrets = new Dictionary<string, string>
    {
        ["presale"] = "demo-secret-presale",
        ["aftersale"] = "demo-secret-aftersale",
    };

    /// <summary>SPEC N1b: the demo QC standard 默认标准 (total 100).</summary>
    public const string QcStandardName = "默认标准";

    public static readonly IReadOnlyList<QcDimensionInput> QcDimensions =
        [new("服务态度", 30), new("专业能力", 30), new("响应速度", 20), new("解决问题", 20)];

    /// <summary>SPEC N1: logins, names shown to visitors, roles, teams and max loads.</summary>
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", "客服管理员", "系统管理员", AccountRole.Admin, "管理部", 5),
        new("lead", "客服主管", "王组长", AccountRole.TeamLead, "售前组", 3),
        new("sales1", "客服小美", "李美", AccountRole.Sales, "售前组", 5),
        new("sales2", "客服小丽", "赵丽", AccountRole.Sales, "售前组", 5),
        new("sales3", "客服小王", "王强", AccountRole.Sales, "售后组", 5),
        new("qc", "质检员", "陈质检", AccountRole.QC, "质检组", 5),
    ];

    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Accounts.AnyAsync(cancellationToken))
        {
            return false;
        }

        var ids = new Dictionary<string, int>();
        foreach (var demo in Accounts)
        {
            var team = await bootstrap.EnsureAccountGroupAsync(demo.Team, cancellationToken);
            var created = await accounts.CreateAsync(
                new NewAccount(demo.Login, Password, new AccountProfile(demo.ExternalName, demo.InternalName), demo.Role, team.Id,
                    demo.MaxLoad, demo.Role == AccountRole.Admin ? LeaveMessageScope.All : LeaveMessageScope.Own),
                cancellationToken);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {demo.Login}: {created.Violation}");
            }

            ids[demo.Login] = created.Value;
        }

        var presale = new ReceptionGroup("售前", "#1E88E5");
        presale.SetMembers([new(ids["lead"], 1), new(ids["sales1"], 0), new(ids["sales2"], 0)]);
        var aftersale = new ReceptionGroup("售后", "#43A047");
        aftersale.SetMembers([new(ids["sales3"], 0)]);
        db.ReceptionGroups.AddRange(presale, aftersale);
        await db.SaveChangesAsync(cancellationToken);

        var entries = new[] { new ConsultationEntry("presale", "售前咨询", presale.Id), new ConsultationEntry("aftersale", "售后咨询", aftersale.Id) };
        foreach (var entry in entries)
        {
            entry.UseSecret(EntrySecrets[entry.Code]);
        }

        db.ConsultationEntries.AddRange(entries);
        db.ApiKeys.Add(Domain.Security.ApiKey.Issue(ApiKeyName, ApiKey, [], null, clock.GetUtcNow().UtcDateTime).Value!.Key);
        db.KeyPages.AddRange(
            new KeyPage("商品页", "/demo/shop/product", KeyPageType.Product),
            new KeyPage("购物车", "/demo/shop/cart", KeyPageType.Cart),
            new KeyPage("订单填写", "/demo/shop/order", KeyPageType.OrderFill));
        var standard = QcStandard.Create(QcStandardName, QcDimensions, clock.GetUtcNow().UtcDateTime).Value!;
        standard.MarkDefault(true);
        db.QcStandards.Add(standard);
        await db.SaveChangesAsync(cancellationToken);
        await DemoConsoleContent.SeedAsync(db, clock.GetUtcNow().UtcDateTime, defaults.Value.DefaultTimeZone, cancellationToken);
        logger.LogInformation("Demo organisation seeded");
        return true;
    }
}

public sealed record DemoAccount(string Login, string ExternalName, string InternalName, AccountRole Role, string Team, int MaxLoad);
