using CustomerService.Domain.Conversations;
using CustomerService.Domain.LeaveMessages;
using CustomerService.Domain.Organisation;

namespace CustomerService.Tests.Domain.LeaveMessages;

/// <summary>留言处理范围 (SPEC C2, D12): which leave-messages an account sees, as the rule that the inbox query applies.</summary>
public sealed class LeaveMessageVisibilityTests
{
    private const int Me = 5;
    private const int MyGroup = 1;
    private const int OtherGroup = 2;

    private static readonly LeaveMessage ForMe = Message(1, MyGroup, responsible: Me);
    private static readonly LeaveMessage ForMyGroup = Message(2, MyGroup, responsible: null);
    private static readonly LeaveMessage ForColleagueInMyGroup = Message(3, MyGroup, responsible: 6);
    private static readonly LeaveMessage ForMeAtOtherGroup = Message(4, OtherGroup, responsible: Me);
    private static readonly LeaveMessage ForOtherGroup = Message(5, OtherGroup, responsible: null);
    private static readonly LeaveMessage[] All = [ForMe, ForMyGroup, ForColleagueInMyGroup, ForMeAtOtherGroup, ForOtherGroup];

    [Fact]
    public void Own_scope_sees_only_messages_addressed_to_the_account_in_any_group()
    {
        Assert.Equal([1, 4], Visible(LeaveMessageScope.Own));
    }

    [Fact]
    public void Reception_group_scope_adds_every_message_of_the_accounts_groups()
    {
        Assert.Equal([1, 2, 3, 4], Visible(LeaveMessageScope.ReceptionGroups));
    }

    [Fact]
    public void Reception_group_scope_without_groups_is_own_scope()
    {
        var visible = All.Where(LeaveMessageVisibility.VisibleTo(LeaveMessageScope.ReceptionGroups, Me, []).Compile()).Select(m => m.Id);

        Assert.Equal([1, 4], visible);
    }

    [Fact]
    public void All_scope_sees_every_message()
    {
        Assert.Equal([1, 2, 3, 4, 5], Visible(LeaveMessageScope.All));
    }

    private static IEnumerable<long> Visible(LeaveMessageScope scope) =>
        All.Where(LeaveMessageVisibility.VisibleTo(scope, Me, [MyGroup]).Compile()).Select(m => m.Id);

    private static LeaveMessage Message(long id, int group, int? responsible) =>
        new(id, null, 1, group, responsible, null, new LeaveMessageContent(null, null, null, "留言"), DateTime.UtcNow);

    [Fact]
    public void No_group_list_is_a_programming_error() =>
        Assert.Equal("receptionGroupIds", Assert.Throws<ArgumentNullException>(() => LeaveMessageVisibility.VisibleTo(LeaveMessageScope.Own, Me, null!)).ParamName);
}
