using CustomerService.Domain.Organisation;
using CustomerService.Domain.Security;

namespace CustomerService.Tests.Domain.Security;

/// <summary>SPEC B, row by row.</summary>
public sealed class PermissionMatrixTests
{
    public static TheoryData<AccountRole> AllRoles => new(Enum.GetValues<AccountRole>());

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Every_role_may_use_the_console_colleagues_personal_settings_kpi_records_and_crm(AccountRole role)
    {
        Assert.True(PermissionMatrix.Allows(role, Permission.Console));
        Assert.True(PermissionMatrix.Allows(role, Permission.Colleagues));
        Assert.True(PermissionMatrix.Allows(role, Permission.PersonalSettings));
        Assert.True(PermissionMatrix.Allows(role, Permission.ViewKpi));
        Assert.True(PermissionMatrix.Allows(role, Permission.ViewRecords));
        Assert.True(PermissionMatrix.Allows(role, Permission.ViewCrm));
    }

    [Theory]
    [InlineData(Permission.EnterpriseSettings)]
    [InlineData(Permission.MonitorColleagueConversations)]
    [InlineData(Permission.ImportCrm)]
    [InlineData(Permission.ManageCrmFields)]
    public void Only_admins_have_the_admin_permissions(Permission permission)
    {
        var allowed = Enum.GetValues<AccountRole>().Where(role => PermissionMatrix.Allows(role, permission));

        Assert.Equal([AccountRole.Admin], allowed);
    }

    [Theory]
    [InlineData(Permission.GradeConversations)]
    [InlineData(Permission.ViewQcStatistics)]
    public void Only_admins_and_qc_inspectors_grade_and_see_qc_statistics(Permission permission)
    {
        var allowed = Enum.GetValues<AccountRole>().Where(role => PermissionMatrix.Allows(role, permission)).Order();

        Assert.Equal(new[] { AccountRole.Admin, AccountRole.QC }.Order(), allowed);
    }

    [Fact]
    public void Every_role_but_sales_sees_ranking_work_hours_and_queue_analysis()
    {
        var allowed = Enum.GetValues<AccountRole>().Where(role => PermissionMatrix.Allows(role, Permission.ViewKpiManagement)).Order();

        Assert.Equal(new[] { AccountRole.Admin, AccountRole.TeamLead, AccountRole.QC }.Order(), allowed);
    }

    [Theory]
    [InlineData(AccountRole.Admin, ScopedModule.Kpi, DataScope.All)]
    [InlineData(AccountRole.Admin, ScopedModule.Records, DataScope.All)]
    [InlineData(AccountRole.Admin, ScopedModule.Crm, DataScope.All)]
    [InlineData(AccountRole.TeamLead, ScopedModule.Kpi, DataScope.OwnGroup)]
    [InlineData(AccountRole.TeamLead, ScopedModule.Records, DataScope.OwnGroup)]
    [InlineData(AccountRole.TeamLead, ScopedModule.Crm, DataScope.OwnGroup)]
    [InlineData(AccountRole.Sales, ScopedModule.Kpi, DataScope.Self)]
    [InlineData(AccountRole.Sales, ScopedModule.Records, DataScope.Self)]
    [InlineData(AccountRole.Sales, ScopedModule.Crm, DataScope.Self)]
    [InlineData(AccountRole.QC, ScopedModule.Kpi, DataScope.All)]
    [InlineData(AccountRole.QC, ScopedModule.Records, DataScope.All)]
    [InlineData(AccountRole.QC, ScopedModule.Crm, DataScope.Self)]
    public void Data_scope_follows_spec_b(AccountRole role, ScopedModule module, DataScope expected)
    {
        Assert.Equal(expected, PermissionMatrix.ScopeOf(role, module));
    }

    [Fact]
    public void Every_role_and_scoped_module_is_in_the_table_above()
    {
        // Keeps the theory above complete when a role or a module is added.
        Assert.Equal(4, Enum.GetValues<AccountRole>().Length);
        Assert.Equal(3, Enum.GetValues<ScopedModule>().Length);
    }
}
