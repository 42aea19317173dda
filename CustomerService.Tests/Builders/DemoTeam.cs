using CustomerService.Domain.Organisation;
using CustomerService.Tests.Infrastructure;

namespace CustomerService.Tests.Builders;

/// <summary>
/// The SPEC N1 accounts in a <see cref="TestDatabase"/>, one per role and account group, for data-scope tests:
/// admin (管理部), lead (TeamLead of 售前组), sales1 and sales2 (售前组), sales3 (售后组), qc (QC, 质检组).
/// </summary>
public sealed record DemoTeam(int Admin, int Lead, int Sales1, int Sales2, int Sales3, int Qc)
{
    public static async Task<DemoTeam> AddToAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new DemoTeam(
            await database.AddAccountAsync("admin", groupName: "管理部", role: AccountRole.Admin),
            await database.AddAccountAsync("lead", groupName: "售前组", role: AccountRole.TeamLead),
            await database.AddAccountAsync("sales1", groupName: "售前组"),
            await database.AddAccountAsync("sales2", groupName: "售前组"),
            await database.AddAccountAsync("sales3", groupName: "售后组"),
            await database.AddAccountAsync("qc", groupName: "质检组", role: AccountRole.QC));
    }

    /// <summary>An account's id by its demo login name, for theories that name the role's account.</summary>
    public int this[string login] => login switch
    {
        "admin" => Admin,
        "lead" => Lead,
        "sales1" => Sales1,
        "sales2" => Sales2,
        "sales3" => Sales3,
        "qc" => Qc,
        _ => throw new ArgumentOutOfRangeException(nameof(login), login, "Not a demo account."),
    };
}
