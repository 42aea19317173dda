namespace CustomerService.Domain.Organisation;

/// <summary>The four preset roles; an account has exactly one (seed 002 “三、账户管理”, SPEC B).</summary>
public enum AccountRole
{
    Admin = 0,
    TeamLead = 1,
    Sales = 2,
    QC = 3,
}
