using System.Linq.Expressions;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;

namespace CustomerService.Domain.LeaveMessages;

/// <summary>
/// Which leave-messages an account may see and handle (留言处理范围, SPEC C2, D12; seed 002 “全部留言”: 客服可以根据管理设置
/// 的查看留言范围来查看相关留言). One expression, so the database applies it in the query (SPEC B: scoping is enforced on
/// the server) and tests can run the same rule in memory.
/// </summary>
public static class LeaveMessageVisibility
{
    /// <param name="scope">The account's <see cref="Account.LeaveMessageScope"/>.</param>
    /// <param name="accountId">The account.</param>
    /// <param name="receptionGroupIds">The reception groups the account is a member of.</param>
    /// <returns>
    /// <see cref="LeaveMessageScope.Own"/>: messages addressed to the account (its private contacts, its last visitors);
    /// <see cref="LeaveMessageScope.ReceptionGroups"/>: those plus every message left at an entry of its reception
    /// groups; <see cref="LeaveMessageScope.All"/>: every message.
    /// </returns>
    public static Expression<Func<LeaveMessage, bool>> VisibleTo(LeaveMessageScope scope, int accountId, IReadOnlyCollection<int> receptionGroupIds)
    {
        ArgumentNullException.ThrowIfNull(receptionGroupIds);
        var groups = receptionGroupIds.Distinct().ToArray();
        return scope switch
        {
            LeaveMessageScope.All => message => true,
            LeaveMessageScope.ReceptionGroups => message => message.ResponsibleAgentId == accountId || groups.Contains(message.ReceptionGroupId),
            LeaveMessageScope.Own => message => message.ResponsibleAgentId == accountId,
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
        };
    }
}
