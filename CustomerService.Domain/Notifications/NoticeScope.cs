namespace CustomerService.Domain.Notifications;

/// <summary>知会人员范围 (seed 002 “七、通知”): who a notice is for.</summary>
public enum NoticeScope
{
    /// <summary>Every enabled account.</summary>
    Everyone = 0,

    /// <summary>Every enabled account of one account group (账号分组).</summary>
    AccountGroup = 1,

    /// <summary>One account.</summary>
    Account = 2,
}
