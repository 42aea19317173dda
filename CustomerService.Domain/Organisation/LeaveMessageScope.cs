namespace CustomerService.Domain.Organisation;

/// <summary>Which visitor leave-messages an account handles (留言处理范围, seed 002 “三、账户管理”).</summary>
public enum LeaveMessageScope
{
    /// <summary>Only messages addressed to this account (its private contacts, its own visitors).</summary>
    Own = 0,

    /// <summary>Messages left at entries of the reception groups the account is a member of.</summary>
    ReceptionGroups = 1,

    /// <summary>Every leave-message of the enterprise; the default for admins.</summary>
    All = 2,
}
