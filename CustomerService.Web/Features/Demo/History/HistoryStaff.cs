using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Demo.History;

/// <summary>One generated agent: who he is, which reception group's visitors he serves, and his shift pattern.</summary>
public sealed record HistoryAgent(int Id, string Login, string ExternalName, int ReceptionGroupId, int EntryId, bool LateShift);

/// <summary>The organisation the history happens in: agents, reception groups with their entries, consultation types.</summary>
public sealed record HistoryStaff(
    IReadOnlyList<HistoryAgent> Agents,
    IReadOnlyDictionary<int, IReadOnlyList<HistoryAgent>> AgentsByGroup,
    IReadOnlyList<ConsultationType> Types,
    IReadOnlyList<int> LeafTypeIds,
    EvaluationSettings Evaluation,
    TimeZoneInfo Zone,
    TimeSpan AttributionWindow);

/// <summary>
/// Creates the history's people through the services the app uses (<see cref="AccountCreator"/>, the organisation
/// bootstrap), so every generated agent can sign in with the demo password: account groups of ten, the first of each a
/// team lead; agents split between the reception groups 售前 (two thirds) and 售后; a small consultation type tree when
/// the enterprise has none. Existing accounts with the same login are reused, so a second run adds nothing.
/// </summary>
public sealed class HistoryStaffBuilder(CustomerServiceDbContext db, AccountCreator accounts, OrganisationBootstrap bootstrap, TimeProvider clock)
{
    public const int AgentsPerAccountGroup = 10;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] GivenNames = ["敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "芳"];
    private static readonly string[] Nicknames = ["小美", "小丽", "小王", "小雨", "小薇", "小青", "小杰", "小明", "小慧", "小琳", "小月", "小北", "小南", "小安", "小乐"];

    private static readonly (string Name, string[] Children)[] TypeTree =
    [
        ("售前咨询", ["商品参数", "价格优惠", "库存到货"]),
        ("订单物流", ["发货时间", "物流查询", "修改地址"]),
        ("售后服务", ["退换货", "质量问题", "发票"]),
        ("账户问题", ["登录注册", "会员积分"]),
    ];

    public async Task<HistoryStaff> EnsureAsync(int agentCount, CancellationToken cancellationToken)
    {
        var presale = await EnsureReceptionGroupAsync("售前", "#1E88E5", "presale", "售前咨询", cancellationToken);
        var aftersale = await EnsureReceptionGroupAsync("售后", "#43A047", "aftersale", "售后咨询", cancellationToken);
        var agents = new List<HistoryAgent>();
        for (var i = 0; i < agentCount; i++)
        {
            var login = $"agent{i + 1:000}";
            var group = await bootstrap.EnsureAccountGroupAsync($"客服{i / AgentsPerAccountGroup + 1}组", cancellationToken);
            var lead = i % AgentsPerAccountGroup == 0;
            var external = $"客服{Nicknames[i % Nicknames.Length]}{(i >= Nicknames.Length ? (i / Nicknames.Length).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}";
            var id = await db.Accounts.Where(a => a.LoginName == login).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);
            if (id is null)
            {
                var created = await accounts.CreateAsync(
                    new NewAccount(login, DemoSeeder.Password,
                        new AccountProfile(external, Surnames[i % Surnames.Length] + GivenNames[(i / Surnames.Length + i) % GivenNames.Length]),
                        lead ? AccountRole.TeamLead : AccountRole.Sales, group.Id, lead ? 3 : 5),
                    cancellationToken);
                id = created.Succeeded ? created.Value : throw new InvalidOperationException($"History agent {login}: {created.Violation}");
            }

            // Two agents in three sell, one serves after-sales; every fourth works the late shift.
            var (groupId, entryId) = i % 3 == 2 ? aftersale : presale;
            agents.Add(new HistoryAgent(id.Value, login, external, groupId, entryId, LateShift: i % 4 == 3));
        }

        await AddMembersAsync(presale.GroupId, agents, cancellationToken);
        await AddMembersAsync(aftersale.GroupId, agents, cancellationToken);
        var types = await EnsureTypesAsync(cancellationToken);
        var leaves = types.Where(t => types.All(c => c.ParentId != t.Id)).Select(t => t.Id).Order().ToList();
        var settings = await db.ConversationSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var profile = await db.EnterpriseProfiles.AsNoTracking().SingleAsync(cancellationToken);
        return new HistoryStaff(
            agents,
            agents.GroupBy(a => a.ReceptionGroupId).ToDictionary(g => g.Key, g => (IReadOnlyList<HistoryAgent>)g.ToList()),
            types,
            leaves,
            settings?.Evaluation ?? new EvaluationSettings(visitorMayRateUnprompted: true, minVisitorMessages: 1, promptOnVisitorClose: true),
            profile.TimeZone,
            profile.AttributionWindow);
    }

    private async Task<(int GroupId, int EntryId)> EnsureReceptionGroupAsync(string name, string color, string code, string entryName, CancellationToken cancellationToken)
    {
        var group = await db.ReceptionGroups.SingleOrDefaultAsync(g => g.Name == name, cancellationToken);
        if (group is null)
        {
            group = new ReceptionGroup(name, color);
            db.ReceptionGroups.Add(group);
            await db.SaveChangesAsync(cancellationToken);
        }

        var entry = await db.ConsultationEntries.FirstOrDefaultAsync(e => e.ReceptionGroupId == group.Id, cancellationToken);
        if (entry is null)
        {
            entry = new ConsultationEntry(code, entryName, group.Id);
            db.ConsultationEntries.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
        }

        return (group.Id, entry.Id);
    }

    private async Task AddMembersAsync(int groupId, IReadOnlyList<HistoryAgent> agents, CancellationToken cancellationToken)
    {
        var group = await db.ReceptionGroups.Include(g => g.Members).SingleAsync(g => g.Id == groupId, cancellationToken);
        var members = group.Members.Select(m => new MemberAssignment(m.AccountId, m.Priority, m.Weight)).ToList();
        members.AddRange(agents.Where(a => a.ReceptionGroupId == groupId && members.All(m => m.AccountId != a.Id)).Select(a => new MemberAssignment(a.Id, 0)));
        group.SetMembers(members);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The enterprise's leaf types; a small tree is created when there is none (summaries need types).</summary>
    private async Task<List<ConsultationType>> EnsureTypesAsync(CancellationToken cancellationToken)
    {
        if (!await db.ConsultationTypes.AnyAsync(cancellationToken))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (name, children) in TypeTree)
            {
                var parent = new ConsultationType(0, null, name) { CreatedAt = now };
                db.ConsultationTypes.Add(parent);
                await db.SaveChangesAsync(cancellationToken);
                db.ConsultationTypes.AddRange(children.Select(child => new ConsultationType(0, parent.Id, child) { CreatedAt = now }));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return await db.ConsultationTypes.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
    }
}
