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
    };

    public static DataScope ScopeOf(AccountRole role, ScopedModule module) => (role, module) switch
    {
        (AccountRole.Admin, _) => DataScope.All,
        (AccountRole.TeamLead, _) => DataScope.OwnGroup,
        // QC inspectors read and grade everyone's transcripts, but their KPI and CRM are their own.
        (AccountRole.QC, ScopedModule.Records) => DataScope.All,
        (AccountRole.QC, ScopedModule.Kpi or ScopedModule.Crm) => DataScope.Self,
        (AccountRole.Sales, ScopedModule.Kpi or ScopedModule.Records or ScopedModule.Crm) => DataScope.Self,
        _ => DataScope.None,
    };
}
