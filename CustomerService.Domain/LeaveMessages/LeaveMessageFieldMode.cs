namespace CustomerService.Domain.LeaveMessages;

/// <summary>How a field of the leave-message form is offered (seed 002 “留言”: 是否显示, 是否必填).</summary>
public enum LeaveMessageFieldMode
{
    Hidden = 0,
    Optional = 1,
    Required = 2,
}
