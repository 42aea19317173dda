using CustomerService.Domain.Organisation;

namespace CustomerService.Domain.Security;

/// <summary>
/// SPEC B (seed 002 “其他 1. 权限说明”). The single place that says what each role may do; authorization policies
/// and data-scoped queries both read it.
/// </summary>
public static class PermissionMatrix
{
    public static bool Allows(AccountRole role, Permission permission) => permission switch
    {
        Permission.Console => true,
        Permission.Colleagues => true,
        Permission.PersonalSettings => true,
        Permission.ViewKpi => true,
        Permission.ViewRecords => true,
        Permission.ViewCrm => true,
        Permission.MonitorColleagueConversations => role == AccountRole.Admin,
        Permission.ImportCrm => role == AccountRole.Admin,
        Permission.ManageCrmFields => role == AccountRole.Admin,
        Permission.EnterpriseSettings => role == AccountRole.Admin,
        Permission.GradeConversations => role is AccountRole.Admin or AccountRole.QC,
        Permission.ViewQcStatistics => role is AccountRole.Admin or AccountRole.QC,
        Permission.ViewKpiManagement => role != AccountRole.Sales,
    };

    /// <summary>
    /// Whose rows a role sees in a module (SPEC B). The data-scope service turns this into query filters; nothing else
    /// should decide it.
    /// </summary>
    public static DataScope ScopeOf(AccountRole role, ScopedModule module) => (role, module) switch
    {
        (AccountRole.Admin, _) => DataScope.All,
        (AccountRole.TeamLead, _) => DataScope.OwnGroup,
        (AccountRole.Sales, _) => DataScope.Self,
        // QC inspectors judge everyone: all agents' KPI (002 KPI §1: 管理员、质检员能查看所有客服人员数据) and every
        // record, which they grade; their CRM customers are only their own.
        (AccountRole.QC, ScopedModule.Kpi or ScopedModule.Records) => DataScope.All,
        (AccountRole.QC, ScopedModule.Crm) => DataScope.Self,
        _ => DataScope.None,
    };
}
