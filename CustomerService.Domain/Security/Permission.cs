namespace CustomerService.Domain.Security;

/// <summary>What a signed-in person may open or do (the rows of SPEC B).</summary>
public enum Permission
{
    Console = 0,
    MonitorColleagueConversations = 1,
    ViewKpi = 2,
    ViewRecords = 3,
    GradeConversations = 4,
    ViewCrm = 5,
    ImportCrm = 6,
    ManageCrmFields = 7,
    Colleagues = 8,
    PersonalSettings = 9,
    EnterpriseSettings = 10,
    ViewQcStatistics = 11,

    /// <summary>关键绩效排名, 工作时长 and 排队分析: every KPI page but these is open to Sales (SPEC I1, 002 KPI §1).</summary>
    ViewKpiManagement = 12,
}

/// <summary>Whose data a query may return.</summary>
public enum DataScope
{
    /// <summary>Nothing: the module is closed to the role.</summary>
    None = 0,

    /// <summary>Only rows belonging to the signed-in account.</summary>
    Self = 1,

    /// <summary>Rows of every account in the same account group (组长 “自己组中所有人”).</summary>
    OwnGroup = 2,

    /// <summary>Every row of the enterprise.</summary>
    All = 3,
}

/// <summary>The modules whose data is scoped per role.</summary>
public enum ScopedModule
{
    Kpi = 0,
    Records = 1,
    Crm = 2,
}
